// Waivers as a deal desk grants them: which deals they name (by id, by a condition), until when
// they hold, and what a waived condition does to a gate (counts as satisfied, reported as waived).
#include "engine/eval/waivers.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "engine/compiled_rules.hpp"
#include "engine/eval/explain.hpp"

namespace dealgate {
namespace {

const char* kRules = R"(
facts { id: string, amount: number, segment: string, a: bool, b: bool, n: number }
milestone first { require a else "a is false"
  warn small: n < 5 else "n is {n}" }
gate g { requires first
  require big: n > 10 else "n is {n}, needs more than 10"
  require b }

waiver acme "W-1" {
  deal "D-1", "D-\u{E9}"
  waives g.big
  approved by "Dana Lee"
  until @2026-12-31
}
waiver public_sector {
  when segment == "public"
  waives first
  approved by "Sam Ortiz"
  reason "framework agreement"
  until @2026-06-30
}
waiver also_big {
  deal "D-1"
  waives g.big, g.2
  approved by "Kim Park"
  until @2027-12-31
}
)";

class WaiversTest : public testing::CompiledRulesTest {
 protected:
  WaiversTest() : CompiledRulesTest(kRules) {}
  void SetUpPlan() override { evaluator_ = std::make_unique<Evaluator>(plan()); }

  DealResult evaluate(const std::string& json, const char* today = "2026-11-26",
                      bool checklist = false) {
    ReadRecord record = testing::read_deal(plan(), json);
    EvalOptions options = testing::options_on(today);
    options.checklist = checklist;
    DealResult result;
    result.id_json = record.id_json.empty() ? "null" : record.id_json;
    evaluator_->evaluate(record.facts, options, result);
    return result;
  }

  std::vector<std::string> names(const std::vector<WaiverUse>& uses) const {
    std::vector<std::string> out;
    for (const WaiverUse& u : uses)
      out.push_back(plan().waivers[u.waiver].name + (u.expired ? " (expired)" : ""));
    return out;
  }
  std::vector<std::string> waived(const GateResult& g) const {
    std::vector<std::string> out;
    for (const WaivedCondition& w : g.waived) {
      out.push_back(plan().conditions[w.condition].id + " by " + plan().waivers[w.waiver].name);
    }
    return out;
  }
  std::vector<std::string> ids(const std::vector<ConditionIndex>& cs) const {
    std::vector<std::string> out;
    for (ConditionIndex c : cs) out.push_back(plan().conditions[c].id);
    return out;
  }

