#include "cli/xlsx_rows.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/calendar.hpp"

namespace dealgate::cli {

namespace {

// Element names arrive as `namespace|local` (the parser is namespace-aware, so a writer's prefix,
// `x:c` or `c`, does not matter); only the local part is compared.
std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const std::size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view wanted) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (local_name(attrs[i]) == wanted) return attrs[i + 1];
  }
  return nullptr;
}

// An attribute of the relationships namespace (`r:id`): matched by namespace, not prefix.
const XML_Char* relationship_id(const XML_Char** attrs) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    std::string_view n(attrs[i]);
    if (n.size() > 3 && n.substr(n.size() - 3) == "|id" &&
        n.find("relationships") != std::string_view::npos)
      return attrs[i + 1];
  }
  return nullptr;
}

// One XML part of the archive, streamed through expat. Handlers get the part object back.
class XmlPart {
 public:
  virtual ~XmlPart() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
  // Set by a handler to stop reading with an error.
  std::string failure;
};

class Archive {
 public:
  explicit Archive(zip_t* zip) : zip_(zip) {}
  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool has(const std::string& entry) const { return zip_name_locate(zip_, entry.c_str(), 0) >= 0; }

  // Streams `entry` through `part`; returns an error, or empty.
  std::string parse(const std::string& entry, XmlPart& part, std::size_t chunk_bytes) {
    zip_file_t* file = zip_fopen(zip_, entry.c_str(), 0);
    if (file == nullptr)
      return fmt::format("cannot read `{}` in the archive: {}", entry, zip_strerror(zip_));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                   XML_ParserFree);
    XML_SetUserData(parser.get(), &part);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
          static_cast<XmlPart*>(data)->start(local_name(name), attrs);
        },
        [](void* data, const XML_Char* name) {
          static_cast<XmlPart*>(data)->end(local_name(name));
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* s, int length) {
      static_cast<XmlPart*>(data)->text(std::string_view(s, static_cast<std::size_t>(length)));
    });
    std::vector<char> chunk(std::max<std::size_t>(chunk_bytes, 1));
    while (true) {
      const zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
      if (got < 0)
        return fmt::format("cannot read `{}` in the archive: {}", entry, zip_file_strerror(file));
      const bool last = got == 0;
      if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(got), last) != XML_STATUS_OK) {
        if (!part.failure.empty()) return part.failure;
        return fmt::format("`{}` is not well-formed XML (line {}): {}", entry,
                           XML_GetCurrentLineNumber(parser.get()),
                           XML_ErrorString(XML_GetErrorCode(parser.get())));
      }
      if (!part.failure.empty()) return part.failure;
      if (last) return {};
    }
  }

 private:
  zip_t* zip_;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookPart : public XmlPart {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheet") {
      const XML_Char* sheet = attribute(attrs, "name");
      const XML_Char* id = relationship_id(attrs);
      sheets.push_back({sheet != nullptr ? sheet : "", id != nullptr ? id : ""});
    } else if (name == "workbookPr") {
      const XML_Char* d = attribute(attrs, "date1904");
      date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

class RelationshipsPart : public XmlPart {
 public:
  std::unordered_map<std::string, std::string> targets;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    const XML_Char* id = attribute(attrs, "Id");
    const XML_Char* target = attribute(attrs, "Target");
    if (id != nullptr && target != nullptr) targets[id] = target;
  }
  void end(std::string_view) override {}
};

class StylesPart : public XmlPart {
 public:
  std::vector<bool> date_style;  // by cell style index (the `s` of a cell)
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "numFmt") {
      const XML_Char* id = attribute(attrs, "numFmtId");
      const XML_Char* code = attribute(attrs, "formatCode");
      if (id != nullptr && code != nullptr) custom_[std::atoi(id)] = is_date_format_code(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const XML_Char* id = attribute(attrs, "numFmtId");
      const int format = id != nullptr ? std::atoi(id) : 0;
      const auto custom = custom_.find(format);
      date_style.push_back(custom != custom_.end() ? custom->second
                                                   : (format >= 14 && format <= 22));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  std::unordered_map<int, bool> custom_;
  bool in_cell_xfs_ = false;
};

class SharedStringsPart : public XmlPart {
 public:
  std::vector<std::string> strings;
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      strings.emplace_back();
      in_item_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      in_text_ = in_item_ && !in_phonetic_;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") in_item_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view s) override {
    if (in_text_) strings.back().append(s);
  }

 private:
  bool in_item_ = false, in_phonetic_ = false, in_text_ = false;
};

