// Applies a `source` (engine/schema/source_spec.hpp) to tabular input: which source a header row
// is, which column of the source a header cell names, whether a row begins the footer, and each
// cell of a formatted column read as the value its fact gets (engine/facts/cell_value.hpp), which
// the reader puts straight into the fact's slot. It takes header cells and cells as strings, so
// any reader of rows (CSV, an XLSX sheet) feeds it the same way.
//
// Cells, by the column's format (an empty cell is Missing before any of this):
//   money    an optional currency symbol ($ € £ ¥) or ISO code (USD, EUR) before or after the
//            number, a minus or parentheses for a negative amount, and the number written with the
//            column's sample (`1,234.56` unless another is given: `1.234,56`, `1 234,56`):
//            thousands separators in groups of three, the decimal separator once
//   number   the same without a currency
//   percent  the same, with or without a `%` after it, divided by 100: `15.00%` and `15` → 0.15
//   date     the column's pattern; MM and DD also take one digit (`1/5/2026`), the time fields
//            must be valid but only the date is kept; `ISO` is YYYY-MM-DD with an optional time
//            and zone, whose written date is kept
//   bool     true: TRUE yes y 1 checked on; false: FALSE no n 0 unchecked off; in any case
//   list     split on the separator, each item trimmed, empty items dropped, into a list<string>
// A cell that does not fit makes the fact Invalid with the raw value kept (as a JSON string, the
// way the JSON reader keeps a string where a number belongs), and `describe_expected` /
// `format_example` say what was expected.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/facts/cell_value.hpp"
#include "engine/schema/source_spec.hpp"

namespace dealgate {

// The value of a non-empty cell of a formatted column, or nothing when the cell does not fit the
// format (or the column is Plain: engine/facts/cell_value.hpp reads those). Its text points into
// `cell`.
std::optional<CellValue> read_source_cell(const SourceColumn& column, std::string_view cell);
// The same value as JSON, appended to `json` (append_cell_json); false, appending nothing, when
// the cell does not fit.
bool convert_source_cell(const SourceColumn& column, std::string_view cell, std::string& json);

// "a date in the format MM/DD/YYYY", "an amount of money like 1,234.56"
std::string describe_expected(const SourceColumn& column);
// "12/15/2026", "$1,200,000.00"
std::string format_example(const SourceColumn& column);

// The column of `spec` a header cell names, or null.
const SourceColumn* find_source_column(const SourceSpec& spec, std::string_view header_cell);
// How many header cells name a column of `spec`: how well a header fits the source.
std::size_t header_matches(const SourceSpec& spec, const std::vector<std::string_view>& header);
// The row begins the report's footer: its first cell starts with one of the footer texts.
bool starts_footer(const SourceSpec& spec, const std::vector<std::string_view>& cells);
// Every cell is empty or spaces: a blank row of the report.
bool is_blank_row(const std::vector<std::string_view>& cells);

}  // namespace dealgate
