// A table cell (a CSV cell, an XLSX sheet's cell as text, a source's constant) read as a value of
// its column's declared type: what the reader then puts into the fact's slot
// (FactsConverter::store_cell, engine/facts/facts_convert.hpp), without writing it as JSON first.
//
// Plain cells, by the declared type (spec §7; the cell is trimmed of spaces and tabs first, except
// for a string):
//   bool       `true false yes no 1 0`, in any case
//   number     a plain decimal number: optional sign, digits, optional fraction and exponent
//              (`-3`, `+4`, `12.5`, `.5`, `1e3`, `2.5E-2`); `_` may group digits as in the rule
//              language (`1_000_000`). No thousands separators, no `NaN` or `inf`, nothing outside
//              the range of a double.
//   string     the cell as written
//   date       `YYYY-MM-DD`, or an ISO-8601 timestamp whose date part is used
//   list, record   the cell's text, which must be JSON; FactsConverter converts it exactly like a
//              list or record in a JSON record, and a cell that is not JSON does not fit
// A source's formats (money, percent, date patterns, ...) are read by engine/facts/
// source_mapping.hpp into the same values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/calendar.hpp"
#include "base/plain_values.hpp"
#include "engine/schema/schema.hpp"

namespace dealgate {

struct CellValue {
  enum class Kind : std::uint8_t {
    Bool,
    Number,
    Date,
    Text,   // a string
    Items,  // a list<string> written as items between separators: `Uptime;Cost`
    Json,   // a list or record written as JSON: `["uptime","cost"]`
  };
  Kind kind = Kind::Text;
  bool boolean = false;
  double number = 0;
  DayNumber date = 0;
  // Text: the string; Json: the JSON; Items: the whole cell; Date: the cell as written when the
  // date was read from it as it stands (plain cells), empty when it was read through a pattern.
  std::string_view text;
  std::string_view separator;  // Items
};

// A parsed bool, number or day as a value, or nothing when the parse found none.
std::optional<CellValue> cell_value_of(std::optional<bool> b);
std::optional<CellValue> cell_value_of(std::optional<double> number);
std::optional<CellValue> cell_value_of(std::optional<DayNumber> day);

// A plain cell of a column of `type`; nothing when it does not fit (an empty cell is Missing and
// never gets here). The value's text points into `cell`.
std::optional<CellValue> read_plain_cell(ValueType type, std::string_view cell);

// Calls `item` with every item of an Items value: split on the separator, each trimmed of spaces,
// tabs and no-break spaces, empty items left out.
template <class Item>
void for_each_item(const CellValue& value, Item item);

// The JSON the value stands for: the id of a record whose id column is a declared fact, and
// source_mapping's conversions as tests see them. A date read as it stands is its cell as a JSON
// string (as the JSON reader keeps an id's raw JSON), a date read through a pattern `"YYYY-MM-DD"`.
void append_cell_json(const CellValue& value, std::string& json);

template <class Item>
void for_each_item(const CellValue& value, Item item) {
  const std::string_view cell = value.text;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find(value.separator, start);
    if (end == std::string_view::npos) end = cell.size();
    const std::string_view piece = trim_cell_spaces(cell.substr(start, end - start));
    if (!piece.empty()) item(piece);
    start = end + value.separator.size();
  }
}

}  // namespace dealgate
