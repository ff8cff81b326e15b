#include "engine/facts/source_mapping.hpp"

#include <iterator>
#include <optional>

#include "base/calendar.hpp"
#include "base/json_writer.hpp"
#include "engine/facts/cell_value.hpp"

namespace dealgate {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// A number written with the pattern's separators: groups of three after the first when grouped.
std::optional<double> parse_grouped(std::string_view s, const NumberPattern& pattern) {
  std::string text;
  std::size_t i = 0;
  std::size_t group_digits = 0;
  bool grouped = false, any = false;
  while (i < s.size()) {
    const char c = s[i];
    if (is_digit(c)) {
      text.push_back(c);
      ++group_digits;
      any = true;
      ++i;
      continue;
    }
    const bool space_group =
        pattern.group == ' ' && (s.substr(i, 2) == "\xC2\xA0" || s.substr(i, 3) == "\xE2\x80\xAF");
    if (pattern.group != 0 && (c == pattern.group || space_group)) {
      if (!any || (grouped && group_digits != 3) || (!grouped && group_digits > 3)) {
        return std::nullopt;
      }
      grouped = true;
      group_digits = 0;
      i += space_group ? (s[i] == '\xC2' ? 2 : 3) : 1;
      continue;
    }
    break;
  }
  if (!any || (grouped && group_digits != 3)) return std::nullopt;
  if (i < s.size() && s[i] == pattern.decimal) {
    text.push_back('.');
    ++i;
    bool fraction = false;
    while (i < s.size() && is_digit(s[i])) {
      text.push_back(s[i++]);
      fraction = true;
    }
    if (!fraction) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return finite_double(text);
}

// A sign written as `-` or `(...)`, around the rest.
std::optional<double> parse_signed(std::string_view s, const NumberPattern& pattern, bool money) {
  s = trim_cell_spaces(s);
  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = trim_cell_spaces(s.substr(1, s.size() - 2));
  }
  if (!s.empty() && s.front() == '-') {
    if (negative) return std::nullopt;
    negative = true;
    s = trim_cell_spaces(s.substr(1));
  }
  if (money) {
    // A symbol or ISO code before or after the number: `$`, `US$`, `€`, `USD`, `EUR`.
    static constexpr std::string_view kSymbols[] = {"US$", "$", "\xE2\x82\xAC", "\xC2\xA3",
                                                    "\xC2\xA5"};
    bool found = false;
    for (std::string_view symbol : kSymbols) {
      if (s.substr(0, symbol.size()) == symbol) {
        s = trim_cell_spaces(s.substr(symbol.size()));
        found = true;
      } else if (s.size() > symbol.size() && s.substr(s.size() - symbol.size()) == symbol) {
        s = trim_cell_spaces(s.substr(0, s.size() - symbol.size()));
        found = true;
      }
      if (found) break;
    }
    auto is_code = [](std::string_view c) {
      return c.size() == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
             c[2] >= 'A' && c[2] <= 'Z';
    };
    if (!found && s.size() > 3 && is_code(s.substr(0, 3))) {
      s = trim_cell_spaces(s.substr(3));
    } else if (!found && s.size() > 3 && is_code(s.substr(s.size() - 3))) {
      s = trim_cell_spaces(s.substr(0, s.size() - 3));
    }
    if (!negative && !s.empty() && s.front() == '-') {
      negative = true;
      s = trim_cell_spaces(s.substr(1));
    }
  }
  std::optional<double> value = parse_grouped(s, pattern);
  if (value && negative) *value = -*value;
  return value;
}

// Up to `most` digits (at least one, exactly `most` when `exact`).
bool read_number(std::string_view s, std::size_t& i, std::size_t most, bool exact, int& out) {
  std::size_t start = i;
  out = 0;
  while (i < s.size() && i - start < most && is_digit(s[i])) out = out * 10 + (s[i++] - '0');
  return exact ? i - start == most : i > start;
}

bool read_zone(std::string_view s, std::size_t& i) {
  if (i < s.size() && s[i] == 'Z') {
    ++i;
    return true;
  }
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  ++i;
  int hours = 0, minutes = 0;
  if (!read_number(s, i, 2, true, hours)) return false;
  if (i < s.size() && s[i] == ':') ++i;
  if (!read_number(s, i, 2, true, minutes)) return false;
  return hours <= 14 && minutes < 60;
}

std::optional<DayNumber> parse_iso(std::string_view s) {
  std::size_t i = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_number(s, i, 4, true, year) || i >= s.size() || s[i++] != '-' ||
      !read_number(s, i, 2, true, month) || i >= s.size() || s[i++] != '-' ||
      !read_number(s, i, 2, true, day)) {
    return std::nullopt;
  }
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    if (!read_number(s, i, 2, true, hour) || i >= s.size() || s[i++] != ':' ||
        !read_number(s, i, 2, true, minute)) {
      return std::nullopt;
    }
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!read_number(s, i, 2, true, second)) return std::nullopt;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        int ignored = 0;
        ++i;
        if (!read_number(s, i, 9, false, ignored)) return std::nullopt;
      }
    }
    if (i < s.size() && !read_zone(s, i)) return std::nullopt;
  }
  if (i != s.size() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return days_from_civil(year, month, day);
}

