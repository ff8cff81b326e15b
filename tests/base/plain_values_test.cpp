// Plain values as cells and source constants write them: the bool words, plain numbers, and the
// trimming of spaces around a cell.
#include "base/plain_values.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace dealgate {
namespace {

TEST(PlainValues, BoolsInEveryCaseAndNothingElse) {
  for (const char* yes : {"true", "TRUE", "True", "yes", "YES", "Yes", "1", " true "}) {
    EXPECT_EQ(parse_csv_bool(yes), true) << yes;
  }
  for (const char* no : {"false", "FALSE", "no", "No", "0", "\tno"}) {
    EXPECT_EQ(parse_csv_bool(no), false) << no;
  }
  for (const char* bad : {"", "y", "n", "t", "f", "2", "on", "off", "truee", "yes!", "-1", "1.0"}) {
    EXPECT_EQ(parse_csv_bool(bad), std::nullopt) << bad;
  }
}

TEST(PlainValues, NumbersAsTheRuleLanguageWritesThemAndNothingElse) {
  const std::vector<std::pair<const char*, double>> good = {
      {"0", 0},           {"42", 42},
      {"-3", -3},         {"+4", 4},
      {"12.5", 12.5},     {".5", 0.5},
      {"5.", 5},          {"1e3", 1000},
      {"2.5E-2", 0.025},  {"1e+2", 100},
      {"1_000", 1000},    {"1_000_000.25", 1000000.25},
      {" 7 ", 7},         {"007", 7},
      {"-0.001", -0.001}, {"1.7976931348623157e308", 1.7976931348623157e308}};
  for (const auto& [text, value] : good) {
    std::optional<double> d = parse_csv_number(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(*d, value) << text;
  }
  for (const char* bad :
       {"",        "-",     "+",     ".",    "e3",     "1e",   "1e+",   "1,000", "1 000",
        "1.000,5", "_1",    "1_",    "1__0", "1._5",   "0x10", "NaN",   "nan",   "inf",
        "-inf",    "1e400", "12abc", "€12",  "12 EUR", "--1",  "1.2.3", "true"}) {
    EXPECT_EQ(parse_csv_number(bad), std::nullopt) << bad;
  }
}

TEST(PlainValues, LongNumbersAreReadWhole) {
  // Longer than any short buffer: 80 digits, then a fraction.
  const std::string digits = "1" + std::string(79, '0') + ".5";
  std::optional<double> d = parse_csv_number(digits);
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, 1e79);
  EXPECT_FALSE(parse_csv_number(digits + "x"));
}

TEST(PlainValues, TrimsBlanksAndTheNoBreakSpacesOfSpreadsheets) {
  EXPECT_EQ(trim_cell_spaces("\xC2\xA0 \t$5 \xE2\x80\xAF"), "$5");
  EXPECT_EQ(trim_blanks(" \t x y\t "), "x y");
  EXPECT_EQ(trim_blanks(" \t "), "");
}

}  // namespace
}  // namespace dealgate
