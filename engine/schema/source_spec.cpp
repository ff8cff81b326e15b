#include "engine/schema/source_spec.hpp"

#include <cctype>

namespace dealgate {

std::optional<NumberPattern> parse_number_pattern(std::string_view sample) {
  // The decimal separator is the last `.` or `,`; whatever else stands between digits groups them.
  std::size_t digits = 0;
  char decimal = 0, group = 0;
  std::size_t last_separator = std::string_view::npos;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const char c = sample[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' || c == ',' || c == ' ' || c == '\'') {
      last_separator = i;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  if (last_separator != std::string_view::npos &&
      (sample[last_separator] == '.' || sample[last_separator] == ',') &&
      sample.size() - last_separator - 1 != 3) {
    decimal = sample[last_separator];
  }
  for (char c : sample) {
    if ((c == '.' || c == ',' || c == ' ' || c == '\'') && c != decimal) {
      if (group != 0 && group != c) return std::nullopt;
      group = c;
    }
  }
  if (decimal == 0) decimal = group == '.' ? ',' : '.';
  if (group == decimal) return std::nullopt;
  return NumberPattern{group, decimal};
}

std::optional<DatePattern> parse_date_pattern(std::string_view text, std::string& error) {
  DatePattern out;
  if (text == "ISO") {
    out.iso = true;
    return out;
  }
  using Piece = DatePattern::Piece;
  static constexpr struct {
    std::string_view token;
    Piece piece;
  } kTokens[] = {{"YYYY", Piece::Year},  {"MM", Piece::Month},  {"M", Piece::Month},
                 {"DD", Piece::Day},     {"D", Piece::Day},     {"HH", Piece::Hour24},
                 {"H", Piece::Hour24},   {"hh", Piece::Hour12}, {"h", Piece::Hour12},
                 {"mm", Piece::Minute},  {"ss", Piece::Second}, {"A", Piece::Meridiem},
                 {"a", Piece::Meridiem}, {"Z", Piece::Zone},    {"SSS", Piece::Fraction}};
  int year = 0, month = 0, day = 0, hour12 = 0, meridiem = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    bool matched = false;
    for (const auto& t : kTokens) {
      if (text.substr(i, t.token.size()) == t.token) {
        out.parts.push_back({t.piece, 0});
        year += t.piece == Piece::Year;
        month += t.piece == Piece::Month;
        day += t.piece == Piece::Day;
        hour12 += t.piece == Piece::Hour12;
        meridiem += t.piece == Piece::Meridiem;
        i += t.token.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char c = text[i];
    if (std::isalpha(static_cast<unsigned char>(c)) && c != 'T') {
      error = std::string("`").append(1, c).append(
          "` is not part of a date pattern; the fields are YYYY, MM, DD, HH, hh, mm, ss, A and Z");
      return std::nullopt;
    }
    out.parts.push_back({Piece::Literal, c});
    ++i;
  }
  if (year != 1 || month != 1 || day != 1) {
    error = "a date pattern names the year, the month and the day once each, like `MM/DD/YYYY`";
    return std::nullopt;
  }
  if ((hour12 != 0) != (meridiem != 0)) {
    error = "a 12-hour clock (`hh`) goes with `A` for AM/PM, like `MM/DD/YYYY hh:mm A`";
    return std::nullopt;
  }
  return out;
}

std::string header_key(std::string_view cell) {
  std::string out;
  bool space = false;
  for (char c : cell) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace dealgate