  std::unique_ptr<Evaluator> evaluator_;
};

TEST_F(WaiversTest, PlanKeepsWhatEachWaiverSays) {
  ASSERT_EQ(plan().waivers.size(), 3u);
  const PlanWaiver& acme = plan().waivers[0];
  EXPECT_EQ(acme.label, "W-1");
  EXPECT_EQ(acme.deals, (std::vector<std::string>{"D-1", "D-\u00e9"}));
  EXPECT_EQ(acme.waives, (std::vector<std::string>{"g.big"}));
  EXPECT_EQ(acme.approver, "Dana Lee");
  EXPECT_EQ(format_date(acme.until), "2026-12-31");
  const PlanWaiver& sector = plan().waivers[1];
  EXPECT_EQ(ids(sector.conditions), (std::vector<std::string>{"first.1", "first.small"}))
      << "a milestone named whole stands for all of its conditions";
  EXPECT_EQ(sector.reason, "framework agreement");
  EXPECT_NE(plan().amount_slot, kNone);
}

TEST_F(WaiversTest, AWaivedFailingConditionCountsAsSatisfiedAndIsReportedAsWaived) {
  DealResult r = evaluate(
      R"({"id": "D-1", "amount": 5000, "segment": "private", "a": true, "b": true, "n": 3})");
  ASSERT_TRUE(r.has_waivers);
  EXPECT_EQ(names(r.waivers), (std::vector<std::string>{"acme", "also_big"}));
  const GateResult& g = r.gates.at(0);
  EXPECT_EQ(g.status, Status::Pass);
  EXPECT_TRUE(g.failed.empty());
  EXPECT_EQ(waived(g), (std::vector<std::string>{"g.big by acme"}))
      << "the first waiver in force names it";
  EXPECT_EQ(g.messages, (std::vector<std::string>{})) << "a waived condition adds no message";
  EXPECT_TRUE(r.has_amount);
  EXPECT_EQ(r.amount, 5000);
}

TEST_F(WaiversTest, AWaivedConditionThatHoldsIsNotListed) {
  DealResult r = evaluate(R"({"id": "D-1", "a": true, "b": true, "n": 30})");
  EXPECT_EQ(r.gates.at(0).status, Status::Pass);
  EXPECT_TRUE(r.gates.at(0).waived.empty());
  EXPECT_EQ(names(r.waivers), (std::vector<std::string>{"acme", "also_big"}));
}

TEST_F(WaiversTest, AnUnknownWaivedConditionIsSatisfiedAndItsFactsAreNotMissing) {
  DealResult r = evaluate(R"({"id": "D-1", "a": true, "n": 30})");
  const GateResult& g = r.gates.at(0);
  EXPECT_EQ(g.status, Status::Pass);
  EXPECT_TRUE(g.unknown.empty());
  EXPECT_TRUE(g.missing.empty());
  EXPECT_EQ(waived(g), (std::vector<std::string>{"g.2 by also_big"}));
}

TEST_F(WaiversTest, AnExpiredWaiverNoLongerAppliesAndIsReported) {
  DealResult r = evaluate(R"({"id": "D-1", "a": true, "b": true, "n": 3})", "2028-01-01");
  EXPECT_EQ(names(r.waivers), (std::vector<std::string>{"acme (expired)", "also_big (expired)"}));
  EXPECT_EQ(r.gates.at(0).status, Status::Fail);
  EXPECT_EQ(ids(r.gates.at(0).failed), (std::vector<std::string>{"g.big"}));
  EXPECT_TRUE(r.gates.at(0).waived.empty());
  // Through its last day it still holds; the day after, only the later one does.
  EXPECT_EQ(names(evaluate(R"({"id": "D-1", "n": 3})", "2026-12-31").waivers),
            (std::vector<std::string>{"acme", "also_big"}));
  DealResult later = evaluate(R"({"id": "D-1", "a": true, "b": true, "n": 3})", "2027-01-01");
  EXPECT_EQ(names(later.waivers), (std::vector<std::string>{"acme (expired)", "also_big"}));
  EXPECT_EQ(waived(later.gates.at(0)), (std::vector<std::string>{"g.big by also_big"}));
}

TEST_F(WaiversTest, AWaiverByConditionNamesTheDealsWhoseFactsFit) {
  DealResult r = evaluate(R"({"id": "D-9", "segment": "public", "a": false, "b": true, "n": 30})",
                          "2026-05-01");
  EXPECT_EQ(names(r.waivers), (std::vector<std::string>{"public_sector"}));
  const GateResult& g = r.gates.at(0);
  EXPECT_EQ(g.status, Status::Pass);
  EXPECT_EQ(g.milestones.at(0).second, Status::Pass);
  EXPECT_EQ(waived(g),
            (std::vector<std::string>{"first.1 by public_sector", "first.small by public_sector"}))
      << "a waived warning is not a warning";
  EXPECT_TRUE(g.warnings.empty());
  // Unknown is not true: a deal whose segment is missing is not named.
  EXPECT_TRUE(evaluate(R"({"id": "D-9", "a": false})", "2026-05-01").waivers.empty());
}

TEST_F(WaiversTest, DealsWithoutAWaiverAreEvaluatedAsBefore) {
  // One deal with a waiver, then one without: nothing of the first is left over.
  evaluate(R"({"id": "D-1", "a": true, "b": true, "n": 3})");
  DealResult r = evaluate(R"({"id": "D-2", "a": true, "b": true, "n": 3})");
  EXPECT_TRUE(r.waivers.empty());
  EXPECT_FALSE(r.has_amount);
  EXPECT_EQ(r.gates.at(0).status, Status::Fail);
  EXPECT_EQ(ids(r.gates.at(0).failed), (std::vector<std::string>{"g.big"}));
  EXPECT_EQ(r.gates.at(0).messages, (std::vector<std::string>{"n is 3, needs more than 10"}));
  // A rule set without waivers says it has none.
  Compilation plain =
      compile({{"p.gate", "facts { id: string, n: number }\ngate g { require n > 1 }\n"}});
  ASSERT_TRUE(plain.ok()) << testing::rendered_diagnostics(plain);
  DealResult result = testing::evaluate_deal(*plain.plan, R"({"id": "D-1", "n": 3})", {});
  EXPECT_FALSE(result.has_waivers);
}

TEST_F(WaiversTest, AnIdWithEscapesIsMatchedDecoded) {
  EXPECT_EQ(names(evaluate(R"({"id": "D-\u00e9", "n": 3})").waivers),
            (std::vector<std::string>{"acme"}));
}

TEST_F(WaiversTest, AWaivedConditionIsNotOnTheChecklistOrInTheExplanation) {
  DealResult r = evaluate(R"({"id": "D-1", "a": false, "b": true, "n": 3})", "2026-11-26", true);
  const GateResult& g = r.gates.at(0);
  EXPECT_EQ(g.status, Status::Fail);
  ASSERT_EQ(g.checklist.size(), 1u);
  EXPECT_EQ(plan().conditions[g.checklist[0].condition].id, "first.1");

  ReadRecord record = testing::read_deal(plan(), R"({"id": "D-1", "a": true, "b": true, "n": 3})");
  EvalOptions options = testing::options_on();
  std::vector<WaiverUse> uses = deal_waivers(plan(), record.facts, options, record.id_json);
  EXPECT_EQ(names(uses), (std::vector<std::string>{"acme", "also_big"}));
  std::vector<std::uint32_t> by = waiver_by_condition(plan(), uses);
  Explanation e = explain_gate(plan(), record.facts, options, plan().gates[0], by);
  EXPECT_EQ(e.status, Status::Pass);
  const ExplainedCondition& big = e.blocks.back().conditions.at(0);
  EXPECT_EQ(big.outcome, ConditionOutcome::False);
  EXPECT_EQ(plan().waivers[big.waiver].name, "acme");
  EXPECT_TRUE(e.checklist.empty());
}

TEST(WaiverByCondition, TheFirstWaiverInForceWins) {
  Compilation c = compile({{"w.gate", kRules}});
  ASSERT_TRUE(c.ok());
  const Plan& plan = *c.plan;
  std::vector<std::uint32_t> by = waiver_by_condition(plan, {{0, true}, {2, false}});
  ConditionIndex big = plan.blocks[plan.find_block("g")].conditions[0];
  EXPECT_EQ(by[big], 2u) << "an expired waiver waives nothing";
  EXPECT_TRUE(waiver_by_condition(plan, {}).empty());
}

}  // namespace
}  // namespace dealgate
