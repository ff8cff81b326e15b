// What a word processor leaves in pasted rules, named at the offset where a parse stopped; and what
// looks typed is left to the grammar's own messages.
#include "grammar/pasted_text.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

// The recognition at the first occurrence of `marker` in `text`, the token before it being the word
// or number just before (as the parser would find it).
std::optional<PastedText> at(std::string_view text, std::string_view marker) {
  auto offset = static_cast<std::uint32_t>(text.find(marker));
  std::uint32_t prev_end = offset;
  while (prev_end > 0 && text[prev_end - 1] == ' ') --prev_end;
  std::uint32_t prev_begin = prev_end;
  while (prev_begin > 0 && text[prev_begin - 1] != ' ') --prev_begin;
  return recognize_pasted_text(text, offset, prev_begin, prev_end);
}

std::string underlined(std::string_view text, const std::optional<PastedText>& p) {
  return p ? std::string(text.substr(p->begin, p->end - p->begin)) : "<none>";
}

// The recognition at `marker` in `text` says `message` and underlines `underline`.
void expect_recognized(std::string_view text, std::string_view marker, const std::string& message,
                       std::string_view underline) {
  SCOPED_TRACE(text);
  auto p = at(text, marker);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->message, message);
  EXPECT_EQ(underlined(text, p), underline);
}

TEST(PastedText, CurlyQuotesAreNamedWithTheStraightQuoteToWrite) {
  expect_recognized(
      "stage == \u201CDesign\u201D", "\u201C",
      "this is a curly quote `\u201C` from a word processor; write a straight quote `\"`",
      "\u201C");
  auto single = at("x == \u2018a\u2019", "\u2018");
  ASSERT_TRUE(single);
  EXPECT_EQ(
      single->message,
      "this is a curly quote `\u2018` from a word processor; write a straight double quote `\"`");
}

TEST(PastedText, AStringClosedByACurlyQuoteIsToldWhichOne) {
  std::string_view text = "x == \"He said \u201Chi\u201D\n";
  auto p = recognize_curly_string_end(text, 5);
  ASSERT_TRUE(p);
  EXPECT_EQ(underlined(text, p), "\u201D")
      << "the last curly quote on the line was meant to close it";
  EXPECT_FALSE(recognize_curly_string_end("x == \"plain\n\"\u201D", 5))
      << "only on the string's own line";
}

TEST(PastedText, OddSpacesAreNamedWithTheirCodePoint) {
  auto nbsp = at("a\u00A0and b", "\u00A0");
  ASSERT_TRUE(nbsp);
  EXPECT_EQ(
      nbsp->message,
      "this is a non-breaking space (U+00A0), which looks like a space but is not one; write a "
      "plain space");
  auto thin = at("a\u2009", "\u2009");
  ASSERT_TRUE(thin);
  EXPECT_EQ(thin->message.substr(0, 31), "this is a thin space (U+2009), ");
  auto zero = at("con\u200Bfirmed", "\u200B");
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->message,
            "this is an invisible zero-width space (U+200B) pasted with the text; delete it");
  EXPECT_EQ(zero->end - zero->begin, 3u);
}

TEST(PastedText, DashesAndArrows) {
  auto en = at("price \u2013 1", "\u2013");
  ASSERT_TRUE(en);
  EXPECT_EQ(en->message,
            "this is an en dash `\u2013` from a word processor; write a plain minus sign `-`");
  expect_recognized(
      "A \u2014> B", "\u2014",
      "this is an em dash `\u2014` from a word processor; write the arrow `->` with a plain `-`",
      "\u2014>");
  auto minus = at("x \u2212 1", "\u2212");
  ASSERT_TRUE(minus);
  EXPECT_EQ(minus->message.substr(0, 21), "this is a minus sign ");
}

TEST(PastedText, PercentAfterANumber) {
  expect_recognized("discount <= 12.5%", "%",
                    "`12.5%` is not a number: write `0.125` (a fraction) or `12.5` (in percent)",
                    "12.5%");
  EXPECT_FALSE(at("x2%", "%")) << "digits at the end of a name are no number";
  EXPECT_FALSE(at("x %", "%"));
}

TEST(PastedText, AmountsWithCurrencySignsAndThousandsSeparators) {
  expect_recognized("price >= $1,250,000.50 and", "$",
                    "`$1,250,000.50` is not a number: write `1250000.50` or `1_250_000.50`",
                    "$1,250,000.50");
  auto small = at("price >= \u20AC500", "\u20AC");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->message, "`\u20AC500` is not a number: write `500`");
  EXPECT_FALSE(at("x == $", "$")) << "a sign without digits";

  auto comma = at("price >= 100,000", ",");
  ASSERT_TRUE(comma);
  EXPECT_EQ(comma->message, "`100,000` is not a number here: write `100000` or `100_000`");
  EXPECT_FALSE(at("f(1,2)", ",")) << "not a group of three digits";
  EXPECT_FALSE(at("f(1,2345)", ","));
  EXPECT_FALSE(at("f(a,100)", ","));
}

TEST(PastedText, OperatorsAndValuesInAnotherCase) {
  auto upper = at("a AND b", "AND");
  ASSERT_TRUE(upper);
  EXPECT_EQ(upper->message, "`AND` is not an operator; did you mean `and`?");
  auto before = at("NOT a", "a");
  ASSERT_TRUE(before) << "the word before the stop is the mistake";
  EXPECT_EQ(before->message, "`NOT` is not an operator; did you mean `not`?");
  EXPECT_FALSE(recognize_pasted_text("NOT\na", 4, 0, 3)) << "not across a line break";
  EXPECT_FALSE(at("True b", "b")) << "a value before the stop did not stop it";

  ASSERT_TRUE(keyword_in_other_case("FALSE"));
  EXPECT_EQ(keyword_in_other_case("True")->message, "`True` is not a value; did you mean `true`?");
  EXPECT_FALSE(keyword_in_other_case("true"));
  EXPECT_FALSE(keyword_in_other_case("Gate")) << "other keywords get the grammar's did-you-mean";
}

TEST(PastedText, TypedTextIsLeftAlone) {
  for (std::string_view text : {"a b", "a } b", "a == \"x\"", "a ) b", "and b"}) {
    auto offset = static_cast<std::uint32_t>(text.find(' ') + 1);
    EXPECT_FALSE(recognize_pasted_text(text, offset, 0, 1)) << text;
  }
}

}  // namespace
}  // namespace dealgate