// `C5` → column 2 (0-based); nullopt without letters.
std::optional<std::size_t> column_of(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
      if (++letters > 3) return std::nullopt;  // past XFD, the last column Excel has
    } else {
      break;
    }
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

class SheetPart : public XmlPart {
 public:
  SheetPart(const std::vector<std::string>& strings, const std::vector<bool>& date_style,
            bool date1904, const XlsxOptions& options, const CsvParser::Sink& sink)
      : strings_(strings),
        date_style_(date_style),
        date1904_(date1904),
        options_(options),
        sink_(sink) {}

  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      const XML_Char* r = attribute(attrs, "r");
      line_ = r != nullptr ? std::strtoull(r, nullptr, 10) : line_ + 1;
      cells_.clear();
      row_bytes_ = 0;
      too_large_ = false;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      const XML_Char* r = attribute(attrs, "r");
      std::optional<std::size_t> column = r != nullptr ? column_of(r) : std::nullopt;
      column_ = column ? *column : cells_.size();
      const XML_Char* t = attribute(attrs, "t");
      type_ = t != nullptr ? t : "n";
      const XML_Char* s = attribute(attrs, "s");
      const std::size_t style = s != nullptr ? std::strtoull(s, nullptr, 10) : 0;
      is_date_ = style < date_style_.size() && date_style_[style];
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || (name == "t" && type_ == "inlineStr"))) {
      in_value_ = true;
    } else if (in_cell_ && name == "rPh") {
      in_phonetic_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      place_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      deliver();
    }
  }

  void text(std::string_view s) override {
    if (!in_value_ || in_phonetic_) return;
    if (value_.size() + s.size() > options_.max_row_bytes) {
      too_large_ = true;
      return;
    }
    value_.append(s);
  }

 private:
  void place_cell() {
    std::string cell = cell_text();
    row_bytes_ += cell.size();
    if (row_bytes_ > options_.max_row_bytes || column_ > options_.max_row_bytes) too_large_ = true;
    if (too_large_) return;
    if (cells_.size() <= column_) cells_.resize(column_ + 1);
    cells_[column_] = std::move(cell);
  }

  std::string cell_text() {
    if (type_ == "s") {
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || ptr != value_.data() + value_.size() || index >= strings_.size())
        return {};  // a dangling index: no text to show
      return strings_[index];
    }
    if (type_ == "b") return value_ == "1" ? "true" : value_ == "0" ? "false" : value_;
    if (type_ == "n" && is_date_ && !value_.empty()) {
      double serial = 0;
      auto [ptr, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), serial);
      if (ec == std::errc() && ptr == value_.data() + value_.size()) {
        std::string date = excel_serial_date(serial, date1904_);
        if (!date.empty()) return date;
      }
    }
    return value_;  // numbers, formula strings, inline strings, errors, ISO dates (`t="d"`)
  }

  void deliver() {
    if (!have_header_) {
      while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
      if (cells_.empty()) return;  // a blank row before the header
      have_header_ = true;
      width_ = cells_.size();
    } else {
      bool blank = !too_large_;
      for (const std::string& c : cells_) blank = blank && c.empty();
      if (blank) return;
      // Trailing empty cells past the header are no cells at all in a CSV export.
      while (cells_.size() > width_ && cells_.back().empty()) cells_.pop_back();
      if (cells_.size() < width_) cells_.resize(width_);
    }
    CsvRow row;
    row.line = line_;
    if (too_large_) {
      row.error = fmt::format("the row is longer than {} bytes", options_.max_row_bytes);
    } else {
      row.cells.assign(cells_.begin(), cells_.end());
    }
    sink_(row);
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_style_;
  bool date1904_;
  const XlsxOptions& options_;
  const CsvParser::Sink& sink_;
  std::vector<std::string> cells_;
  std::string value_, type_;
  std::uint64_t line_ = 0;
  std::size_t column_ = 0, row_bytes_ = 0, width_ = 0;
  bool in_row_ = false, in_cell_ = false, in_value_ = false, in_phonetic_ = false;
  bool is_date_ = false, too_large_ = false, have_header_ = false;
};

