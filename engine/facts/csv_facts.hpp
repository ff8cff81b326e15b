// Reads deal records from CSV (a CRM report export) into Facts, streaming, in input order, with the
// same record and sink contract as the JSON reader (engine/facts/json_facts.hpp).
//
// The layout (spec §7): the first row is a header of fact paths (`id`, `value.price`,
// `diagnosis.causes.confirmed`); every later row is one deal. Rows are split by
// engine/facts/csv_parser.hpp (RFC 4180: quoted cells with commas, quotes and line breaks; CRLF; a
// UTF-8 byte order mark).
//
// Cells go straight into the facts' slots (engine/facts/facts_convert.hpp), read by the declared
// type of their column (engine/facts/cell_value.hpp), never written as JSON on the way:
//   any type   an empty cell is Missing (CSV cannot tell an empty text from no value). Cells of
//              bool, number, date, list and record columns are trimmed of spaces and tabs first,
//              so a cell of only spaces is Missing too; string cells are kept exactly as written.
//   bool       `true false yes no 1 0`, in any case
//   number     a plain decimal number: optional sign, digits, optional fraction and exponent
//              (`-3`, `+4`, `12.5`, `.5`, `1e3`, `2.5E-2`); `_` may group digits as in the rule
//              language (`1_000_000`). No thousands separators (`1,000` and `1 000` are not
//              numbers: a comma is a decimal point in half the world), no `NaN` or `inf`, nothing
//              outside the range of a double.
//   string     the cell as written
//   date       `YYYY-MM-DD`, or an ISO-8601 timestamp whose date part is used
//   list<T>    a JSON array, converted exactly like a list in a JSON record (engine/
//              facts_convert.hpp): `["uptime","cost"]`, `[{"role":"cfo","engaged":true}]`
//   record     a column may also name a record (`fit`); its cell is then a JSON object, converted
//              like one in a JSON record, and columns for paths inside it are ignored (a warning)
// A cell that does not fit its type makes that fact Invalid, with the cell kept for explanations
// (as a JSON string, the way the JSON reader keeps a string where a number belongs): `maybe` in a
// bool column, `1,000` in a number column, `18/10/2026` in a date column, `see plan` in a list
// column. A record (`diagnosis`, `diagnosis.causes`) is Present when some cell below it is not
// empty, else Missing. A JSON cell nested deeper than max_depth makes its row an error record.
//
// The header: names are trimmed. A column that names no declared fact, names a field inside a
// list (`stakeholders.role`: a list is one column holding a JSON array), repeats an earlier column,
// lies inside a record column, or has no name is reported once through `on_warning` and ignored.
// A misspelt path gets its own warning with a "did you mean" (`valu.price`); columns that are
// nothing like a declared fact (an export's extra fields) share one warning that names them all.
// The `id_field` column gives each record's id: its cell as a JSON string (`"D-1"`; an empty cell
// is `null`), or as its declared type's JSON when the id is a declared fact (`id: number` → `42`).
//
// Records: `line` is the 1-based physical line the row starts on, counting the header: the header
// is line 1 and the first deal line 2, as an editor or spreadsheet shows them; a row after a cell
// with line breaks starts on a later line. Blank lines are not records but are counted. A row that
// cannot be read is an error record with its line, and reading goes on with the next row: a row
// whose cell count differs from the header's, a malformed row (text after a closing quote, a
// quoted cell still open at the end of the input, a row over max_record_bytes), a cell of a
// declared column that is not valid UTF-8 is read as Windows-1252 (engine/facts/text_decoder.hpp);
// UTF-16 input with a byte order mark is decoded first. A forced `encoding` decodes the whole
// input instead, and a cell that is still not UTF-8 (a forced UTF-8) has U+FFFD for its bad bytes.
// A header that cannot be read is a ReadStatus error.
//
// Sources: with a `source` declaration (engine/schema/source_spec.hpp), a header cell that names
// one of its columns fills that column's fact, each cell converted by the column's format
// (engine/facts/source_mapping.hpp); the other header cells are read as fact paths, as above. A
// cell that does not fit its format makes the fact Invalid with the raw cell kept, and is reported
// through `on_warning` with its column, line, raw value, the format expected and an example. The
// source's constants fill their facts in every record. Its blank rows (all cells empty) and its
// footer (from the first row whose first cell starts with a footer text to the end) are skipped,
// not records, and counted in one note at the end.
//
// Memory: one row at a time (plus one read chunk), however long the input.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/facts/cell_value.hpp"
#include "engine/facts/csv_parser.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/facts/text_decoder.hpp"
#include "engine/schema/schema.hpp"
#include "engine/schema/source_spec.hpp"

namespace dealgate {

// A problem with the header, reported once per column before the first record.
struct CsvWarning {
  std::size_t column = 0;  // 1-based; 0 for a note about the whole input
  std::uint64_t line = 0;  // the line of a bad value, else 0
  std::string message;  // "column `valu.price` is not a declared fact; did you mean `value.price`?"
  std::string help;     // what to do about it, or empty
  bool note = false;    // not a problem: what was skipped (a report's footer), said once at the end
};

struct CsvReaderOptions {
  std::string id_field = "id";
  std::size_t max_record_bytes = std::size_t{16} << 20;  // a longer row is an error record
  std::size_t chunk_bytes = std::size_t{1} << 20;        // read size (tests force tiny chunks)
  char delimiter = 0;  // `,` `;` or tab; 0 detects it from the header (engine/facts/csv_parser.hpp)
  // Auto: UTF-8, or UTF-16 with a byte order mark, and a cell that is not UTF-8 read as
  // Windows-1252; any other: the whole input decoded so (engine/facts/text_decoder.hpp).
  TextEncoding encoding = TextEncoding::Auto;
  std::size_t max_depth = 1024;                       // nesting limit of JSON list cells
  std::function<void(const CsvWarning&)> on_warning;  // header problems; may be empty
  // The `source` declarations the header may be (engine/facts/source_mapping.hpp): the one that
  // names most header cells (cells that are fact paths as written do not count; a tie is an
  // error). None, or a header that names no column of any, reads the header as fact paths.
  std::vector<const SourceSpec*> sources;
  // At most this many bad values are reported per column; the rest are counted in one line.
  std::size_t bad_values_shown = 5;
};

class CsvFactsReader {
 public:
  using Sink = FactsReader::Sink;

  // The schema must outlive the reader. A reader is not thread-safe; use one per thread.
  CsvFactsReader(const Schema& schema, CsvReaderOptions options = {});
  ~CsvFactsReader();
  CsvFactsReader(const CsvFactsReader&) = delete;
  CsvFactsReader& operator=(const CsvFactsReader&) = delete;

  // Reads a file, or standard input for `-`, calling `sink` for every record in input order.
  ReadStatus read_file(const std::string& path, const Sink& sink);
  // Reads a stream to its end, likewise.
  ReadStatus read_stream(std::istream& in, const Sink& sink);
  // Reads rows that come from elsewhere (an XLSX sheet, cli/xlsx_rows.hpp) exactly as CSV rows:
  // `rows` calls its argument with the header, then every deal row, and returns what made its
  // input unreadable, or an empty string (then the ReadStatus error).
  using RowFeed = std::function<std::string(const CsvParser::Sink&)>;
  ReadStatus read_rows(const RowFeed& rows, const Sink& sink);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealgate
