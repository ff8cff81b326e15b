// Comparing two rule sets on the same deals (engine/run/rule_diff.cpp): gates matched by name,
// added and removed gates, transitions and their counts, the conditions responsible, gate
// selection.
#include "engine/run/rule_diff.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

constexpr const char* kOld = R"(
facts { id: string, price: number, benefit: number, signed: bool, fit: bool }
param min_roi: number = 3

milestone value "value" {
  require roi: benefit >= min_roi * price
}
gate enter "enter" {
  requires value
  require signed
}
gate fit_gate {
  require fit
}
gate old_only {
  require signed
}
)";

// Stricter ROI, `signed` no longer required, a new condition on `fit`, old_only gone, new_only new.
constexpr const char* kNew = R"(
facts { id: string, price: number, benefit: number, signed: bool, fit: bool }
param min_roi: number = 5

milestone value "value" {
  require roi: benefit >= min_roi * price
}
gate new_only {
  require fit
}
gate enter "enter" {
  requires value
}
gate fit_gate {
  require fit
  require priced: price > 0
}
)";

class RuleDiffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    old_ = compile({{"old.gate", kOld}});
    new_ = compile({{"new.gate", kNew}});
    ASSERT_TRUE(old_.ok()) << testing::rendered_diagnostics(old_);
    ASSERT_TRUE(new_.ok()) << testing::rendered_diagnostics(new_);
  }
  // Evaluates `deal` (a JSON object) with both rule sets and compares.
  DealChanges compare(RuleDiff& diff, const std::string& deal) {
    DealResult before = evaluate(*old_.plan, diff.old_selection(), deal);
    DealResult after = evaluate(*new_.plan, diff.new_selection(), deal);
    return diff.compare(before, after);
  }
  DealResult evaluate(const Plan& plan, const std::vector<BlockIndex>& gates,
                      const std::string& deal) {
    ReadRecord record = testing::read_deal(plan, deal);
    DealResult result;
    result.id_json = record.id_json;
    EvalOptions options;
    options.gates = gates;
    if (!gates.empty()) Evaluator(plan).evaluate(record.facts, options, result);
    return result;
  }
  // A diff of the two rule sets over `gates`, which both of them know.
  RuleDiff diff_over(const std::vector<std::string>& gates) {
    RuleDiff diff(*old_.plan, *new_.plan);
    std::string unknown;
    EXPECT_TRUE(diff.select(gates, unknown)) << unknown;
    return diff;
  }
  const GateChange* find(const RuleDiff& diff, const DealChanges& changes,
                         const std::string& gate) {
    for (const GateChange& c : changes.gates) {
      if (diff.gates()[c.gate].name == gate) return &c;
    }
    return nullptr;
  }

  Compilation old_, new_;
};

using Ids = std::vector<std::string>;

// A waiver added, one removed, one renewed: each listed with what changed, and the deal it now
// lets through reported with the condition newly waived.
TEST_F(RuleDiffTest, WaiversAreListedAndNewlyWaivedConditionsAreAChange) {
  const std::string waivers_old = R"(
waiver renewed { deal "D1" waives value approved by "Dana" until @2026-06-30 }
waiver dropped { deal "D9" waives enter.1 approved by "Sam" until @2026-12-31 }
)";
  const std::string waivers_new = R"(
waiver renewed { deal "D1" waives value approved by "Dana" until @2026-12-31 }
waiver added { deal "D2" waives enter.1 approved by "Kim" reason "pilot" until @2026-12-31 }
)";
  Compilation before = compile({{"old.gate", std::string(kOld) + waivers_old}});
  Compilation after = compile({{"new.gate", std::string(kOld) + waivers_new}});
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(after.ok());
  RuleDiff diff(*before.plan, *after.plan);
  ASSERT_TRUE(diff.has_waivers());
  ASSERT_EQ(diff.waivers().size(), 3u);
  EXPECT_EQ(diff.waivers()[0].name, "renewed");
  EXPECT_EQ(diff.waivers()[0].changes, Ids{"until 2026-06-30 -> 2026-12-31"});
  EXPECT_EQ(diff.waivers()[1].name, "added");
  EXPECT_TRUE(diff.waivers()[1].added());
  EXPECT_EQ(diff.waivers()[2].name, "dropped");
  EXPECT_TRUE(diff.waivers()[2].removed());

  const char* deal = R"({"id":"D2","price":1,"benefit":9,"signed":false,"fit":true})";
  DealChanges changes = diff.compare(testing::evaluate_deal(*before.plan, deal),
                                     testing::evaluate_deal(*after.plan, deal));
  const GateChange* enter = find(diff, changes, "enter");
  ASSERT_NE(enter, nullptr);
  EXPECT_EQ(enter->from, Status::Fail);
  EXPECT_EQ(enter->to, Status::Pass);
  EXPECT_EQ(enter->no_longer_failed, Ids{"enter.1"});
  EXPECT_EQ(enter->newly_waived, Ids{"enter.1"});
  EXPECT_FALSE(RuleDiff(*old_.plan, *new_.plan).has_waivers());
}

