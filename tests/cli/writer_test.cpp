#include "cli/writer.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

TEST(IdText, DecodesJsonStrings) {
  EXPECT_EQ(id_text(R"("D000123")"), "D000123");
  EXPECT_EQ(id_text(R"("ACME, \"west\"")"), "ACME, \"west\"");
  EXPECT_EQ(id_text(R"("a\\b\/c\n")"), "a\\b/c\n");
  EXPECT_EQ(id_text(R"("caf\u00e9 \ud83d\ude00")"), "café 😀");
}

TEST(IdText, KeepsOtherJsonAsWrittenAndNullAsEmpty) {
  EXPECT_EQ(id_text("42"), "42");
  EXPECT_EQ(id_text("true"), "true");
  EXPECT_EQ(id_text("null"), "");
  EXPECT_EQ(id_text(""), "");
}

}  // namespace
}  // namespace dealgate::cli
