// Proleptic Gregorian dates as day numbers (days since 1970-01-01), so date arithmetic is integer
// arithmetic. Used for date literals in rule files and for date facts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dealgate {

using DayNumber = std::int32_t;

bool is_valid_date(int year, int month, int day);
DayNumber days_from_civil(int year, int month, int day);
void civil_from_days(DayNumber days, int& year, int& month, int& day);

// `YYYY-MM-DD`, strictly; nullopt for anything else, including impossible days like 2026-02-30.
std::optional<DayNumber> parse_date(std::string_view text);
// A date, or an ISO-8601 timestamp (`2026-11-20T14:03:00Z`, `2026-11-20 14:03:00+02:00`) whose
// date part is used.
std::optional<DayNumber> parse_date_or_timestamp(std::string_view text);
std::string format_date(DayNumber days);
// Today's date in UTC.
DayNumber today_utc();

}  // namespace dealgate
