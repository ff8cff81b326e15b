// The work budget (engine/eval/eval_context.hpp): SPEC §6 promises evaluation in time linear in the
// size of the deal. Rules that read each fact a bounded number of times are never stopped, however
// large the deal; a quantifier over a long list inside another, or long text worked on once per
// element, is stopped and the condition is unknown, with the reason, instead of running for hours.
#include <gtest/gtest.h>

#include <string>

#include "engine/compile/compiler.hpp"
#include "engine/eval/eval_context.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/eval/explain.hpp"
#include "engine/facts/json_facts.hpp"

namespace dealgate {
namespace {

constexpr const char* kFacts =
    "facts {\n"
    "  id: string\n"
    "  owner: string\n"
    "  notes: string\n"
    "  xs: list<number>\n"
    "  ys: list<number>\n"
    "  names: list<string>\n"
    "  people: list<{ name: string, tags: list<string> }>\n"
    "}\n";

std::string numbers(int from, int count) {
  std::string out = "[";
  for (int i = 0; i < count; ++i) out += (i ? "," : "") + std::to_string(from + i);
  return out + "]";
}

std::string strings(const std::string& text, int count) {
  std::string out = "[";
  for (int i = 0; i < count; ++i) out += (i ? ",\"" : "\"") + text + "\"";
  return out + "]";
}

class WorkBudget : public ::testing::Test {
 protected:
  // Compiles `gates` and evaluates `json`; one GateResult per gate, in order.
  void evaluate(const std::string& gates, const std::string& json) {
    compilation_ = compile({{"w.gate", std::string(kFacts) + gates}});
    ASSERT_TRUE(compilation_.ok());
    FactsReader reader(compilation_.plan->schema);
    ASSERT_TRUE(reader.read_object(json, record_)) << record_.error;
    Evaluator evaluator(*compilation_.plan);
    evaluator.evaluate(record_.facts, {}, result_);
  }
  const GateResult& gate(std::size_t i) const { return result_.gates.at(i); }

  Compilation compilation_;
  ReadRecord record_;
  DealResult result_;
};

TEST_F(WorkBudget, ListsInsideListsOnSmallDealsAreEvaluated) {
  evaluate(
      "gate overlap { require any(x in xs: x in ys) }\n"
      "gate pairs { require any(x in xs: any(y in ys: x == y + 1)) }\n",
      R"({"xs": )" + numbers(0, 30) + R"(, "ys": )" + numbers(25, 30) + "}");
  EXPECT_EQ(gate(0).status, Status::Pass);
  EXPECT_EQ(gate(1).status, Status::Pass);
}

TEST_F(WorkBudget, AQuantifierOverALongListInsideAnotherIsStopped) {
  // 20,000 × 20,000 comparisons: minutes without the budget. The other gates of the same deal
  // are evaluated as usual: each condition has a budget of its own.
  evaluate(
      "gate overlap { require any(x in xs: x in ys) }\n"
      "gate pairs { require any(x in xs: any(y in ys: x == y + 1)) }\n"
      "gate plain { require count(xs) > 10 and 3 in ys }\n",
      R"({"xs": )" + numbers(0, 20000) + R"(, "ys": )" + numbers(20000, 20000) + "}");
  for (std::size_t g : {0, 1}) {
    EXPECT_EQ(gate(g).status, Status::Unknown) << g;
    EXPECT_TRUE(gate(g).missing.empty());
  }
  EXPECT_EQ(gate(2).status, Status::Fail);  // 3 is not in ys: decided, not stopped
}

TEST_F(WorkBudget, RulesThatReadEachFactOnceAreNeverStoppedOnLargeDeals) {
  const std::string long_text(2'000'000, 'a');
  evaluate(
      "gate in_list { require 299999 in xs }\n"
      "gate all_of { require all(x in xs: x >= 0) and sum(x in xs: x) > 0 }\n"
      "gate text { require len(lower(notes)) == 2000000 and contains(notes, owner) }\n"
      "gate own_lists { require all(p in people: any(t in p.tags: t == \"x\")) }\n"
      "gate names { require count(n in names: lower(n) == \"bob\") == 50000 }\n",
      R"({"xs": )" + numbers(0, 300000) + R"(, "notes": ")" + long_text + R"(", "owner": ")" +
          long_text.substr(0, 1'000'000) +
          R"(", "people": [{"name": "n", "tags": ["y", "x"]}], "names": )" + strings("Bob", 50000) +
          "}");
  for (std::size_t g = 0; g < 5; ++g) EXPECT_EQ(gate(g).status, Status::Pass) << g;
}

