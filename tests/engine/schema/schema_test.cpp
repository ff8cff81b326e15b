// value_type_word: the words messages and the library's FactInfo use for declared types.
#include "engine/schema/schema.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dealgate {
namespace {

TEST(ValueTypeWord, IsTheRuleLanguagesKeyword) {
  EXPECT_EQ(std::string(value_type_word(ValueType::Bool)), "bool");
  EXPECT_EQ(std::string(value_type_word(ValueType::Number)), "number");
  EXPECT_EQ(std::string(value_type_word(ValueType::String)), "string");
  EXPECT_EQ(std::string(value_type_word(ValueType::Date)), "date");
  EXPECT_EQ(std::string(value_type_word(ValueType::List)), "list");
  EXPECT_EQ(std::string(value_type_word(ValueType::Record)), "record");
}

TEST(ValueTypeWord, IsAQuestionMarkForAValueOutsideTheEnum) {
  EXPECT_EQ(std::string(value_type_word(static_cast<ValueType>(200))), "?");
}

}  // namespace
}  // namespace dealgate
