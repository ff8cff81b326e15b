// id_text: a deal id as people read it, shared by the CLI's reports and Evaluation::id().
#include "base/json_text.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

TEST(IdText, DecodesJsonStrings) {
  EXPECT_EQ(id_text(R"("D000123")"), "D000123");
  EXPECT_EQ(id_text(R"("")"), "");
  EXPECT_EQ(id_text(R"("ACME, \"west\"")"), "ACME, \"west\"");
  EXPECT_EQ(id_text(R"("a\\b\/c\n")"), "a\\b/c\n");
  EXPECT_EQ(id_text(R"("\b\f\n\r\t")"), "\b\f\n\r\t");
}

TEST(IdText, DecodesUnicodeEscapesAtEachLength) {
  EXPECT_EQ(id_text(R"("\u0041")"), "A");
  EXPECT_EQ(id_text(R"("caf\u00e9")"), "caf\xC3\xA9");
  EXPECT_EQ(id_text(R"("\u20AC")"), "\xE2\x82\xAC");  // upper-case hex digits too
  EXPECT_EQ(id_text(R"("\uffff")"), "\xEF\xBF\xBF");
}

TEST(IdText, JoinsSurrogatePairsIntoOneCodePoint) {
  EXPECT_EQ(id_text(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(id_text(R"("\uD800\uDC00")"), "\xF0\x90\x80\x80");
  EXPECT_EQ(id_text(R"("\udbff\udfff")"), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(id_text(R"("caf\u00e9 \ud83d\ude00")"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(IdText, KeepsLoneSurrogatesAsTheirThreeBytes) {
  EXPECT_EQ(id_text(R"("\ud83d")"), "\xED\xA0\xBD");
  EXPECT_EQ(id_text(R"("\ud83dx")"), "\xED\xA0\xBDx");
  EXPECT_EQ(id_text(R"("\ude00")"), "\xED\xB8\x80");
  // A high surrogate followed by an escape that is not a low one: two code points.
  EXPECT_EQ(id_text(R"("\ud83d\u0041")"),
            "\xED\xA0\xBD"
            "A");
}

TEST(IdText, KeepsAStringWithABadEscapeAsWritten) {
  EXPECT_EQ(id_text(R"("a\x")"), R"("a\x")");
  EXPECT_EQ(id_text(R"("\u12")"), R"("\u12")");
  EXPECT_EQ(id_text(R"("\u12g4")"), R"("\u12g4")");
  EXPECT_EQ(id_text(R"("a\")"), R"("a\")");  // the closing quote is escaped
}

TEST(IdText, KeepsOtherJsonAsWrittenAndNullAsEmpty) {
  EXPECT_EQ(id_text("42"), "42");
  EXPECT_EQ(id_text("true"), "true");
  EXPECT_EQ(id_text(R"({"a":1})"), R"({"a":1})");
  EXPECT_EQ(id_text(R"(")"), R"(")");
  EXPECT_EQ(id_text("null"), "");
  EXPECT_EQ(id_text(""), "");
}

}  // namespace
}  // namespace dealgate
