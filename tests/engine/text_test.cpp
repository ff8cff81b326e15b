#include "engine/text.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

TEST(Utf8Lower, FoldsTheScriptsCrmNamesUse) {
  EXPECT_EQ(utf8_lower("Economic_Buyer"), "economic_buyer");
  EXPECT_EQ(utf8_lower("ÉCOLE Ñandú ÅSA"), "école ñandú åsa");
  EXPECT_EQ(utf8_lower("ŁÓDŹ"), "łódź");
  EXPECT_EQ(utf8_lower("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(utf8_lower("МОСКВА"), "москва");
  EXPECT_EQ(utf8_lower("× 😀"), "× 😀");  // the multiplication sign and emoji stay
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

}  // namespace
}  // namespace dealgate
