#include "base/text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>

namespace dealgate {
namespace {

TEST(Utf8Lower, FoldsTheScriptsCrmNamesUse) {
  const std::pair<const char*, const char*> upper_and_lower[] = {
      {"Economic_Buyer", "economic_buyer"},
      {"ÉCOLE Ñandú ÅSA", "école ñandú åsa"},
      {"ŁÓDŹ", "łódź"},
      {"ΑΘΗΝΑ", "αθηνα"},
      {"МОСКВА", "москва"},
      {"× 😀", "× 😀"},  // the multiplication sign and emoji stay
  };
  for (const auto& [upper, lower] : upper_and_lower) EXPECT_EQ(utf8_lower(upper), lower) << upper;
}

TEST(Utf8Lower, KeepsBytesThatAreNotUtf8) {
  std::string bad = "A\xff" "B";
  EXPECT_EQ(utf8_lower(bad), "a\xff" "b");
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("café"), 4u);
  EXPECT_EQ(utf8_length("😀!"), 2u);
}

TEST(TextContains, AgreesWithAPlainSearchOnShortAndLongParts) {
  EXPECT_TRUE(text_contains("renewal board demo", "board"));
  EXPECT_FALSE(text_contains("renewal board demo", "boards"));
  EXPECT_TRUE(text_contains("anything", ""));
  EXPECT_FALSE(text_contains("", "a"));
  // Texts and parts over one to three letters, so periodic ones are common, found and not,
  // with parts long enough for glibc's two-way search (and its critical factorisation).
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text, part;
    const int alphabet = 1 + static_cast<int>(random() % 3);
    const std::size_t text_size = random() % 800, part_size = random() % 300;
    for (std::size_t i = 0; i < text_size; ++i) text += static_cast<char>('a' + random() % alphabet);
    for (std::size_t i = 0; i < part_size; ++i) part += static_cast<char>('a' + random() % alphabet);
    if (round % 2 == 0 && part_size <= text_size) {  // half the time, a part cut from the text
      const std::size_t at = random() % (text_size - part_size + 1);
      part = text.substr(at, part_size);
    }
    ASSERT_EQ(text_contains(text, part), text.find(part) != std::string::npos)
        << "text `" << text << "`, part `" << part << "`";
  }
}

TEST(TextContains, ALongRepeatedPartInALongRepeatedText) {
  // A plain search compares about |part| bytes at each of |text| places here (4e12 comparisons
  // at 4 MB: minutes); a linear one answers at once. The answers are asserted; a quadratic
  // search shows as this test running into its timeout.
  const std::string text(4'000'000, 'a');
  EXPECT_FALSE(text_contains(text, std::string(2'000'000, 'a') + "b"));
  EXPECT_TRUE(text_contains(text + "b", std::string(2'000'000, 'a') + "b"));
  EXPECT_TRUE(text_contains(text, std::string(3'999'999, 'a')));
}

}  // namespace
}  // namespace dealgate
