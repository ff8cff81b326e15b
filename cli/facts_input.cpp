#include "cli/facts_input.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/suggest.hpp"
#include "cli/messages.hpp"
#include "cli/strict_input.hpp"
#include "cli/xlsx_rows.hpp"
#include "engine/facts/csv_facts.hpp"
#include "engine/facts/json_facts.hpp"

namespace dealgate::cli {

namespace {

// `.csv` in any case: spreadsheet exports on Windows are often `.CSV`.
bool has_extension(const std::string& path, std::string_view wanted) {
  if (path.size() <= wanted.size()) return false;
  std::string extension = path.substr(path.size() - wanted.size());
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == wanted;
}

}  // namespace

bool is_csv(const FactsSource& source) {
  if (source.format != InputFormat::Auto) return source.format == InputFormat::Csv;
  return has_extension(source.path, ".csv");
}

bool is_xlsx(const FactsSource& source) {
  if (source.format != InputFormat::Auto) return source.format == InputFormat::Xlsx;
  return has_extension(source.path, ".xlsx");
}

void print_csv_warning(std::ostream& err, const CsvWarning& warning, bool color) {
  const char* yellow = color ? "\033[1;33m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  fmt::print(err, "{}{}:{} {}{}{}\n", warning.note ? green : yellow,
             warning.note ? "note" : "warning", reset, bold, warning.message, reset);
  if (!warning.help.empty()) fmt::print(err, "  = {}help:{} {}\n", green, reset, warning.help);
}

std::optional<UsageError> choose_sources(const std::vector<SourceSpec>& declared,
                                         const std::string& name,
                                         std::vector<const SourceSpec*>& out) {
  out.clear();
  for (const SourceSpec& spec : declared) {
    if (name.empty() || spec.name == name) out.push_back(&spec);
  }
  if (!name.empty() && out.empty()) {
    std::vector<std::string> names;
    for (const SourceSpec& spec : declared) names.push_back(spec.name);
    std::string help = did_you_mean(name, names);
    if (help.empty()) {
      help = declared.empty() ? "the rules declare no `source`; see docs/language.md, Sources"
                              : fmt::format("the rules' sources are {}", fmt::join(names, ", "));
    }
    return UsageError{fmt::format("there is no source `{}`", name), help};
  }
  return std::nullopt;
}

bool use_sources(const std::vector<SourceSpec>& declared, const std::string& name,
                 FactsSource& source, std::ostream& err, bool color) {
  std::optional<UsageError> bad = choose_sources(declared, name, source.sources);
  if (bad) print_error(err, bad->message, bad->help, color);
  return !bad;
}

std::string read_facts_in_blocks(const Schema& schema, const FactsSource& source,
                                 std::size_t block_bytes, const RecordSink& sink,
                                 const BlockSink& blocks) {
  if (is_csv(source) || is_xlsx(source)) return read_facts(schema, source, sink);
  FactsReaderOptions options;
  options.id_field = source.id_field;
  options.chunk_bytes = block_bytes;
  options.encoding = source.table.encoding;
  FactsReader reader(schema, options);
  ReadStatus status = reader.read_file_blocks(
      source.path,
      [&](ReadRecord& record) {
        sink(FactsRecord{record.line, record.error, record.id_json, record.facts});
      },
      blocks);
  if (source.status != nullptr) *source.status = status;
  return status.error;
}

std::string read_facts(const Schema& schema, const FactsSource& source, const RecordSink& sink) {
  const auto forward = [&](ReadRecord& record) {
    sink(FactsRecord{record.line, record.error, record.id_json, record.facts});
  };
  if (is_csv(source) || is_xlsx(source)) {
    CsvReaderOptions options;
    options.id_field = source.id_field;
    options.delimiter = source.table.delimiter;
    options.encoding = source.table.encoding;
    options.sources = source.sources;
    std::ostream& err = source.warnings != nullptr ? *source.warnings : std::cerr;
    options.on_warning = [&](const CsvWarning& warning) {
      print_csv_warning(err, warning, source.warnings_color);
    };
    CsvFactsReader reader(schema, std::move(options));
    ReadStatus status;
    if (is_xlsx(source)) {
      XlsxOptions xlsx;
      xlsx.sheet = source.table.sheet;
      status = reader.read_rows(
          [&](const CsvParser::Sink& rows) { return read_xlsx_rows(source.path, xlsx, rows); },
          forward);
    } else {
      status = reader.read_file(source.path, forward);
    }
    if (status.header_unmatched)
      status.error = unmatched_header_error(schema, source.sources, status);
    if (source.status != nullptr) *source.status = status;
    return status.error;
  }
  FactsReaderOptions options;
  options.id_field = source.id_field;
  options.encoding = source.table.encoding;
  FactsReader reader(schema, options);
  ReadStatus status = reader.read_file(source.path, forward);
  if (source.status != nullptr) *source.status = status;
  return status.error;
}

std::string unreadable_reason(const std::string& path) {
  if (path == "-") return {};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fmt::format("`{}` is a folder", path);
  std::ifstream probe(path, std::ios::binary);
  if (!probe) return fmt::format("cannot open `{}`: {}", path, std::strerror(errno));
  return {};
}

}  // namespace dealgate::cli
