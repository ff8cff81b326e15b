// A source constant is checked as the readers will read it: a plain value of its fact's type.
#include "engine/check/source_constant.hpp"

#include <gtest/gtest.h>

namespace dealgate::checking {
namespace {

TEST(SourceConstant, ValuesThatReadAsTheirTypePass) {
  EXPECT_FALSE(constant_problem(ValueType::Number, "0.25"));
  EXPECT_FALSE(constant_problem(ValueType::Number, " 1_200_000 "));
  EXPECT_FALSE(constant_problem(ValueType::Bool, "Yes"));
  EXPECT_FALSE(constant_problem(ValueType::Date, "2026-12-15"));
  EXPECT_FALSE(constant_problem(ValueType::Date, "2026-12-15T17:00:00Z"));
  // A string takes any text, an empty one too.
  EXPECT_FALSE(constant_problem(ValueType::String, ""));
  EXPECT_FALSE(constant_problem(ValueType::String, "25%"));
}

TEST(SourceConstant, AValueThatWouldNotReadSaysWhatItIsNotAndShowsAnExample) {
  const std::optional<ConstantProblem> number = constant_problem(ValueType::Number, "1,200");
  ASSERT_TRUE(number);
  EXPECT_EQ(number->message, "`1,200` is not a number");
  EXPECT_NE(number->help.find("\"0.25\""), std::string::npos);
  const std::optional<ConstantProblem> date = constant_problem(ValueType::Date, "12/15/2026");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->message, "`12/15/2026` is not a date");
  EXPECT_NE(date->help.find("\"2026-12-15\""), std::string::npos);
  const std::optional<ConstantProblem> flag = constant_problem(ValueType::Bool, "maybe");
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->message, "`maybe` is not a bool");
  EXPECT_TRUE(constant_problem(ValueType::Number, ""));
}

}  // namespace
}  // namespace dealgate::checking
