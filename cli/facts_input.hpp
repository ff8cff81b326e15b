// The one seam between the commands and the facts readers (engine/facts/json_facts.hpp,
// engine/facts/csv_facts.hpp): stream every record of the --facts input, in input order, to a sink.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "engine/facts/csv_facts.hpp"
#include "engine/facts/facts.hpp"
#include "engine/schema/schema.hpp"
#include "engine/schema/source_spec.hpp"

namespace dealgate::cli {

struct FactsSource {
  std::string path;  // a file, or `-` for standard input
  InputFormat format = InputFormat::Auto;
  std::string id_field = "id";
  // Where CSV header warnings go (a column that names no declared fact, ...): standard error when
  // null.
  std::ostream* warnings = nullptr;
  bool warnings_color = false;
  TableOptions table{};  // the sheet of an .xlsx, the delimiter of a CSV, the text encoding
  // The `source` declarations a CSV export may be (engine/facts/csv_facts.hpp); see choose_sources.
  std::vector<const SourceSpec*> sources = {};
  // Set: receives the read's whole status (what an input without records held, the rows a source
  // skipped), for the strict input checks (cli/strict_input.hpp) and the summary.
  ReadStatus* status = nullptr;
};

// The sources a CSV export is read with: the one --source names (an unknown name is a usage error,
// with a "did you mean"), else every source of the rules.
std::optional<UsageError> choose_sources(const std::vector<SourceSpec>& declared,
                                         const std::string& name,
                                         std::vector<const SourceSpec*>& out);
// choose_sources into `source.sources`; on an unknown name prints the error and returns false (the
// command exits with the usage code).
bool use_sources(const std::vector<SourceSpec>& declared, const std::string& name,
                 FactsSource& source, std::ostream& err, bool color);

// One input record as the reader hands it over; valid only during the call.
struct FactsRecord {
  std::uint64_t line = 0;
  const std::string& error;    // non-empty: the record could not be read
  const std::string& id_json;  // raw JSON of the id field, or `null`
  const Facts& facts;
};
using RecordSink = std::function<void(const FactsRecord&)>;

// `warning: message`, then `  = help: ...`, like the other messages on standard error.
void print_csv_warning(std::ostream& err, const CsvWarning& warning, bool color);

// Like read_facts, but JSON Lines input goes to `blocks` unparsed, in blocks of whole lines of
// about `block_bytes`, for parallel reading with FactsReader::read_lines (see
// FactsReader::read_file_blocks). Other inputs (CSV, a JSON array, one document) still go to
// `sink`, record by record.
using BlockSink = std::function<void(std::string_view lines, std::uint64_t first_line)>;
std::string read_facts_in_blocks(const Schema& schema, const FactsSource& source,
                                 std::size_t block_bytes, const RecordSink& sink,
                                 const BlockSink& blocks);

// Why `path` (a --facts argument) cannot be opened for reading, or an empty string (also for `-`).
// Commands check this before compiling output, so a typo in the path is one clear message.
std::string unreadable_reason(const std::string& path);

// CSV when asked for, or for a `.csv` file under InputFormat::Auto; likewise XLSX for `.xlsx`;
// JSON otherwise. Both tables are read by the CSV reader (XLSX through cli/xlsx_rows.hpp), on the
// calling thread: their rows are not split into blocks of text lines for the workers.
bool is_csv(const FactsSource& source);
bool is_xlsx(const FactsSource& source);

// Calls `sink` for every record, in input order, error records included. Returns what made the
// input itself unreadable (it cannot be opened, a read failed), or an empty string; records before
// such a failure have been delivered.
std::string read_facts(const Schema& schema, const FactsSource& source, const RecordSink& sink);

}  // namespace dealgate::cli
