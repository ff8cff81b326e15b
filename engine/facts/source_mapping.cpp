#include "engine/facts/source_mapping.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "base/calendar.hpp"
#include "base/json_writer.hpp"

namespace dealgate {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Trims spaces, tabs and the no-break spaces spreadsheets put around amounts (U+00A0, U+202F).
std::string_view trim_spaces(std::string_view s) {
  while (true) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 2) == "\xC2\xA0") {
      s.remove_prefix(2);
    } else if (s.substr(0, 3) == "\xE2\x80\xAF") {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
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
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// A sign written as `-` or `(...)`, around the rest.
std::optional<double> parse_signed(std::string_view s, const NumberPattern& pattern, bool money) {
  s = trim_spaces(s);
  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = trim_spaces(s.substr(1, s.size() - 2));
  }
  if (!s.empty() && s.front() == '-') {
    if (negative) return std::nullopt;
    negative = true;
    s = trim_spaces(s.substr(1));
  }
  if (money) {
    // A symbol or ISO code before or after the number: `$`, `US$`, `€`, `USD`, `EUR`.
    static constexpr std::string_view kSymbols[] = {"US$", "$", "\xE2\x82\xAC", "\xC2\xA3",
                                                    "\xC2\xA5"};
    bool found = false;
    for (std::string_view symbol : kSymbols) {
      if (s.substr(0, symbol.size()) == symbol) {
        s = trim_spaces(s.substr(symbol.size()));
        found = true;
      } else if (s.size() > symbol.size() && s.substr(s.size() - symbol.size()) == symbol) {
        s = trim_spaces(s.substr(0, s.size() - symbol.size()));
        found = true;
      }
      if (found) break;
    }
    auto is_code = [](std::string_view c) {
      return c.size() == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
             c[2] >= 'A' && c[2] <= 'Z';
    };
    if (!found && s.size() > 3 && is_code(s.substr(0, 3))) {
      s = trim_spaces(s.substr(3));
    } else if (!found && s.size() > 3 && is_code(s.substr(s.size() - 3))) {
      s = trim_spaces(s.substr(0, s.size() - 3));
    }
    if (!negative && !s.empty() && s.front() == '-') {
      negative = true;
      s = trim_spaces(s.substr(1));
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

std::optional<DayNumber> parse_with_pattern(std::string_view s, const DatePattern& pattern) {
  if (pattern.iso) return parse_iso(s);
  using Piece = DatePattern::Piece;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool pm = false, twelve = false;
  std::size_t i = 0;
  for (const DatePattern::Part& part : pattern.parts) {
    int ignored = 0;
    switch (part.piece) {
      case Piece::Year:
        if (!read_number(s, i, 4, true, year)) return std::nullopt;
        break;
      case Piece::Month:
        if (!read_number(s, i, 2, false, month)) return std::nullopt;
        break;
      case Piece::Day:
        if (!read_number(s, i, 2, false, day)) return std::nullopt;
        break;
      case Piece::Hour24:
        if (!read_number(s, i, 2, false, hour)) return std::nullopt;
        break;
      case Piece::Hour12:
        twelve = true;
        if (!read_number(s, i, 2, false, hour) || hour < 1 || hour > 12) return std::nullopt;
        break;
      case Piece::Minute:
        if (!read_number(s, i, 2, true, minute)) return std::nullopt;
        break;
      case Piece::Second:
        if (!read_number(s, i, 2, true, second)) return std::nullopt;
        break;
      case Piece::Fraction:
        if (!read_number(s, i, 9, false, ignored)) return std::nullopt;
        break;
      case Piece::Meridiem:
        if (equals_ignoring_case(s.substr(i, 2), "am")) {
          pm = false;
        } else if (equals_ignoring_case(s.substr(i, 2), "pm")) {
          pm = true;
        } else {
          return std::nullopt;
        }
        i += 2;
        break;
      case Piece::Zone:
        if (!read_zone(s, i)) return std::nullopt;
        break;
      case Piece::Literal:
        if (part.literal == ' ') {  // one space in the pattern takes any run of them
          if (i >= s.size() || s[i] != ' ') return std::nullopt;
          while (i < s.size() && s[i] == ' ') ++i;
        } else {
          if (i >= s.size() || s[i] != part.literal) return std::nullopt;
          ++i;
        }
        break;
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

void append_number(std::string& json, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  json.append(buffer, result.ptr);
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

bool convert_source_cell(const SourceColumn& column, std::string_view cell, std::string& json) {
  cell = trim_spaces(cell);
  switch (column.format) {
    case CellFormat::Plain:
      return false;
    case CellFormat::Money:
    case CellFormat::Number:
      if (std::optional<double> v =
              parse_signed(cell, column.number, column.format == CellFormat::Money)) {
        append_number(json, *v);
        return true;
      }
      return false;
    case CellFormat::Percent: {
      std::string_view s = cell;
      if (!s.empty() && s.back() == '%') s = trim_spaces(s.substr(0, s.size() - 1));
      if (std::optional<double> v = parse_signed(s, column.number, false)) {
        append_number(json, *v / 100);
        return true;
      }
      return false;
    }
    case CellFormat::Date:
      // A cell already in the ISO form is read too: exports mix them after hand edits.
      if (std::optional<DayNumber> day = parse_with_pattern(cell, column.date)
                                             ? parse_with_pattern(cell, column.date)
                                             : parse_iso(cell)) {
        append_json_string(json, format_date(*day));
        return true;
      }
      return false;
    case CellFormat::Bool:
      if (std::optional<bool> b = parse_bool_word(cell)) {
        json += *b ? "true" : "false";
        return true;
      }
      return false;
    case CellFormat::List: {
      json.push_back('[');
      bool first = true;
      std::size_t start = 0;
      while (start <= cell.size()) {
        std::size_t end = cell.find(column.separator, start);
        if (end == std::string_view::npos) end = cell.size();
        std::string_view item = trim_spaces(cell.substr(start, end - start));
        if (!item.empty()) {
          if (!first) json.push_back(',');
          append_json_string(json, item);
          first = false;
        }
        start = end + column.separator.size();
      }
      json.push_back(']');
      return true;
    }
  }
  return false;
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
      return "$" + sample_number(column.number, true);
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
      using Piece = DatePattern::Piece;
      std::string out;
      for (const DatePattern::Part& part : column.date.parts) {
        switch (part.piece) {
          case Piece::Year:
            out += "2026";
            break;
          case Piece::Month:
            out += "12";
            break;
          case Piece::Day:
            out += "15";
            break;
          case Piece::Hour24:
            out += "17";
            break;
          case Piece::Hour12:
            out += "05";
            break;
          case Piece::Minute:
            out += "00";
            break;
          case Piece::Second:
            out += "00";
            break;
          case Piece::Fraction:
            out += "000";
            break;
          case Piece::Meridiem:
            out += "PM";
            break;
          case Piece::Zone:
            out += "Z";
            break;
          case Piece::Literal:
            out += part.literal;
            break;
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
  const std::string_view first = trim_spaces(cells[0]);
  for (const std::string& start : spec.footer) {
    if (first.substr(0, start.size()) == start) return true;
  }
  return false;
}

bool is_blank_row(const std::vector<std::string_view>& cells) {
  for (std::string_view cell : cells) {
    if (!trim_spaces(cell).empty()) return false;
  }
  return true;
}

}  // namespace dealgate
