// The planner: what the Plan it builds from a checked rule set holds (condition ids, folded
// constants, the operators chosen by type, binder depths, reach and evaluation order, waivers and
// the stage audit), read from the plan itself rather than through an evaluation.
#include "engine/compile/planner.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

using testing::rendered_diagnostics;

const char* kRules = R"(phases Discover -> Deliver
facts {
  id: string
  amount: number
  stage: string
  n: number
  when: date
  people: list<{ engaged: bool, tags: list<string> }>
}
const doubled = 2 * 3
param min_n: number = 4
stages from stage { "Won" -> Deliver  "Lead", "Qualify" -> Discover  "Lost" -> none }
milestone late { requires early
  require n > doubled }
milestone early {
  require sized: n >= min_n else "n is {n}, needs {min_n}"
  warn recent: today - when <= 30 }
milestone dates {
  require when + 3 >= today
  require 3 + when >= today
  require when - 3 <= today }
gate g "Ready" enters Deliver { requires late, dates
  require any(p in people: p.engaged and any(t in p.tags: t == "x"))
  require any(x in [1, 2]: x < n) }
waiver w { deal "D-2", "D-1" waives early.sized, late approved by "Dana" until @2026-12-31 }
)";

class PlannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    analysis_ = analyze({{"plan.gate", kRules}});
    ASSERT_TRUE(analysis_.checked.has_value()) << rendered_diagnostics(analysis_);
    ASSERT_FALSE(analysis_.diagnostics.has_errors()) << rendered_diagnostics(analysis_);
    plan_ = make_plan(*analysis_.checked, analysis_.sources);
  }

  const PlanCondition& condition(std::string_view id) const {
    for (const PlanCondition& c : plan_->conditions) {
      if (c.id == id) return c;
    }
    ADD_FAILURE() << "no condition " << id;
    return plan_->conditions.at(0);
  }
  const ExprNode& node(ExprIndex index) const { return plan_->nodes.at(index); }
  const ExprNode& arg(const ExprNode& n, std::size_t i) const { return node(n.args.at(i)); }
  std::string_view text(const ExprNode& n) const { return plan_->source_of(n.span); }

  Analysis analysis_;
  std::shared_ptr<const Plan> plan_;
};

TEST_F(PlannerTest, ConditionsAreFlattenedInRuleFileOrderWithTheirIds) {
  std::vector<std::string> ids;
  for (const PlanCondition& c : plan_->conditions) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"late.1", "early.sized", "early.recent", "dates.1",
                                           "dates.2", "dates.3", "g.1", "g.2"}));
  EXPECT_FALSE(condition("early.sized").is_warning);
  EXPECT_TRUE(condition("early.recent").is_warning);
  EXPECT_EQ(condition("late.1").source, "n > doubled");
  EXPECT_EQ(plan_->blocks.at(condition("early.sized").block).name, "early");
  EXPECT_EQ(plan_->blocks.at(plan_->find_block("early")).conditions,
            (std::vector<ConditionIndex>{1, 2}));
}

TEST_F(PlannerTest, AMessageIsTextAndExpressionsInTurn) {
  const PlanCondition& sized = condition("early.sized");
  EXPECT_TRUE(sized.has_message);
  ASSERT_EQ(sized.message.size(), 4u);
  EXPECT_EQ(sized.message[0].text, "n is ");
  EXPECT_EQ(sized.message[0].expr, kNone);
  EXPECT_EQ(text(node(sized.message[1].expr)), "n");
  EXPECT_EQ(sized.message[2].text, ", needs ");
  EXPECT_EQ(node(sized.message[3].expr).op, Op::Param);
  EXPECT_FALSE(condition("early.recent").has_message);
  EXPECT_TRUE(condition("early.recent").message.empty());
  EXPECT_GT(sized.work_scale, condition("late.1").work_scale) << "the message's nodes count";
}

TEST_F(PlannerTest, ConstantsAreFoldedWhereTheyAreUsedAndParamsAreNot) {
  const ExprNode& greater = node(condition("late.1").expr);
  EXPECT_EQ(greater.op, Op::Greater);
  EXPECT_EQ(arg(greater, 0).op, Op::FactRead);
  EXPECT_EQ(arg(greater, 0).slot, plan_->schema.node(plan_->schema.find_path("n")).slot);
  const ExprNode& doubled = arg(greater, 1);
  EXPECT_EQ(doubled.op, Op::Number);
  EXPECT_EQ(doubled.number, 6);
  EXPECT_EQ(text(doubled), "doubled") << "the folded copy keeps the span of its use";

  const ExprNode& at_least = node(condition("early.sized").expr);
  EXPECT_EQ(at_least.op, Op::GreaterEqual);
  EXPECT_EQ(arg(at_least, 1).op, Op::Param);
  EXPECT_EQ(arg(at_least, 1).slot, plan_->find_param("min_n"));
  ASSERT_EQ(plan_->params.size(), 1u);
  EXPECT_EQ(node(plan_->params[0].default_value).op, Op::Number);
  EXPECT_EQ(node(plan_->params[0].default_value).number, 4);
}

TEST_F(PlannerTest, DateArithmeticGetsItsOwnOperatorsWithTheDateFirst) {
  const ExprNode& recent = node(condition("early.recent").expr);
  EXPECT_EQ(arg(recent, 0).op, Op::DateMinusDate);
  for (const char* id : {"dates.1", "dates.2"}) {
    const ExprNode& sum = arg(node(condition(id).expr), 0);
    EXPECT_EQ(sum.op, Op::DatePlusDays) << id;
    EXPECT_EQ(arg(sum, 0).op, Op::FactRead) << id << ": `3 + when` is evaluated as `when + 3`";
    EXPECT_EQ(arg(sum, 1).op, Op::Number) << id;
  }
  EXPECT_EQ(arg(node(condition("dates.3").expr), 0).op, Op::DateMinusDays);
  EXPECT_EQ(arg(node(condition("dates.1").expr), 1).op, Op::Today);
}

