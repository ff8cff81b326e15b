#include "base/calendar.hpp"

#include <chrono>
#include <cstdio>

namespace dealgate {

bool is_valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= last;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
DayNumber days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5 +
                       static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(DayNumber days, int& year, int& month, int& day) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
  if (text.size() < from + count) return false;
  value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<DayNumber> parse_date_prefix(std::string_view text) {
  int year, month, day;
  if (text.size() < 10 || !digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day) || !is_valid_date(year, month, day)) {
    return std::nullopt;
  }
  return days_from_civil(year, month, day);
}

// HH:MM[:SS[.fff]] then Z, ±HH:MM, ±HHMM or nothing.
bool is_time_of_day(std::string_view t) {
  int hour, minute, second;
  if (!digits(t, 0, 2, hour) || t.size() < 5 || t[2] != ':' || !digits(t, 3, 2, minute)) return false;
  if (hour > 23 || minute > 59) return false;
  std::size_t i = 5;
  if (i < t.size() && t[i] == ':') {
    if (!digits(t, i + 1, 2, second) || second > 60) return false;
    i += 3;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      std::size_t start = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == start) return false;
    }
  }
  std::string_view zone = t.substr(i);
  if (zone.empty() || zone == "Z" || zone == "z") return true;
  if (zone[0] != '+' && zone[0] != '-') return false;
  int zh, zm;
  if (zone.size() == 6) return digits(zone, 1, 2, zh) && zone[3] == ':' && digits(zone, 4, 2, zm);
  if (zone.size() == 5) return digits(zone, 1, 2, zh) && digits(zone, 3, 2, zm);
  if (zone.size() == 3) return digits(zone, 1, 2, zh);
  return false;
}

}  // namespace

std::optional<DayNumber> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return parse_date_prefix(text);
}

std::optional<DayNumber> parse_date_or_timestamp(std::string_view text) {
  if (text.size() == 10) return parse_date_prefix(text);
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return std::nullopt;
  if (!is_time_of_day(text.substr(11))) return std::nullopt;
  return parse_date_prefix(text);
}

std::string format_date(DayNumber days) {
  int year, month, day;
  civil_from_days(days, year, month, day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

DayNumber today_utc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<DayNumber>(now.time_since_epoch().count());
}

}  // namespace dealgate
