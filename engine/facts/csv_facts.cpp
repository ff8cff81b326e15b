#include "engine/facts/csv_facts.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "base/json_writer.hpp"
#include "base/suggest.hpp"
#include "engine/facts/cell_value.hpp"
#include "engine/facts/csv_parser.hpp"
#include "engine/facts/facts_convert.hpp"
#include "engine/facts/input_source.hpp"
#include "engine/facts/source_mapping.hpp"
#include "engine/facts/text_decoder.hpp"

namespace dealgate {

namespace {

std::string backticked(std::string_view name) {
  // Built by appending: `"`" + std::string(name)` trips GCC 12's -Wrestrict false positive at -O3.
  std::string out;
  out.reserve(name.size() + 2);
  out += '`';
  out += name;
  out += '`';
  return out;
}

}  // namespace

struct CsvFactsReader::Impl {
  // How one header column is read.
  struct Column {
    std::string path;          // as written in the header, trimmed
    NodeIndex node = kNoNode;  // the declared fact; kNoNode for an ignored or id-only column
    bool used = false;         // read into the record
    const SourceColumn* format = nullptr;  // the source's column it is, if any
    std::size_t bad_values = 0;            // cells that did not fit the format
  };
  // A fact every row fills, straight into its slot: from a column's cell, or a source's constant.
  struct Fill {
    std::size_t column = SIZE_MAX;  // SIZE_MAX: a constant
    NodeIndex node = kNoNode;       // kNoNode: the id column, when the id is no fact
    ValueType type = ValueType::String;
    const SourceColumn* format = nullptr;   // a source column with a format
    const std::string* constant = nullptr;  // a source's constant, instead of a cell
    bool id = false;                        // the cell is the record's id too
  };

  Impl(const Schema& s, CsvReaderOptions opts)
      : schema(s),
        options(std::move(opts)),
        parser(options.max_record_bytes, options.delimiter),
        // JSON cells are checked whole, undeclared keys included: a cell that is not JSON is an
        // invalid fact wherever the damage is.
        converter(schema, options.id_field, options.max_depth, /*validate_ignored=*/true) {
    options.chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  }

  void reset();
  ReadStatus run(InputSource& source, const Sink& sink);
  void row(const CsvRow& row, const Sink& sink);
  bool header(const CsvRow& row);
  bool choose_source(const CsvRow& row);
  bool skipped_by_source(const CsvRow& row);
  void bad_value(const Fill& f, std::string_view cell);
  void finish_notes();
  void warn(std::size_t column, std::string message, std::string help) {
    if (options.on_warning)
      options.on_warning(CsvWarning{column, 0, std::move(message), std::move(help)});
  }
  void unknown_column(std::size_t column, const std::string& path);
  void add_fill(Fill fill);
  void convert_row(const CsvRow& row);
  bool fill(const Fill& f, std::string_view cell);
  void fail(std::string error) {
    record.facts.clear(schema.frames()[0].width);
    record.id_json = "null";
    record.error = std::move(error);
  }