TEST_F(PlannerTest, QuantifiersBindVariablesByDepth) {
  const ExprNode& outer = node(condition("g.1").expr);
  EXPECT_EQ(outer.op, Op::AnyOf);
  EXPECT_EQ(outer.depth, 0u);
  EXPECT_EQ(outer.fact, plan_->schema.node(arg(outer, 0).fact).element);
  EXPECT_EQ(arg(outer, 0).op, Op::FactRead);
  const ExprNode& body = arg(outer, 1);
  ASSERT_EQ(body.op, Op::And);
  const ExprNode& engaged = arg(body, 0);
  EXPECT_EQ(engaged.op, Op::BinderRead);
  EXPECT_EQ(engaged.depth, 0u);
  EXPECT_EQ(plan_->schema.node(engaged.fact).path, "people[].engaged");
  const ExprNode& inner = arg(body, 1);
  EXPECT_EQ(inner.op, Op::AnyOf);
  EXPECT_EQ(inner.depth, 1u);
  EXPECT_EQ(arg(inner, 0).op, Op::BinderRead) << "the list is a field of the outer variable";
  const ExprNode& tag = arg(arg(inner, 1), 0);
  EXPECT_EQ(tag.op, Op::BinderRead) << "an element of a fact list is read by its schema node";
  EXPECT_EQ(tag.depth, 1u);
  EXPECT_EQ(tag.fact, inner.fact);
  EXPECT_EQ(plan_->max_binder_depth, 2u);

  // A variable over a list written in the rules has no schema node: it is the value itself.
  const ExprNode& literal = node(condition("g.2").expr);
  EXPECT_EQ(arg(literal, 0).op, Op::ListLiteral);
  const ExprNode& x = arg(arg(literal, 1), 0);
  EXPECT_EQ(x.op, Op::BinderValue);
  EXPECT_EQ(x.depth, 0u);
}

TEST_F(PlannerTest, GatesReachInRuleFileOrderAndEvaluateDependenciesFirst) {
  BlockIndex late = plan_->find_block("late");
  BlockIndex early = plan_->find_block("early");
  BlockIndex dates = plan_->find_block("dates");
  BlockIndex g = plan_->find_block("g");
  EXPECT_EQ(plan_->gates, (std::vector<BlockIndex>{g}));
  const PlanBlock& gate = plan_->blocks.at(g);
  EXPECT_TRUE(gate.is_gate);
  EXPECT_EQ(gate.label, "Ready");
  EXPECT_EQ(gate.enters_phase, 1u);
  EXPECT_EQ(gate.requires_blocks, (std::vector<BlockIndex>{late, dates}));
  EXPECT_EQ(gate.reach, (std::vector<BlockIndex>{late, early, dates, g}));
  EXPECT_EQ(gate.evaluation_order, (std::vector<BlockIndex>{early, late, dates, g}));
  EXPECT_TRUE(plan_->blocks.at(late).reach.empty()) << "only gates are evaluated from";
  EXPECT_TRUE(plan_->blocks.at(late).evaluation_order.empty());
  EXPECT_EQ(plan_->blocks.at(late).enters_phase, kNone);
}

TEST_F(PlannerTest, AWaiverNamesConditionsByIndexAndItsDealsAreSorted) {
  ASSERT_EQ(plan_->waivers.size(), 1u);
  const PlanWaiver& w = plan_->waivers[0];
  EXPECT_EQ(w.deals, (std::vector<std::string>{"D-2", "D-1"}));
  // `late` named whole stands for its one condition; the list is sorted by condition index.
  EXPECT_EQ(w.conditions, (std::vector<ConditionIndex>{0, 1}));
  EXPECT_EQ(w.waives, (std::vector<std::string>{"early.sized", "late"}));
  EXPECT_EQ(w.approver, "Dana");
  EXPECT_EQ(w.until, days_from_civil(2026, 12, 31));
  EXPECT_EQ(w.when, kNone);
  using Deal = std::pair<std::string, std::uint32_t>;
  EXPECT_EQ(plan_->waiver_deals, (std::vector<Deal>{{"D-1", 0}, {"D-2", 0}}));
  EXPECT_EQ(plan_->amount_slot, plan_->schema.node(plan_->schema.find_path("amount")).slot)
      << "without `show ... as money` a top-level `amount` is the money";
}

TEST_F(PlannerTest, TheStageAuditMapsSortedStagesAndKnowsEachPhasesGates) {
  ASSERT_TRUE(plan_->stages.has_value());
  const PlanStages& stages = *plan_->stages;
  EXPECT_EQ(stages.stage_path, "stage");
  EXPECT_EQ(stages.stage_slot, plan_->schema.node(plan_->schema.find_path("stage")).slot);
  EXPECT_EQ(stages.owner_slot, kNone);
  using Mapping = std::pair<std::string, std::uint32_t>;
  EXPECT_EQ(stages.mapping,
            (std::vector<Mapping>{{"Lead", 0}, {"Lost", kNone}, {"Qualify", 0}, {"Won", 1}}));
  EXPECT_EQ(stages.entry_gates,
            (std::vector<std::vector<BlockIndex>>{{}, {plan_->find_block("g")}}));
  EXPECT_EQ(stages.phase_of("Qualify"), 0u);
  EXPECT_EQ(stages.phase_of("Negotiation"), PlanStages::kUnmapped);
}

}  // namespace
}  // namespace dealgate
