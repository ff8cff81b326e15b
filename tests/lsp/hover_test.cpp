#include "lsp/hover.hpp"

#include <gtest/gtest.h>

#include "sample_rules.hpp"

namespace dealgate::lsp {
namespace {

using testing::kSampleRules;

class HoverTest : public ::testing::Test {
 protected:
  HoverTest() : rules(analyze({{"s.gate", kSampleRules}})) {}

  // The hover text with the cursor `shift` bytes into the `n`th `text`.
  std::string hover_text(const std::string& text, int shift = 0, int n = 0) const {
    std::size_t at = kSampleRules.find(text);
    while (n-- > 0) at = kSampleRules.find(text, at + 1);
    EXPECT_NE(at, std::string::npos) << text;
    Json h = hover(rules, 0, static_cast<std::uint32_t>(at + shift));
    return h.is_null() ? "<null>" : h["contents"]["value"].get<std::string>();
  }

  CompiledRuleSet rules;
};

TEST_F(HoverTest, AFactShowsItsDeclaredTypeAndComment) {
  EXPECT_EQ(
      hover_text("* amount", 2),
      "```dealgate\namount: number\n```\n\nA fact of the deal record.\n\nprice of the proposal");
  EXPECT_EQ(hover_text("value.annual_benefit >=", 8),
            "```dealgate\nvalue.annual_benefit: number\n```\n\nA fact of the deal record.\n\n"
            "The customer's view of the value");
  EXPECT_EQ(hover_text("s.role", 3),
            "```dealgate\nstakeholders[].role: string\n```\n\nA fact of the deal record.");
}

TEST_F(HoverTest, AMilestoneShowsItsTitleAndConditions) {
  EXPECT_EQ(hover_text("requires value_confirmed", 12),
            "**milestone** `value_confirmed`: Value confirmed\n\n```dealgate\n"
            "require value.confirmed\n"
            "require roi: value.annual_benefit >= min_roi * amount\n"
            "    else \"benefit {value.annual_benefit} is below {min_roi}x\"\n```");
}

TEST_F(HoverTest, AGateShowsThePhaseItEntersAndWhatItRequires) {
  const std::string text = hover_text("expect enter_delivery", 9);
  EXPECT_EQ(text.substr(0, text.find("```")),
            "**gate** `enter_delivery`: Ready for Delivery\n\nEnters the phase `Deliver`.\n\n");
  EXPECT_NE(text.find("requires value_confirmed\nrequire buyer: any("), std::string::npos) << text;
}

TEST_F(HoverTest, ConstsParamsConditionsAndPhases) {
  EXPECT_EQ(hover_text("in deciders", 4),
            "```dealgate\nconst deciders = [\"sponsor\", \"cfo\"]\n```\n\nType: `list<string>`\n\n"
            "Roles who can decide.");
  EXPECT_EQ(hover_text("min_roi *"),
            "```dealgate\nparam min_roi: number = 3\n```\n\n"
            "A param: each run may set it with `--param min_roi=VALUE`.");
  EXPECT_EQ(
      hover_text("value_confirmed.roi", 17),
      "condition `value_confirmed.roi`\n\n```dealgate\nrequire roi: value.annual_benefit >= "
      "min_roi * amount\n    else \"benefit {value.annual_benefit} is below {min_roi}x\"\n```");
  EXPECT_EQ(hover_text("enters Deliver", 8),
            "phase `Deliver`, 2 of 2\n\n```dealgate\nphases Design -> Deliver\n```");
}

TEST_F(HoverTest, NothingOnKeywordsAndSpaces) {
  EXPECT_EQ(hover_text("require value", 2), "<null>");
  EXPECT_EQ(hover_text("ruleset"), "<null>");
}

TEST_F(HoverTest, TheRangeIsTheNameUnderTheCursor) {
  const std::size_t at = kSampleRules.find("min_roi *");
  Json h = hover(rules, 0, static_cast<std::uint32_t>(at + 3));
  EXPECT_EQ(h["range"]["end"]["character"].get<int>() - h["range"]["start"]["character"].get<int>(),
            7);
}

TEST(Hover, AnUndeclaredNameSaysSo) {
  CompiledRuleSet rules(analyze({{"a.gate", "gate g { requires nowhere }"}}));
  Json h = hover(rules, 0, 20);
  EXPECT_EQ(h["contents"]["value"], "`nowhere` is not declared");
}

}  // namespace
}  // namespace dealgate::lsp
