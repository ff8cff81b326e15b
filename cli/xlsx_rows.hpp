// An .xlsx workbook (Salesforce's formatted report export, HubSpot's spreadsheet export) → rows of
// text cells, the same rows the CSV parser gives (engine/facts/csv_parser.hpp), so the CSV reader's
// header handling and cell conversion apply unchanged (CsvFactsReader::read_rows).
//
// The archive is opened with libzip; workbook.xml, its relationships, styles.xml and
// sharedStrings.xml are read first, then the sheet is streamed through expat one chunk at a time:
// only the current row's cells are held (plus the shared strings table), however long the sheet.
//
// Cells become text as a CSV export of the sheet would show them:
//   shared and inline strings   the text (rich-text runs joined, phonetic runs left out)
//   numbers                     as stored (`1200000`, `0.15`, `1.5E-3`)
//   numbers in a date style     the day as `YYYY-MM-DD` (a time of day is dropped). A style is a
//                               date style when its number format is built-in 14–22 or a custom
//                               format with d, m or y outside quotes and brackets (not a time of
//                               day only, like `h:mm`). Serial numbers count days in the
//                               workbook's date system: 1900 (serial 1 = 1900-01-01, with
//                               Excel's fictitious 1900-02-29 as serial 60) or 1904.
//   booleans                    `true` or `false`
//   errors (`#N/A`), formula strings   the text as stored
//   missing cells               empty: cells are placed by their reference (`r="C5"`), so a
//                               sparse row has empty cells in its gaps
// Rows: `line` is the sheet's row number (the header is usually row 1). Rows without any cell are
// skipped like blank lines. Every row after the header is padded with empty cells to the header's
// width, since a sheet leaves out trailing empty cells.
#pragma once

#include <cstddef>
#include <string>

#include "engine/facts/csv_parser.hpp"

namespace dealgate::cli {

struct XlsxOptions {
  std::string sheet;                                  // empty: the first sheet
  std::size_t max_row_bytes = std::size_t{16} << 20;  // a longer row is an error row
  std::size_t chunk_bytes = std::size_t{1} << 16;     // read size of the sheet's XML
};

// Reads the workbook at `path` (or standard input, `-`, read into memory first: a zip archive
// needs random access), calling `sink` for every row. Returns what made the workbook unreadable
// ("`deals.xlsx` is not an .xlsx file: ..."), or an empty string; rows before a failure have been
// delivered.
std::string read_xlsx_rows(const std::string& path, const XlsxOptions& options,
                           const CsvParser::Sink& sink);
// The same, for a workbook held in memory.
std::string read_xlsx_rows_from_memory(const std::string& bytes, const std::string& name,
                                       const XlsxOptions& options, const CsvParser::Sink& sink);

// Excel's serial day number (its whole part) as a date, `YYYY-MM-DD`; empty when it is out of
// range. Exposed for tests.
std::string excel_serial_date(double serial, bool date1904);
// Whether a custom number format code shows a date. Exposed for tests.
bool is_date_format_code(const std::string& code);

}  // namespace dealgate::cli
