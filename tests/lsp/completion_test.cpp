#include "lsp/completion.hpp"

#include <gtest/gtest.h>

#include "sample_rules.hpp"

namespace dealgate::lsp {
namespace {

using testing::kSampleRules;

class CompletionTest : public ::testing::Test {
 protected:
  CompletionTest() : rules(analyze({{"s.gate", kSampleRules}})) {}

  // The labels offered when `typed` is inserted where `anchor` begins, with the cursor at its end
  // (before its line break).
  std::vector<std::string> labels(const std::string& anchor, const std::string& typed) const {
    const std::size_t at = kSampleRules.find(anchor);
    EXPECT_NE(at, std::string::npos) << anchor;
    std::string text = kSampleRules;
    text.insert(at, typed);
    const std::size_t cursor = at + typed.size() - (!typed.empty() && typed.back() == '\n' ? 1 : 0);
    Json list = complete(rules, SourceFile("s.gate", text), static_cast<std::uint32_t>(cursor));
    EXPECT_EQ(list["isIncomplete"], false);
    std::vector<std::string> out;
    for (const Json& item : list["items"]) out.push_back(item["label"]);
    return out;
  }
  const Json* item(const Json& list, const std::string& label) const {
    for (const Json& i : list["items"]) {
      if (i["label"] == label) return &i;
    }
    return nullptr;
  }

  CompiledRuleSet rules;
};

bool has(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

TEST_F(CompletionTest, FieldsOfARecordAfterADot) {
  EXPECT_EQ(labels("  require roi:", "  require value.\n"),
            (std::vector<std::string>{"confirmed", "annual_benefit"}));
  EXPECT_EQ(labels("  require roi:", "  require value.conf\n").size(), 2u) << "the client filters";
}

TEST_F(CompletionTest, FieldsOfAListElementThroughItsVariable) {
  EXPECT_EQ(labels("  require roi:", "  require any(x in stakeholders: x.\n"),
            (std::vector<std::string>{"role", "engaged"}));
  EXPECT_TRUE(labels("  require roi:", "  require amount.\n").empty()) << "a number has no fields";
}

TEST_F(CompletionTest, ExpressionsOfferFactsNamesFunctionsAndKeywords) {
  std::vector<std::string> got = labels("  require roi:", "  require \n");
  for (const char* expected : {"id", "amount", "value", "stakeholders", "deciders", "min_roi",
                               "any", "count", "starts_with", "today", "and"}) {
    EXPECT_TRUE(has(got, expected)) << expected;
  }
  EXPECT_FALSE(has(got, "confirmed")) << "not a top-level fact";
  EXPECT_FALSE(has(got, "value_confirmed")) << "a condition cannot read a milestone";
  EXPECT_TRUE(has(labels("  require roi:", "  require any(p in stakeholders: \n"), "p"));
}

TEST_F(CompletionTest, RequiresOffersTheOtherBlocks) {
  EXPECT_EQ(labels("}\n\ntest", "  requires \n"), std::vector<std::string>{"value_confirmed"})
      << "in enter_delivery: not itself";
}

TEST_F(CompletionTest, ExpectOffersGatesThenStatuses) {
  EXPECT_EQ(labels("  expect enter", "  expect \n"), std::vector<std::string>{"enter_delivery"});
  EXPECT_EQ(labels("  expect enter", "  expect enter_delivery \n"),
            (std::vector<std::string>{"pass", "fail", "unknown"}));
}

TEST_F(CompletionTest, ABlocksConditionLabelsAfterItsNameAndADot) {
  EXPECT_EQ(labels("  expect enter", "  expect enter_delivery fail because value_confirmed.\n"),
            std::vector<std::string>{"roi"});
  EXPECT_EQ(labels("test \"no value\"", "waiver w {\n  waives \n"),
            (std::vector<std::string>{"value_confirmed", "enter_delivery"}));
  EXPECT_TRUE(has(labels("test \"no value\"", "waiver w {\n  \n"), "approved"));
}

TEST_F(CompletionTest, KeywordsPhasesParamsAndTypes) {
  EXPECT_TRUE(has(labels("milestone value_confirmed", ""), "milestone"));
  EXPECT_EQ(labels("  require value.confirmed", ""),
            (std::vector<std::string>{"requires", "require", "warn", "else"}));
  EXPECT_EQ(labels(" {\n  requires value_confirmed", " enters "),
            (std::vector<std::string>{"Design", "Deliver"}));
  EXPECT_EQ(labels("  param min_roi = 2", "  param \n"), std::vector<std::string>{"min_roi"});
  EXPECT_EQ(labels("  id: string", "  due: \n"),
            (std::vector<std::string>{"bool", "number", "string", "date", "list"}));
}

TEST_F(CompletionTest, ItemsSayWhatTheyAre) {
  const std::size_t at = kSampleRules.find("  require roi:");
  std::string text = kSampleRules;
  text.insert(at, "  require \n");
  Json list = complete(rules, SourceFile("s.gate", text), static_cast<std::uint32_t>(at + 10));
  ASSERT_NE(item(list, "amount"), nullptr);
  EXPECT_EQ((*item(list, "amount"))["detail"], "number");
  EXPECT_EQ((*item(list, "amount"))["documentation"]["value"], "price of the proposal");
  EXPECT_EQ((*item(list, "amount"))["kind"], 5);
  EXPECT_EQ((*item(list, "any"))["detail"], "any(x in list: condition)");
  EXPECT_EQ((*item(list, "value"))["detail"], "{ ... }") << "a record in short";
  EXPECT_EQ((*item(list, "stakeholders"))["detail"], "list<{ ... }>");
  EXPECT_EQ((*item(list, "deciders"))["kind"], 21);
}

TEST_F(CompletionTest, NamesComeFromTheRuleSetWhileTheTextIsBroken) {
  // The editor's text does not parse (a condition is half written), the names are the last good
  // ones.
  const std::string broken = "gate g {\n  require value.";
  Json list =
      complete(rules, SourceFile("s.gate", broken), static_cast<std::uint32_t>(broken.size()));
  EXPECT_EQ(list["items"].size(), 2u);
}

}  // namespace
}  // namespace dealgate::lsp
