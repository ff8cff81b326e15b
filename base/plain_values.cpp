#include "base/plain_values.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace dealgate {

namespace {

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

// Whether `s` starts (or, at_end, ends) with a no-break space, and how long it is.
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

std::string_view trim_blanks(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string_view trim_cell_spaces(std::string_view s) {
  s = trim_blanks(s);
  while (std::size_t n = no_break_space_at(s, false)) s = trim_blanks(s.substr(n));
  while (std::size_t n = no_break_space_at(s, true)) s = trim_blanks(s.substr(0, s.size() - n));
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
  cell = trim_blanks(cell);
  for (std::string_view yes : {"true", "yes", "1"}) {
    if (equals_lower(cell, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "0"}) {
    if (equals_lower(cell, no)) return false;
  }
  return std::nullopt;
}

std::optional<double> parse_csv_number(std::string_view cell) {
  const std::string_view s = trim_blanks(cell);
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

}  // namespace dealgate