TEST_F(RuleDiffTest, GatesAreMatchedByNameNewOrderFirstThenRemoved) {
  RuleDiff diff(*old_.plan, *new_.plan);
  ASSERT_EQ(diff.gates().size(), 4u);
  EXPECT_EQ(diff.gates()[0].name, "new_only");
  EXPECT_TRUE(diff.gates()[0].added());
  EXPECT_EQ(diff.gates()[1].name, "enter");
  EXPECT_FALSE(diff.gates()[1].added());
  EXPECT_FALSE(diff.gates()[1].removed());
  EXPECT_EQ(diff.gates()[2].name, "fit_gate");
  EXPECT_EQ(diff.gates()[3].name, "old_only");
  EXPECT_TRUE(diff.gates()[3].removed());
  EXPECT_EQ(diff.selected(), (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(diff.old_selection().size(), 3u);
  EXPECT_EQ(diff.new_selection().size(), 3u);
}

TEST_F(RuleDiffTest, StricterThresholdTurnsPassIntoFailAndNamesTheCondition) {
  RuleDiff diff(*old_.plan, *new_.plan);
  // ROI 4: passes min_roi 3, fails min_roi 5.
  DealChanges changes =
      compare(diff, R"({"id":"D1","price":100,"benefit":400,"signed":true,"fit":true})");
  EXPECT_EQ(changes.id_json, "\"D1\"");
  const GateChange* enter = find(diff, changes, "enter");
  ASSERT_NE(enter, nullptr);
  EXPECT_EQ(enter->from, Status::Pass);
  EXPECT_EQ(enter->to, Status::Fail);
  EXPECT_EQ(enter->newly_failed, Ids{"value.roi"});
  EXPECT_TRUE(enter->newly_unknown.empty());
  EXPECT_TRUE(enter->no_longer_failed.empty());
  // fit_gate passes on both sides with the same conditions: no change.
  EXPECT_EQ(find(diff, changes, "fit_gate"), nullptr);
  // Added and removed gates change from or to "none".
  const GateChange* added = find(diff, changes, "new_only");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->from, std::nullopt);
  EXPECT_EQ(added->to, Status::Pass);
  const GateChange* removed = find(diff, changes, "old_only");
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->from, Status::Pass);
  EXPECT_EQ(removed->to, std::nullopt);
}

TEST_F(RuleDiffTest, DroppedRequirementTurnsFailIntoPass) {
  RuleDiff diff = diff_over({"enter"});
  DealChanges changes =
      compare(diff, R"({"id":"D2","price":100,"benefit":900,"signed":false,"fit":true})");
  ASSERT_EQ(changes.gates.size(), 1u);
  EXPECT_EQ(changes.gates[0].from, Status::Fail);
  EXPECT_EQ(changes.gates[0].to, Status::Pass);
  EXPECT_EQ(changes.gates[0].no_longer_failed, Ids{"enter.1"});
  EXPECT_TRUE(changes.gates[0].newly_failed.empty());
}

TEST_F(RuleDiffTest, UnknownToFailAndNoLongerUnknown) {
  RuleDiff diff = diff_over({"enter"});
  // signed is missing: unknown before (enter.1), and fails ROI after (4 < 5).
  DealChanges changes = compare(diff, R"({"id":"D3","price":100,"benefit":400,"fit":true})");
  ASSERT_EQ(changes.gates.size(), 1u);
  EXPECT_EQ(changes.gates[0].from, Status::Unknown);
  EXPECT_EQ(changes.gates[0].to, Status::Fail);
  EXPECT_EQ(changes.gates[0].newly_failed, Ids{"value.roi"});
  EXPECT_EQ(changes.gates[0].no_longer_unknown, Ids{"enter.1"});
}

