#include "cli/terminal.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

TEST(UseColor, AutoColoursOnlyTerminals) {
  EXPECT_TRUE(use_color(ColorMode::Auto, true, nullptr));
  EXPECT_FALSE(use_color(ColorMode::Auto, false, nullptr));
}

TEST(UseColor, NoColorTurnsAutoOffUnlessEmpty) {
  EXPECT_FALSE(use_color(ColorMode::Auto, true, "1"));
  EXPECT_FALSE(use_color(ColorMode::Auto, true, "0"));  // any non-empty value counts
  EXPECT_TRUE(use_color(ColorMode::Auto, true, ""));
}

TEST(UseColor, AlwaysAndNeverWin) {
  EXPECT_TRUE(use_color(ColorMode::Always, false, "1"));
  EXPECT_FALSE(use_color(ColorMode::Never, true, nullptr));
}

TEST(Palette, EmptyWithoutColour) {
  const Palette off = Palette::of(false);
  EXPECT_STREQ(off.fail, "");
  EXPECT_STREQ(off.reset, "");
  const Palette on = Palette::of(true);
  EXPECT_STREQ(on.reset, "\033[0m");
}

}  // namespace
}  // namespace dealgate::cli
