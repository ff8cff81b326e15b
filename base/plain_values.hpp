// Plain values as a table cell or a source's constant writes them (spec §7), read without a
// format: the engine's CSV and XLSX readers read cells with them (engine/facts/cell_value.hpp), and
// the checker reads a source's constants with them, so a constant that would not read is a
// diagnostic before any export is read.
#pragma once

#include <optional>
#include <string_view>

namespace dealgate {

// `true false yes no 1 0`, in any case, spaces and tabs trimmed.
std::optional<bool> parse_csv_bool(std::string_view cell);
// A plain decimal number: optional sign, digits, optional fraction and exponent (`-3`, `+4`,
// `12.5`, `.5`, `1e3`); `_` may group digits (`1_000_000`); spaces and tabs trimmed. Nothing for
// thousands separators, `NaN`, `inf` or a number outside the range of a double.
std::optional<double> parse_csv_number(std::string_view cell);
// `digits` as from_chars reads it (no `+`, no `_`), when it is all of it and finite.
std::optional<double> finite_double(std::string_view digits);
// Spaces and tabs trimmed.
std::string_view trim_blanks(std::string_view s);
// Spaces, tabs and the no-break spaces spreadsheets put around amounts (U+00A0, U+202F) trimmed.
std::string_view trim_cell_spaces(std::string_view s);

}  // namespace dealgate