TEST_F(WorkBudget, LongTextWorkedOnOncePerElementIsStopped) {
  // lower(notes) for each of 100,000 names: 10^11 bytes lowered without the budget.
  evaluate("gate g { require any(n in names: contains(lower(notes), n)) }\n",
           R"({"notes": ")" + std::string(1'000'000, 'A') + R"(", "names": )" +
               strings("b", 100000) + "}");
  EXPECT_EQ(gate(0).status, Status::Unknown);
}

TEST_F(WorkBudget, TheReasonIsGivenWhereCausesAreShown) {
  evaluate("gate overlap { require any(x in xs: x in ys) }\n",
           R"({"xs": )" + numbers(0, 20000) + R"(, "ys": )" + numbers(20000, 20000) + "}");
  EvalOptions options;
  Explanation explanation =
      explain_gate(*compilation_.plan, record_.facts, options, compilation_.plan->gates.at(0));
  ASSERT_EQ(explanation.status, Status::Unknown);
  ASSERT_EQ(explanation.checklist.size(), 1u);
  EXPECT_EQ(explanation.checklist[0].text,
            std::string("cannot be decided: ") + evaluation::kOutOfWork);
  // People are shown the first elements of a long list, and how many more there are.
  ASSERT_FALSE(explanation.checklist[0].facts.empty());
  const std::string& shown = explanation.checklist[0].facts[0].value;
  EXPECT_EQ(shown.rfind("[0, 1, 2, ", 0), 0u) << shown;
  EXPECT_NE(shown.find(", 19, ... 19980 more]"), std::string::npos) << shown;
}

TEST(WorkBudgetSize, GrowsLinearlyWithTheDeal) {
  EXPECT_GT(evaluation::work_budget(10, 2000), evaluation::work_budget(10, 1000));
  EXPECT_LT(evaluation::work_budget(10, 2000), 2 * evaluation::work_budget(10, 1000));
  Compilation c = compile({{"s.gate", std::string(kFacts) + "gate g { require count(xs) > 1 }\n"}});
  ASSERT_TRUE(c.ok());
  FactsReader reader(c.plan->schema);
  ReadRecord small, large;
  ASSERT_TRUE(reader.read_object(R"({"xs": )" + numbers(0, 1000) + "}", small));
  ASSERT_TRUE(
      reader.read_object(R"({"xs": )" + numbers(0, 2000) + R"(, "owner": "ann")" + "}", large));
  // Values (the list's elements, the top-level facts) and text bytes.
  EXPECT_EQ(evaluation::deal_size(large.facts) - evaluation::deal_size(small.facts), 1000u + 3u);
}

TEST(WorkBudgetSize, GrowsWithTheConditionItsTextsAndItsMessage) {
  const std::string long_name(5000, 'n');
  Compilation c =
      compile({{"s.gate", std::string(kFacts) +
                              "gate g {\n"
                              "  require small: count(xs) > 1\n"
                              "  require named: owner == \"" +
                              long_name +
                              "\"\n"
                              "  require told: count(xs) > 1 else \"{lower(owner)} {count(ys)}\"\n"
                              "}\n"}});
  ASSERT_TRUE(c.ok());
  const std::vector<PlanCondition>& conditions = c.plan->conditions;
  ASSERT_EQ(conditions.size(), 3u);
  // count(xs) > 1: the comparison, count, xs and 1.
  EXPECT_EQ(conditions[0].work_scale, 4u);
  EXPECT_EQ(conditions[1].work_scale, 3u + long_name.size());
  // The message's `lower(owner)` and `count(ys)` are paid from the condition's budget too.
  EXPECT_EQ(conditions[2].work_scale, 4u + 2u + 2u);
}

}  // namespace
}  // namespace dealgate