TEST_F(RuleDiffTest, SameStatusForOtherConditionsIsAChange) {
  RuleDiff diff = diff_over({"fit_gate"});
  // fit is false on both sides; the new rules also fail `priced`.
  DealChanges changes = compare(diff, R"({"id":"D4","price":0,"benefit":0,"fit":false})");
  ASSERT_EQ(changes.gates.size(), 1u);
  EXPECT_FALSE(changes.gates[0].status_changed());
  EXPECT_EQ(changes.gates[0].from, Status::Fail);
  EXPECT_EQ(changes.gates[0].newly_failed, Ids{"fit_gate.priced"});
  // The condition matched by id: fit_gate.1 fails on both sides and is not reported.
  EXPECT_TRUE(changes.gates[0].no_longer_failed.empty());
}

TEST_F(RuleDiffTest, TalliesCountEveryTransitionPerGate) {
  RuleDiff diff = diff_over({"enter", "fit_gate"});
  compare(diff,
          R"({"id":"A","price":100,"benefit":400,"signed":true,"fit":true})");  // enter pass → fail
  compare(diff, R"({"id":"B","price":100,"benefit":450,"signed":true,"fit":true})");  // pass → fail
  compare(diff, R"({"id":"C","price":100,"benefit":900,"signed":true,"fit":true})");  // pass → pass
  compare(diff,
          R"({"id":"D","price":100,"benefit":900,"signed":false,"fit":true})");  // fail → pass
  compare(diff,
          R"({"id":"E","price":0,"benefit":0,"signed":false,"fit":false})");  // fit fail, other
                                                                              // conditions
  EXPECT_EQ(diff.deals(), 5u);
  EXPECT_EQ(diff.changed_deals(), 4u);
  const std::size_t enter = 1, fit = 2;
  std::vector<Transition> t = diff.transitions(enter);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].from, Status::Pass);
  EXPECT_EQ(t[0].to, Status::Fail);
  EXPECT_EQ(t[0].deals, 2u);
  EXPECT_EQ(t[1].from, Status::Fail);
  EXPECT_EQ(t[1].to, Status::Pass);
  EXPECT_EQ(t[1].deals, 2u);  // D, and E (signed false; ROI 0 >= 0 passes on both sides)
  EXPECT_EQ(diff.unchanged(enter), 1u);
  t = diff.transitions(fit);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].from, Status::Fail);
  EXPECT_EQ(t[0].to, Status::Fail);
  EXPECT_EQ(t[0].deals, 1u);
  EXPECT_EQ(diff.unchanged(fit), 4u);
}

TEST_F(RuleDiffTest, SameRulesChangeNothing) {
  RuleDiff same(*old_.plan, *old_.plan);
  const std::string deal = R"({"id":"D1","price":100,"benefit":400,"signed":true})";
  DealChanges changes = same.compare(evaluate(*old_.plan, same.old_selection(), deal),
                                     evaluate(*old_.plan, same.new_selection(), deal));
  EXPECT_TRUE(changes.gates.empty());
  EXPECT_EQ(same.changed_deals(), 0u);
  for (std::size_t g : same.selected()) EXPECT_TRUE(same.transitions(g).empty());
}

TEST_F(RuleDiffTest, SelectionRejectsNamesOfNeitherSideAndKeepsTheOldSelection) {
  RuleDiff diff(*old_.plan, *new_.plan);
  std::string unknown;
  EXPECT_FALSE(diff.select({"enter", "entre"}, unknown));
  EXPECT_EQ(unknown, "entre");
  EXPECT_EQ(diff.selected().size(), 4u);
  // A gate only the old rules have: nothing to evaluate on the new side.
  ASSERT_TRUE(diff.select({"old_only"}, unknown));
  EXPECT_TRUE(diff.evaluates_old());
  EXPECT_FALSE(diff.evaluates_new());
  DealChanges changes = compare(diff, R"({"id":"D1","signed":false})");
  ASSERT_EQ(changes.gates.size(), 1u);
  EXPECT_EQ(changes.gates[0].from, Status::Fail);
  EXPECT_EQ(changes.gates[0].to, std::nullopt);
  EXPECT_EQ(changes.gates[0].no_longer_failed, Ids{"old_only.1"});
  EXPECT_EQ(diff.gate_names(),
            (std::vector<std::string>{"new_only", "enter", "fit_gate", "old_only"}));
}

}  // namespace
}  // namespace dealgate
