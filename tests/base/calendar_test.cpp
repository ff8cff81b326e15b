// Dates as day numbers: the proleptic Gregorian calendar, strict parsing, timestamps.
#include "base/calendar.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2026, 2, 29));
  EXPECT_FALSE(is_valid_date(1900, 2, 29));  // divisible by 100
  EXPECT_TRUE(is_valid_date(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(is_valid_date(2026, 2, 30));
  EXPECT_FALSE(is_valid_date(2026, 4, 31));
  EXPECT_TRUE(is_valid_date(2026, 12, 31));
  EXPECT_FALSE(is_valid_date(2026, 13, 1));
  EXPECT_FALSE(is_valid_date(2026, 0, 1));
  EXPECT_FALSE(is_valid_date(2026, 1, 0));
  EXPECT_FALSE(is_valid_date(0, 1, 1));
}

TEST(Calendar, KnownDayNumbers) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1970, 1, 2), 1);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2026, 11, 26) - days_from_civil(2026, 11, 20), 6);
  EXPECT_EQ(days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1), 366);
}

TEST(Calendar, RoundTripsEveryDayOfFourCenturies) {
  for (DayNumber d = days_from_civil(1600, 1, 1); d <= days_from_civil(2400, 12, 31); ++d) {
    int y, m, day;
    civil_from_days(d, y, m, day);
    ASSERT_TRUE(is_valid_date(y, m, day)) << d;
    ASSERT_EQ(days_from_civil(y, m, day), d);
  }
  EXPECT_EQ(format_date(days_from_civil(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(format_date(days_from_civil(9999, 12, 31)), "9999-12-31");
}

TEST(Calendar, ParseDateIsStrict) {
  EXPECT_EQ(parse_date("2026-11-26"), days_from_civil(2026, 11, 26));
  EXPECT_EQ(format_date(*parse_date("2024-02-29")), "2024-02-29");
  for (const char* text :
       {"2026-02-30", "2026-1-01", "2026/01/01", "2026-01-01T00:00:00Z", "", "20260101"}) {
    EXPECT_FALSE(parse_date(text)) << '"' << text << '"';
  }
}

TEST(Calendar, Timestamps) {
  DayNumber day = days_from_civil(2026, 11, 20);
  for (const char* text :
       {"2026-11-20", "2026-11-20T14:03:00Z", "2026-11-20 14:03:00+02:00",
        "2026-11-20T14:03:00.123-0500", "2026-11-20T14:03", "2026-11-20t23:59:60z"}) {
    EXPECT_EQ(parse_date_or_timestamp(text), day) << text;
  }
  for (const char* text : {"2026-11-20T24:00:00Z", "2026-11-20T14:3", "2026-11-20T14:03:00 UTC",
                           "2026-11-20X14:03", "2026-02-30T00:00:00Z", "2026-11-20T"}) {
    EXPECT_FALSE(parse_date_or_timestamp(text)) << text;
  }
}

TEST(Calendar, TodayIsAPlausibleDate) {
  DayNumber today = today_utc();
  EXPECT_GT(today, days_from_civil(2020, 1, 1));
  EXPECT_LT(today, days_from_civil(2200, 1, 1));
}

}  // namespace
}  // namespace dealgate