  const Schema& schema;
  CsvReaderOptions options;
  CsvParser parser;
  FactsConverter converter;
  ReadRecord record;
  ReadStatus status;
  bool have_header = false;
  bool stop = false;
  std::vector<Column> columns;
  std::vector<std::pair<std::size_t, std::string>> undeclared;  // columns with no near fact
  std::vector<Fill> fills;             // in header order, then the constants
  std::string decoded_cell;            // a cell that was not UTF-8, as UTF-8
  const SourceSpec* chosen = nullptr;  // the source the header is, if any
  bool in_footer = false;
  std::uint64_t footer_line = 0, footer_rows = 0, blank_rows = 0;
};

CsvFactsReader::CsvFactsReader(const Schema& schema, CsvReaderOptions options)
    : impl_(std::make_unique<Impl>(schema, std::move(options))) {}

CsvFactsReader::~CsvFactsReader() = default;

ReadStatus CsvFactsReader::read_rows(const RowFeed& rows, const Sink& sink) {
  impl_->reset();
  std::string error = rows([&](const CsvRow& r) { impl_->row(r, sink); });
  if (!error.empty() && impl_->status.error.empty()) impl_->status.error = std::move(error);
  impl_->finish_notes();
  if (!impl_->have_header && impl_->status.ok()) impl_->status.shape = InputShape::Nothing;
  return impl_->status;
}

ReadStatus CsvFactsReader::read_stream(std::istream& in, const Sink& sink) {
  InputSource source(in);
  return impl_->run(source, sink);
}

ReadStatus CsvFactsReader::read_file(const std::string& path, const Sink& sink) {
  return read_opened(path, [&](InputSource& source) { return impl_->run(source, sink); });
}

void CsvFactsReader::Impl::reset() {
  status = ReadStatus{};
  have_header = false;
  stop = false;
  columns.clear();
  fills.clear();
  chosen = nullptr;
  in_footer = false;
  footer_line = footer_rows = blank_rows = 0;
}

ReadStatus CsvFactsReader::Impl::run(InputSource& source, const Sink& sink) {
  reset();
  std::vector<char> chunk(options.chunk_bytes);
  const CsvParser::Sink on_row = [&](const CsvRow& r) { row(r, sink); };
  source.decode_as(options.encoding);
  std::string opening;  // the first bytes, to tell an empty input from a blank one
  while (!stop) {
    std::size_t got = source.read(chunk.data(), chunk.size());
    if (got == 0) break;
    if (opening.size() < 4) opening.append(chunk.data(), std::min<std::size_t>(got, 4));
    parser.feed(std::string_view(chunk.data(), got), on_row);
  }
  if (!source.error().empty()) {
    // The row being read when the input failed is incomplete: drop it.
    status.error = source.error();
    parser.finish([](const CsvRow&) {});
    return status;
  }
  if (stop) {
    parser.finish([](const CsvRow&) {});
  } else {
    parser.finish(on_row);
  }
  finish_notes();
  if (!have_header && status.ok()) {
    // The source drops a UTF-16 byte order mark; a UTF-8 one reaches the parser.
    const bool only_a_mark = opening.empty() || opening == "\xEF\xBB\xBF";
    status.shape = only_a_mark ? InputShape::Nothing : InputShape::Blank;
  }
  return status;
}

void CsvFactsReader::Impl::row(const CsvRow& r, const Sink& sink) {
  if (stop) return;
  if (!have_header) {
    have_header = true;
    if (!header(r)) stop = true;
    return;
  }
  if (chosen != nullptr && skipped_by_source(r)) return;
  record.line = r.line;
  if (!r.error.empty()) {
    fail(r.error);
  } else if (r.cells.size() != columns.size()) {
    fail("the row has " + std::to_string(r.cells.size()) +
         (r.cells.size() == 1 ? " cell" : " cells") + ", the header has " +
         std::to_string(columns.size()));
  } else {
    convert_row(r);
  }
  ++status.records;
  if (!record.error.empty()) ++status.bad_records;
  sink(record);
}

bool CsvFactsReader::Impl::header(const CsvRow& r) {
  if (!r.error.empty()) {
    status.error =
        "the header row (line " + std::to_string(r.line) + ") cannot be read: " + r.error;
    return false;
  }
  if (!choose_source(r)) return false;
  columns.resize(r.cells.size());
  undeclared.clear();
  std::vector<std::size_t> column_of(schema.nodes().size(), SIZE_MAX);
  std::size_t id_column = SIZE_MAX;
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    Column& column = columns[i];
    column.path = std::string(trim_blanks(r.cells[i]));
    const std::size_t number = i + 1;
    if (column.path.empty()) {
      warn(number, "column " + std::to_string(number) + " has no name in the header",
           "the column is ignored");
      continue;
    }
    column.format = chosen != nullptr ? find_source_column(*chosen, column.path) : nullptr;
    column.node = column.format != nullptr ? column.format->node : schema.find_path(column.path);
    if (column.node == kNoNode) {
      if (column.path == options.id_field) {
        if (id_column == SIZE_MAX) {
          id_column = i;
          column.used = true;
        } else {
          warn(number,
               "column " + backticked(column.path) + " appears twice in the header (columns " +
                   std::to_string(id_column + 1) + " and " + std::to_string(number) + ")",
               "the later column is ignored");
        }
        continue;
      }
      unknown_column(number, column.path);
      continue;
    }
    if (column_of[column.node] != SIZE_MAX) {
      warn(number,
           "column " + backticked(column.path) + " appears twice in the header (columns " +
               std::to_string(column_of[column.node] + 1) + " and " + std::to_string(number) + ")",
           "the later column is ignored");
      column.node = kNoNode;
      continue;
    }
    column_of[column.node] = i;
    column.used = true;
  }
  for (const Column& column : columns) status.header.push_back(column.path);
  if (std::none_of(columns.begin(), columns.end(),
                   [](const Column& c) { return c.used && c.node != kNoNode; })) {
    // Every deal would be all missing facts: a wrong export, or rules for another one.
    status.header_unmatched = true;
    status.error = "no column of the header (line " + std::to_string(r.line) +
                   ") is a declared fact or a column of a source";
    return false;
  }
  // Columns that are nothing like a declared fact (an export's extra fields): one warning.
  if (undeclared.size() == 1) {
    warn(undeclared[0].first,
         "column " + backticked(undeclared[0].second) + " is not a declared fact",
         "the column is ignored");
  } else if (!undeclared.empty()) {
    std::string names;
    for (const auto& [number, path] : undeclared)
      names += (names.empty() ? "" : ", ") + backticked(path);
    warn(undeclared[0].first,
         std::to_string(undeclared.size()) + " columns are not declared facts: " + names,
         "the columns are ignored");
  }
  // A column inside a record column: the record column's JSON object holds the whole record.
  for (std::size_t i = 0; i < columns.size(); ++i) {
    Column& column = columns[i];
    if (!column.used || column.node == kNoNode) continue;
    for (NodeIndex up = schema.node(column.node).parent; up != kNoNode;
         up = schema.node(up).parent) {
      if (column_of[up] != SIZE_MAX) {
        warn(i + 1,
             "column " + backticked(column.path) + " lies inside the record column " +
                 backticked(schema.node(up).path) + " (column " +
                 std::to_string(column_of[up] + 1) + ")",
             "the column is ignored: the record column's JSON object holds the whole record");
        column.used = false;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (!column.used) continue;
    Fill f;
    f.column = i;
    f.node = column.node;
    if (column.node != kNoNode) {
      f.type = schema.node(column.node).type;
      if (column.format != nullptr && column.format->format != CellFormat::Plain) {
        f.format = column.format;
      }
    }
    add_fill(f);
  }
  if (chosen != nullptr) {
    std::string absent;
    for (const SourceColumn& c : chosen->columns) {
      if (column_of[c.node] == SIZE_MAX)
        absent += (absent.empty() ? "" : ", ") + backticked(c.header);
    }
    if (!absent.empty()) {
      warn(0, "the header has no column " + absent + " of source " + backticked(chosen->name),
           "those facts are missing in every deal; check that the export is the right report");
    }
    for (const SourceConstant& c : chosen->constants) {
      if (column_of[c.node] != SIZE_MAX) continue;  // the export's own column wins
      Fill f;
      f.node = c.node;
      f.type = c.type;
      f.constant = &c.text;
      add_fill(f);
    }
  }
  return true;
}

// Which source the header is: of the sources given, the one that names most of its cells. A cell
// that is a declared fact path as written does not count, so a header of fact paths keeps being
// read as one, however many sources the rules declare.
bool CsvFactsReader::Impl::choose_source(const CsvRow& r) {
  chosen = nullptr;
  std::vector<std::string_view> names;
  for (std::string_view cell : r.cells) {
    const std::string_view name = trim_blanks(cell);
    if (schema.find_path(name) == kNoNode && name != options.id_field) names.push_back(name);
  }
  std::size_t best = 0;
  const SourceSpec* tied = nullptr;
  for (const SourceSpec* candidate : options.sources) {
    const std::size_t matches = header_matches(*candidate, names);
    if (matches > best) {
      best = matches;
      chosen = candidate;
      tied = nullptr;
    } else if (matches == best && matches > 0) {
      tied = candidate;
    }
  }
  if (tied != nullptr) {
    status.error = "the header fits source " + backticked(chosen->name) + " and source " +
                   backticked(tied->name) + " equally (" + std::to_string(best) +
                   " columns each): pick one with --source";
    chosen = nullptr;
    return false;
  }
  return true;
}

// Blank rows and the footer of the source's report: skipped, counted, not records.
bool CsvFactsReader::Impl::skipped_by_source(const CsvRow& r) {
  if (in_footer) {
    ++footer_rows;
    return true;
  }
  if (!r.error.empty()) return false;
  if (is_blank_row(r.cells)) {
    ++blank_rows;
    return true;
  }
  if (starts_footer(*chosen, r.cells)) {
    in_footer = true;
    footer_line = r.line;
    ++footer_rows;
    return true;
  }
  return false;
}

void CsvFactsReader::Impl::bad_value(const Fill& f, std::string_view cell) {
  Column& column = columns[f.column];
  if (++column.bad_values > options.bad_values_shown) return;
  CsvWarning w;
  w.column = f.column + 1;
  w.line = record.line;
  w.message = "column " + backticked(column.path) + ", line " + std::to_string(record.line) + ": " +
              backticked(cell) + " is not " + describe_expected(*f.format);
  w.help = "write it like " + backticked(format_example(*f.format)) +
           "; the deal is evaluated with " + backticked(f.format->path) + " invalid";
  if (options.on_warning) options.on_warning(w);
}

void CsvFactsReader::Impl::finish_notes() {
  if (chosen != nullptr) status.source = chosen->name;
  status.footer_rows = footer_rows;
  status.blank_rows = blank_rows;
  if (have_header && status.ok() && status.records == 0) status.shape = InputShape::HeaderOnly;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (column.bad_values <= options.bad_values_shown || column.format == nullptr) continue;
    warn(i + 1,
         "column " + backticked(column.path) + ": " + std::to_string(column.bad_values) +
             " values in all are not " + describe_expected(*column.format) + " (" +
             std::to_string(options.bad_values_shown) + " shown above)",
         "the deals are evaluated with " + backticked(column.format->path) + " invalid");
  }
  if (chosen == nullptr || (footer_rows == 0 && blank_rows == 0) || !options.on_warning) return;
  CsvWarning note;
  note.note = true;
  note.message = "source " + backticked(chosen->name) + ": skipped ";
  if (footer_rows > 0) {
    note.message += "the report's footer (" + std::to_string(footer_rows) +
                    (footer_rows == 1 ? " line" : " lines") + " from line " +
                    std::to_string(footer_line) + ")";
  }
  if (blank_rows > 0) {
    note.message += std::string(footer_rows > 0 ? " and " : "") + std::to_string(blank_rows) +
                    (blank_rows == 1 ? " blank row" : " blank rows");
  }
  note.message += "; they are not deals";
  options.on_warning(note);
}

// The id is the top-level fact named by the id field, or a column of that name that is no fact.
void CsvFactsReader::Impl::add_fill(Fill f) {
  if (f.node == kNoNode) {
    f.id = true;
  } else {
    const SchemaNode& n = schema.node(f.node);
    f.id = n.parent == kNoNode && n.name == options.id_field;
  }
  fills.push_back(f);
}

void CsvFactsReader::Impl::unknown_column(std::size_t column, const std::string& path) {
  // Walk the path as far as it is declared, to say where it goes wrong.
  NodeIndex at = kNoNode;
  std::string_view rest = path;
  while (true) {
    const std::size_t dot = rest.find('.');
    std::string_view segment = rest.substr(0, dot);
    const bool element = segment.size() > 2 && segment.substr(segment.size() - 2) == "[]";
    if (element) segment.remove_suffix(2);
    const NodeIndex next = schema.find_field(at, segment);
    if (next == kNoNode) break;
    at = next;
    if (schema.node(at).type == ValueType::List && (element || dot != std::string_view::npos)) {
      warn(column,
           "column " + backticked(path) + " is a field inside the list " +
               backticked(schema.node(at).path) + "; a list is one column that holds a JSON array",
           "the column is ignored; export " + backticked(schema.node(at).path) +
               " as one column, such as [{\"name\": \"...\"}, ...]");
      return;
    }
    if (dot == std::string_view::npos || schema.node(at).type != ValueType::Record) break;
    rest.remove_prefix(dot + 1);
  }
  std::vector<std::string> candidates;
  for (std::string& p : schema.all_paths()) {
    if (p.find("[]") == std::string::npos) candidates.push_back(std::move(p));
  }
  std::string suggestion = did_you_mean(path, candidates);
  if (suggestion.empty()) {  // reported together with the others like it, after the header
    undeclared.emplace_back(column, path);
    return;
  }
  warn(column, "column " + backticked(path) + " is not a declared fact; " + suggestion,
       "the column is ignored");
}

void CsvFactsReader::Impl::convert_row(const CsvRow& r) {
  record.error.clear();
  record.id_json = "null";
  converter.begin_cells(record.facts);
  for (const Fill& f : fills) {
    if (!fill(f, f.constant != nullptr ? std::string_view(*f.constant) : r.cells[f.column])) return;
  }
}

// One cell into its fact's slot; false when the row became an error record.
bool CsvFactsReader::Impl::fill(const Fill& f, std::string_view cell) {
  if (f.type != ValueType::String) cell = trim_blanks(cell);
  if (cell.empty()) return true;  // Missing, as CSV cannot tell an empty text from no value
  if (!simdjson::validate_utf8(cell.data(), cell.size())) {
    // Not UTF-8: Excel's "CSV" on Windows is Windows-1252 (engine/facts/text_decoder.hpp), unless
    // --encoding said the input is UTF-8; then a bad byte is U+FFFD. (A forced UTF-16 or
    // Windows-1252 input arrives here as valid UTF-8.)
    decoded_cell.clear();
    if (options.encoding == TextEncoding::Auto) {
      decode_windows_1252(cell, decoded_cell);
    } else {
      repair_utf8(cell, decoded_cell);
    }
    cell = decoded_cell;
  }
  if (f.node == kNoNode) {  // the id, not a declared fact: a string
    record.id_json.clear();
    append_json_string(record.id_json, cell);
    return true;
  }
  std::optional<CellValue> value =
      f.format != nullptr ? read_source_cell(*f.format, cell) : read_plain_cell(f.type, cell);
  if (!value) {
    if (f.format != nullptr) bad_value(f, trim_blanks(cell));
    converter.store_unfit_cell(f.node, trim_blanks(cell));
  } else if (!converter.store_cell(*value, f.node, record.error)) {
    fail(std::move(record.error));
    return false;
  }
  if (f.id) {
    const FactValue& slot = record.facts.top[schema.node(f.node).slot];
    record.id_json.clear();
    if (slot.state == FactState::Invalid) {
      record.id_json = record.facts.text(slot);
    } else {
      append_cell_json(*value, record.id_json);
    }
  }
  return true;
}

}  // namespace dealgate
