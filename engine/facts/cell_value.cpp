#include "engine/facts/cell_value.hpp"

#include <charconv>
#include <cmath>

#include "base/json_writer.hpp"

namespace dealgate {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Whether `prefix` of `s` is a no-break space, and how long it is.
std::size_t no_break_space_at(std::string_view s, bool at_end) {
  for (std::string_view space : {std::string_view("\xC2\xA0"), std::string_view("\xE2\x80\xAF")}) {
    if (s.size() >= space.size() &&
        s.substr(at_end ? s.size() - space.size() : 0, space.size()) == space) {
      return space.size();
    }
  }
  return 0;
}

}  // namespace

std::string_view trim_cell_spaces(std::string_view s) {
  s = trim(s);
  while (std::size_t n = no_break_space_at(s, false)) s = trim(s.substr(n));
  while (std::size_t n = no_break_space_at(s, true)) s = trim(s.substr(0, s.size() - n));
  return s;
}

std::optional<double> finite_double(std::string_view digits) {
  double value = 0;
  const char* end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<bool> parse_csv_bool(std::string_view cell) {
  cell = trim(cell);
  for (std::string_view yes : {"true", "yes", "1"}) {
    if (equals_lower(cell, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "0"}) {
    if (equals_lower(cell, no)) return false;
  }
  return std::nullopt;
}

std::optional<double> parse_csv_number(std::string_view cell) {
  const std::string_view s = trim(cell);
  // What from_chars reads: no `+`, no `_`; never longer than the cell, and on the stack for the
  // usual short one.
  char small[64];
  std::string large;
  char* text = small;
  if (s.size() > sizeof small) {
    large.resize(s.size());
    text = large.data();
  }
  std::size_t length = 0;
  auto keep = [&](char c) { text[length++] = c; };
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') keep('-');
    ++i;
  }
  // Digits, with single underscores between two digits.
  auto digits = [&] {
    bool any = false;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        keep(s[i++]);
        any = true;
      } else if (s[i] == '_' && any && i + 1 < s.size() && is_digit(s[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    return any;
  };
  bool whole = digits();
  bool fraction = false;
  if (i < s.size() && s[i] == '.') {
    keep('.');
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    keep('e');
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) keep(s[i++]);
    bool exponent = false;
    while (i < s.size() && is_digit(s[i])) {
      keep(s[i++]);
      exponent = true;
    }
    if (!exponent) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return finite_double(std::string_view(text, length));
}

std::optional<CellValue> read_plain_cell(ValueType type, std::string_view cell) {
  CellValue value;
  switch (type) {
    case ValueType::Bool: {
      std::optional<bool> b = parse_csv_bool(cell);
      if (!b) return std::nullopt;
      value.kind = CellValue::Kind::Bool;
      value.boolean = *b;
      return value;
    }
    case ValueType::Number: {
      std::optional<double> d = parse_csv_number(cell);
      if (!d) return std::nullopt;
      value.kind = CellValue::Kind::Number;
      value.number = *d;
      return value;
    }
    case ValueType::String:
      value.kind = CellValue::Kind::Text;
      value.text = cell;
      return value;
    case ValueType::Date: {
      value.text = trim(cell);
      std::optional<DayNumber> day = parse_date_or_timestamp(value.text);
      if (!day) return std::nullopt;
      value.kind = CellValue::Kind::Date;
      value.date = *day;
      return value;
    }
    case ValueType::List:
    case ValueType::Record:
      value.kind = CellValue::Kind::Json;
      value.text = trim(cell);
      return value;
  }
  return std::nullopt;
}

void append_cell_json(const CellValue& value, std::string& json) {
  switch (value.kind) {
    case CellValue::Kind::Bool:
      json += value.boolean ? "true" : "false";
      return;
    case CellValue::Kind::Number: {
      char buffer[32];
      auto result = std::to_chars(buffer, buffer + sizeof buffer, value.number);
      json.append(buffer, result.ptr);
      return;
    }
    case CellValue::Kind::Date:
      append_json_string(json, value.text.empty() ? format_date(value.date) : value.text);
      return;
    case CellValue::Kind::Text:
      append_json_string(json, value.text);
      return;
    case CellValue::Kind::Json:
      json += value.text;
      return;
    case CellValue::Kind::Items: {
      json.push_back('[');
      bool first = true;
      for_each_item(value, [&](std::string_view item) {
        if (!first) json.push_back(',');
        append_json_string(json, item);
        first = false;
      });
      json.push_back(']');
      return;
    }
  }
}

}  // namespace dealgate