// How each numeric piece of a date pattern is read, and what it shows in the example: in the
// order of DatePattern::Piece; `digits` 0 for the pieces that are not numbers.
struct PieceRule {
  std::size_t digits;
  bool exact;
  const char* example;
};
constexpr PieceRule kPieceRules[] = {
    {4, true, "2026"},  // Year
    {2, false, "12"},   // Month
    {2, false, "15"},   // Day
    {2, false, "17"},   // Hour24
    {2, false, "05"},   // Hour12
    {2, true, "00"},    // Minute
    {2, true, "00"},    // Second
    {0, false, "PM"},   // Meridiem
    {0, false, "Z"},    // Zone
    {9, false, "000"},  // Fraction
    {0, false, ""},     // Literal
};
static_assert(std::size(kPieceRules) == static_cast<std::size_t>(DatePattern::Piece::Literal) + 1);

std::optional<DayNumber> parse_with_pattern(std::string_view s, const DatePattern& pattern) {
  if (pattern.iso) return parse_iso(s);
  using Piece = DatePattern::Piece;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, fraction = 0;
  int* const fields[] = {&year,   &month,  &day,    &hour,   &hour,
                         &minute, &second, nullptr, nullptr, &fraction};
  bool pm = false, twelve = false;
  std::size_t i = 0;
  for (const DatePattern::Part& part : pattern.parts) {
    const auto piece = static_cast<std::size_t>(part.piece);
    if (const PieceRule& rule = kPieceRules[piece]; rule.digits > 0) {
      if (!read_number(s, i, rule.digits, rule.exact, *fields[piece])) return std::nullopt;
      if (part.piece == Piece::Hour12) {
        twelve = true;
        if (hour < 1 || hour > 12) return std::nullopt;
      }
    } else if (part.piece == Piece::Meridiem) {
      pm = equals_ignoring_case(s.substr(i, 2), "pm");
      if (!pm && !equals_ignoring_case(s.substr(i, 2), "am")) return std::nullopt;
      i += 2;
    } else if (part.piece == Piece::Zone) {
      if (!read_zone(s, i)) return std::nullopt;
    } else if (part.literal == ' ') {  // one space in the pattern takes any run of them
      if (i >= s.size() || s[i] != ' ') return std::nullopt;
      while (i < s.size() && s[i] == ' ') ++i;
    } else {
      if (i >= s.size() || s[i] != part.literal) return std::nullopt;
      ++i;
    }
  }
  if (twelve) hour = hour % 12 + (pm ? 12 : 0);
  if (i != s.size() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return days_from_civil(year, month, day);
}

std::optional<bool> parse_bool_word(std::string_view s) {
  for (std::string_view yes : {"true", "yes", "y", "1", "checked", "on"}) {
    if (equals_ignoring_case(s, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "n", "0", "unchecked", "off"}) {
    if (equals_ignoring_case(s, no)) return false;
  }
  return std::nullopt;
}

std::string sample_number(const NumberPattern& p, bool cents) {
  std::string out = "1";
  if (p.group != 0) out += p.group;
  out += "200";
  if (p.group != 0) out += p.group;
  out += "000";
  if (cents) {
    out += p.decimal;
    out += "00";
  }
  return out;
}

}  // namespace

std::optional<CellValue> read_source_cell(const SourceColumn& column, std::string_view cell) {
  cell = trim_cell_spaces(cell);
  std::optional<double> number;
  switch (column.format) {
    case CellFormat::Plain:
      return std::nullopt;
    case CellFormat::Money:
    case CellFormat::Number:
      number = parse_signed(cell, column.number, column.format == CellFormat::Money);
      break;
    case CellFormat::Percent: {
      std::string_view s = cell;
      if (!s.empty() && s.back() == '%') s = trim_cell_spaces(s.substr(0, s.size() - 1));
      number = parse_signed(s, column.number, false);
      if (number) *number /= 100;
      break;
    }
    case CellFormat::Date: {
      // A cell already in the ISO form is read too: exports mix them after hand edits.
      std::optional<DayNumber> day = parse_with_pattern(cell, column.date);
      return cell_value_of(day ? day : parse_iso(cell));
    }
    case CellFormat::Bool:
      return cell_value_of(parse_bool_word(cell));
    case CellFormat::List: {
      CellValue items;
      items.kind = CellValue::Kind::Items;
      items.text = cell;
      items.separator = column.separator;
      return items;
    }
  }
  return cell_value_of(number);
}

bool convert_source_cell(const SourceColumn& column, std::string_view cell, std::string& json) {
  std::optional<CellValue> value = read_source_cell(column, cell);
  if (value) append_cell_json(*value, json);
  return value.has_value();
}

std::string describe_expected(const SourceColumn& column) {
  switch (column.format) {
    case CellFormat::Plain:
      return std::string("a ") + value_type_word(column.type);
    case CellFormat::Money:
      return "an amount of money like " + format_example(column);
    case CellFormat::Number:
      return "a number like " + format_example(column);
    case CellFormat::Percent:
      return "a percentage like " + format_example(column);
    case CellFormat::Date:
      return column.date.iso ? "an ISO date, YYYY-MM-DD with an optional time and zone"
                             : "a date in the format " + column.pattern;
    case CellFormat::Bool:
      return "a yes or no (TRUE/FALSE, Y/N, yes/no, 1/0, checked/unchecked)";
    case CellFormat::List:
      return "a list separated by `" + column.separator + "`";
  }
  return {};
}

std::string format_example(const SourceColumn& column) {
  switch (column.format) {
    case CellFormat::Plain:
      return {};
    case CellFormat::Money:
      return std::string("$").append(sample_number(column.number, true));
    case CellFormat::Number:
      return sample_number(column.number, false);
    case CellFormat::Percent:
      return std::string("15") + column.number.decimal + "00%";
    case CellFormat::Bool:
      return "TRUE";
    case CellFormat::List:
      return "Uptime" + column.separator + "Cost";
    case CellFormat::Date: {
      if (column.date.iso) return "2026-12-15T17:00:00Z";
      std::string out;
      for (const DatePattern::Part& part : column.date.parts) {
        if (part.piece == DatePattern::Piece::Literal) {
          out += part.literal;
        } else {
          out += kPieceRules[static_cast<std::size_t>(part.piece)].example;
        }
      }
      return out;
    }
  }
  return {};
}

const SourceColumn* find_source_column(const SourceSpec& spec, std::string_view header_cell) {
  const std::string key = header_key(header_cell);
  for (const SourceColumn& column : spec.columns) {
    if (header_key(column.header) == key) return &column;
  }
  return nullptr;
}

std::size_t header_matches(const SourceSpec& spec, const std::vector<std::string_view>& header) {
  std::size_t matches = 0;
  for (std::string_view cell : header) matches += find_source_column(spec, cell) != nullptr;
  return matches;
}

bool starts_footer(const SourceSpec& spec, const std::vector<std::string_view>& cells) {
  if (cells.empty()) return false;
  const std::string_view first = trim_cell_spaces(cells[0]);
  for (const std::string& start : spec.footer) {
    if (first.substr(0, start.size()) == start) return true;
  }
  return false;
}

bool is_blank_row(const std::vector<std::string_view>& cells) {
  for (std::string_view cell : cells) {
    if (!trim_cell_spaces(cell).empty()) return false;
  }
  return true;
}

}  // namespace dealgate