// `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml` → the archive entry.
std::string entry_of(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

std::string read_workbook(zip_t* zip, const std::string& name, const XlsxOptions& options,
                          const CsvParser::Sink& sink) {
  Archive archive(zip);
  const std::string not_xlsx = fmt::format("`{}` is not an .xlsx workbook", name);
  if (!archive.has("xl/workbook.xml"))
    return not_xlsx + ": it has no xl/workbook.xml (is it an .xls or .ods file?)";
  WorkbookPart workbook;
  if (std::string e = archive.parse("xl/workbook.xml", workbook, options.chunk_bytes); !e.empty())
    return not_xlsx + ": " + e;
  if (workbook.sheets.empty()) return not_xlsx + ": the workbook has no sheets";
  const SheetEntry* sheet = &workbook.sheets.front();
  if (!options.sheet.empty()) {
    sheet = nullptr;
    std::string names;
    for (const SheetEntry& s : workbook.sheets) {
      if (s.name == options.sheet) sheet = &s;
      names += (names.empty() ? "`" : ", `") + s.name + "`";
    }
    if (sheet == nullptr)
      return fmt::format("`{}` has no sheet `{}`; its sheets are {}", name, options.sheet, names);
  }
  RelationshipsPart relationships;
  if (archive.has("xl/_rels/workbook.xml.rels")) {
    if (std::string e =
            archive.parse("xl/_rels/workbook.xml.rels", relationships, options.chunk_bytes);
        !e.empty())
      return not_xlsx + ": " + e;
  }
  const auto target = relationships.targets.find(sheet->relationship);
  const std::string entry =
      target != relationships.targets.end()
          ? entry_of(target->second)
          : "xl/worksheets/sheet" + std::to_string(sheet - workbook.sheets.data() + 1) + ".xml";
  if (!archive.has(entry))
    return fmt::format("{}: the sheet `{}` ({}) is missing", not_xlsx, sheet->name, entry);
  StylesPart styles;
  if (archive.has("xl/styles.xml")) {
    if (std::string e = archive.parse("xl/styles.xml", styles, options.chunk_bytes); !e.empty())
      return not_xlsx + ": " + e;
  }
  SharedStringsPart strings;
  if (archive.has("xl/sharedStrings.xml")) {
    if (std::string e = archive.parse("xl/sharedStrings.xml", strings, options.chunk_bytes);
        !e.empty())
      return not_xlsx + ": " + e;
  }
  SheetPart part(strings.strings, styles.date_style, workbook.date1904, options, sink);
  if (std::string e = archive.parse(entry, part, options.chunk_bytes); !e.empty())
    return not_xlsx + ": " + e;
  return {};
}

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

}  // namespace

std::string excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return {};  // up to 9999-12-31
  const auto days = static_cast<DayNumber>(std::floor(serial));
  if (date1904) return format_date(days_from_civil(1904, 1, 1) + days);
  // Excel counts 1900-02-29, which did not exist (Lotus 1-2-3's bug, kept for compatibility):
  // serials from 61 on are one day ahead of a true count from 1899-12-31.
  if (days == 60) return "1900-02-29";  // not a date; the date column reads it as Invalid
  if (days == 0) return {};             // Excel shows 1900-01-00
  return format_date(days_from_civil(1899, 12, 31) + days - (days > 60 ? 1 : 0));
}

bool is_date_format_code(const std::string& code) {
  bool date = false, time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {  // literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string::npos) break;
      i = close;
    } else if (c == '[') {  // a colour, a condition, a locale or elapsed time ([h])
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string::npos) break;
      const char first = i + 1 < close ? code[i + 1] : ' ';
      if (first == 'h' || first == 'H' || first == 'm' || first == 'M' || first == 's' ||
          first == 'S')
        time = true;  // elapsed time, `[h]:mm`: its minutes are not months
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as it is, or is padding
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (lower == 'd' || lower == 'y') date = true;
      if (lower == 'h' || lower == 's') time = true;
      if (lower == 'm') date = date || !time;  // `m` after `h` is minutes
    }
  }
  return date;
}

std::string read_xlsx_rows_from_memory(const std::string& bytes, const std::string& name,
                                       const XlsxOptions& options, const CsvParser::Sink& sink) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return fmt::format("cannot read `{}`: {}", name, text);
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return fmt::format("`{}` is not an .xlsx workbook (not a zip archive: {})", name, text);
  }
  zip_error_fini(&error);
  return read_workbook(zip, name, options, sink);
}

std::string read_xlsx_rows(const std::string& path, const XlsxOptions& options,
                           const CsvParser::Sink& sink) {
  if (path == "-") {
    std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    return read_xlsx_rows_from_memory(bytes, "standard input", options, sink);
  }
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (zip == nullptr) {
    if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ)
      return fmt::format("cannot open `{}`: {}", path, zip_error_text(code));
    return fmt::format("`{}` is not an .xlsx workbook (not a zip archive: {})", path,
                       zip_error_text(code));
  }
  return read_workbook(zip, path, options, sink);
}

}  // namespace dealgate::cli
