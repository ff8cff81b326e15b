#include "engine/eval/explain.hpp"

#include <gtest/gtest.h>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

const char* kRules = R"(
facts { id: string, value: { confirmed: bool, annual_benefit: number, price: number }, owner: string }
param min_roi: number = 3
milestone value_confirmed "Financial value confirmed" {
  require value.confirmed
  require roi: value.annual_benefit >= min_roi * value.price
    else "benefit {value.annual_benefit} is below {min_roi}x the price {value.price}"
}
gate enter_delivery { requires value_confirmed
  require owned: owner != "" }
)";

class ExplainTest : public testing::CompiledRulesTest {
 protected:
  ExplainTest() : CompiledRulesTest(kRules) {}
  Explanation explain(const char* json) {
    record_ = testing::read_deal(plan(), json);
    return explain_gate(plan(), record_.facts, testing::options_on(),
                        plan().find_block("enter_delivery"));
  }
  ReadRecord record_;
};

TEST_F(ExplainTest, TreeShowsEverySubExpressionWithItsValue) {
  Explanation e = explain(
      R"({"value": {"confirmed": true, "annual_benefit": 250000, "price": 100000}, "owner": "ana"})");
  EXPECT_EQ(e.status, Status::Fail);
  ASSERT_EQ(e.blocks.size(), 2u);  // dependencies first
  const ExplainedCondition& roi = e.blocks[0].conditions[1];
  EXPECT_EQ(roi.outcome, ConditionOutcome::False);
  EXPECT_EQ(roi.tree.source, "value.annual_benefit >= min_roi * value.price");
  ASSERT_EQ(roi.tree.children.size(), 2u);
  EXPECT_EQ(roi.tree.children[0].source, "value.annual_benefit");
  EXPECT_EQ(roi.tree.children[0].value, "250000");
  EXPECT_EQ(roi.tree.children[1].source, "min_roi * value.price");
  EXPECT_EQ(roi.tree.children[1].value, "300000");
  EXPECT_EQ(roi.message, "benefit 250000 is below 3x the price 100000");
  ASSERT_EQ(roi.facts.size(), 2u);
  EXPECT_EQ(roi.facts[0].path, "value.annual_benefit");
  EXPECT_EQ(roi.facts[1].value, "100000");
}

TEST_F(ExplainTest, ChecklistSaysWhatToChange) {
  Explanation e =
      explain(R"({"value": {"confirmed": true, "annual_benefit": 250000, "price": "100k"}})");
  EXPECT_EQ(e.status, Status::Unknown);
  ASSERT_EQ(e.checklist.size(), 2u);
  EXPECT_EQ(e.checklist[0].text,
            "cannot be decided: correct `value.price` (its value does not fit its type)");
  EXPECT_EQ(e.checklist[0].facts[1].value, "<invalid: \"100k\">");
  EXPECT_EQ(e.checklist[1].text, "cannot be decided: fill in `owner`");
}

TEST_F(ExplainTest, PassingGateHasNoChecklist) {
  Explanation e = explain(
      R"({"value": {"confirmed": true, "annual_benefit": 400000, "price": 100000}, "owner": "ana"})");
  EXPECT_EQ(e.status, Status::Pass);
  EXPECT_TRUE(e.checklist.empty());
}

}  // namespace
}  // namespace dealgate
