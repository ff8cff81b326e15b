#include "engine/facts/csv_facts.hpp"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "base/json_writer.hpp"
#include "base/suggest.hpp"
#include "engine/facts/csv_parser.hpp"
#include "engine/facts/facts_convert.hpp"
#include "engine/facts/input_source.hpp"
#include "engine/facts/text_decoder.hpp"

namespace dealgate {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

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

std::optional<bool> parse_csv_bool(std::string_view cell) {
  cell = trim(cell);
  for (std::string_view yes : {"true", "yes", "1"}) {
    if (equals_lower(cell, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "0"}) {
    if (equals_lower(cell, no)) return false;
  }
  return std::nullopt;
}

std::optional<double> parse_csv_number(std::string_view cell) {
  const std::string_view s = trim(cell);
  std::string text;  // what from_chars reads: no `+`, no `_`
  text.reserve(s.size());
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') text.push_back('-');
    ++i;
  }
  // Digits, with single underscores between two digits.
  auto digits = [&] {
    bool any = false;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        text.push_back(s[i++]);
        any = true;
      } else if (s[i] == '_' && any && i + 1 < s.size() && is_digit(s[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    return any;
  };
  bool whole = digits();
  bool fraction = false;
  if (i < s.size() && s[i] == '.') {
    text.push_back('.');
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    text.push_back('e');
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) text.push_back(s[i++]);
    bool exponent = false;
    while (i < s.size() && is_digit(s[i])) {
      text.push_back(s[i++]);
      exponent = true;
    }
    if (!exponent) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

struct CsvFactsReader::Impl {
  // How one header column is read.
  struct Column {
    std::string path;          // as written in the header, trimmed
    NodeIndex node = kNoNode;  // the declared fact; kNoNode for an ignored or id-only column
    bool used = false;         // read into the record
  };
  // The JSON object a row becomes: the used columns, nested by their record paths.
  struct Emit {
    std::string key;                // `"price":`
    std::size_t column = SIZE_MAX;  // a leaf; SIZE_MAX for a record that is built from its fields
    ValueType type = ValueType::String;
    NodeIndex node = kNoNode;
    std::vector<Emit> fields;
  };

  Impl(const Schema& s, CsvReaderOptions opts)
      : schema(s),
        options(std::move(opts)),
        parser(options.max_record_bytes, options.delimiter),
        converter(schema, options.id_field, options.max_depth, /*validate_ignored=*/false) {
    options.chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  }

  ReadStatus run(InputSource& source, const Sink& sink);
  void row(const CsvRow& row, const Sink& sink);
  bool header(const CsvRow& row);
  void warn(std::size_t column, std::string message, std::string help) {
    if (options.on_warning)
      options.on_warning(CsvWarning{column, std::move(message), std::move(help)});
  }
  void unknown_column(std::size_t column, const std::string& path);
  Emit& place(NodeIndex node);
  void convert_row(const CsvRow& row);
  bool emit(const Emit& e, const CsvRow& row, bool first);
  bool emit_cell(const Emit& e, std::string_view cell);
  void fail(std::string error) {
    record.facts.clear(schema.frames()[0].width);
    record.id_json = "null";
    record.error = std::move(error);
  }

  const Schema& schema;
  CsvReaderOptions options;
  CsvParser parser;
  FactsConverter converter;
  simdjson::dom::parser json_checker;  // checks JSON cells before they go into a row's object
  ReadRecord record;
  ReadStatus status;
  bool have_header = false;
  bool stop = false;
  std::vector<Column> columns;
  std::vector<std::pair<std::size_t, std::string>> undeclared;  // columns with no near fact
  Emit root;
  std::string json;          // the current row as a JSON object, padded for simdjson
  std::string decoded_cell;  // a Windows-1252 cell as UTF-8
  std::string row_error;     // set while emitting when a cell cannot be read at all
};

CsvFactsReader::CsvFactsReader(const Schema& schema, CsvReaderOptions options)
    : impl_(std::make_unique<Impl>(schema, std::move(options))) {}

CsvFactsReader::~CsvFactsReader() = default;

ReadStatus CsvFactsReader::read_file(const std::string& path, const Sink& sink) {
  return read_opened(path, [&](InputSource& source) { return impl_->run(source, sink); });
}

ReadStatus CsvFactsReader::read_stream(std::istream& in, const Sink& sink) {
  InputSource source(in);
  return impl_->run(source, sink);
}

ReadStatus CsvFactsReader::Impl::run(InputSource& source, const Sink& sink) {
  status = ReadStatus{};
  have_header = false;
  stop = false;
  columns.clear();
  root = Emit{};
  std::vector<char> chunk(options.chunk_bytes);
  const CsvParser::Sink on_row = [&](const CsvRow& r) { row(r, sink); };
  TextDecoder decoder;
  std::string text;
  while (!stop) {
    std::size_t got = source.read(chunk.data(), chunk.size());
    if (got == 0) break;
    text.clear();
    decoder.feed(std::string_view(chunk.data(), got), text);
    parser.feed(text, on_row);
  }
  text.clear();
  decoder.finish(text);
  if (!stop && !text.empty()) parser.feed(text, on_row);
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
  return status;
}

void CsvFactsReader::Impl::row(const CsvRow& r, const Sink& sink) {
  if (stop) return;
  if (!have_header) {
    have_header = true;
    if (!header(r)) stop = true;
    return;
  }
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
  columns.resize(r.cells.size());
  undeclared.clear();
  std::vector<std::size_t> column_of(schema.nodes().size(), SIZE_MAX);
  std::size_t id_column = SIZE_MAX;
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    Column& column = columns[i];
    column.path = std::string(trim(r.cells[i]));
    const std::size_t number = i + 1;
    if (column.path.empty()) {
      warn(number, "column " + std::to_string(number) + " has no name in the header",
           "the column is ignored");
      continue;
    }
    column.node = schema.find_path(column.path);
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
    if (column.node == kNoNode) {  // the id, not a declared fact: a string
      Emit e;
      std::string key;
      append_json_string(key, options.id_field);
      e.key = key + ":";
      e.column = i;
      e.type = ValueType::String;
      root.fields.push_back(std::move(e));
      continue;
    }
    Emit& e = place(column.node);
    e.column = i;
    e.fields.clear();
  }
  return true;
}

// The Emit entry for `node`, created with its enclosing records as needed.
CsvFactsReader::Impl::Emit& CsvFactsReader::Impl::place(NodeIndex node) {
  const SchemaNode& n = schema.node(node);
  Emit& parent = n.parent == kNoNode ? root : place(n.parent);
  for (Emit& e : parent.fields) {
    if (e.node == node) return e;
  }
  Emit e;
  e.key = "\"" + n.name + "\":";  // declared names are identifiers: nothing to escape
  e.type = n.type;
  e.node = node;
  parent.fields.push_back(std::move(e));
  return parent.fields.back();
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
  json.clear();
  row_error.clear();
  json.push_back('{');
  bool first = true;
  for (const Emit& e : root.fields) {
    if (emit(e, r, first)) first = false;
  }
  json.push_back('}');
  if (!row_error.empty()) {
    fail(std::move(row_error));
    return;
  }
  const std::size_t length = json.size();
  json.append(simdjson::SIMDJSON_PADDING, ' ');
  converter.read(json.data(), length, json.size(), record.facts, record.id_json, record.error);
}

// Appends the field for `e` (with a leading comma unless it is the first); false when the row has
// nothing for it (an empty cell, a record without any non-empty cell below it).
bool CsvFactsReader::Impl::emit(const Emit& e, const CsvRow& r, bool first) {
  const std::size_t start = json.size();
  if (!first) json.push_back(',');
  json += e.key;
  bool wrote = false;
  if (e.column != SIZE_MAX) {
    wrote = emit_cell(e, r.cells[e.column]);
  } else {
    json.push_back('{');
    bool inner_first = true;
    for (const Emit& field : e.fields) {
      if (emit(field, r, inner_first)) inner_first = false;
    }
    json.push_back('}');
    wrote = !inner_first;
  }
  if (!wrote) json.resize(start);
  return wrote;
}

// Appends the JSON value of one cell; false for an empty cell.
bool CsvFactsReader::Impl::emit_cell(const Emit& e, std::string_view cell) {
  if (e.type != ValueType::String) cell = trim(cell);
  if (cell.empty()) return false;
  if (!simdjson::validate_utf8(cell.data(), cell.size())) {
    // Not UTF-8: Excel's "CSV" on Windows is Windows-1252 (engine/facts/text_decoder.hpp).
    decoded_cell.clear();
    decode_windows_1252(cell, decoded_cell);
    cell = decoded_cell;
  }
  switch (e.type) {
    case ValueType::Bool:
      if (std::optional<bool> b = parse_csv_bool(cell)) {
        json += *b ? "true" : "false";
        return true;
      }
      break;
    case ValueType::Number:
      if (std::optional<double> d = parse_csv_number(cell)) {
        char buffer[32];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, *d);
        json.append(buffer, result.ptr);
        return true;
      }
      break;
    case ValueType::String:
    case ValueType::Date:
      break;
    case ValueType::List:
    case ValueType::Record: {
      // Valid JSON goes in as it is (the converter then judges its type, as for a JSON record);
      // anything else is kept as a string, which makes the fact Invalid.
      simdjson::dom::element element;
      if (json_checker.parse(cell.data(), cell.size(), true).get(element) == simdjson::SUCCESS) {
        json.append(cell);
        return true;
      }
      break;
    }
  }
  append_json_string(json, cell);
  return true;
}

}  // namespace dealgate
