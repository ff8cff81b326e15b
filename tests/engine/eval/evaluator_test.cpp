// The three-valued semantics of SPEC §6, one row at a time: each case is a condition, a deal as
// JSON, and the value the condition must have.
#include "engine/eval/evaluator.hpp"

#include <gtest/gtest.h>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

const char* kSchema = R"(
facts {
  id: string
  b: bool
  t: bool
  n: number
  m: number
  s: string
  d: date
  e: date
  xs: list<number>
  names: list<string>
  people: list<{ role: string, engaged: bool, score: number }>
  rec: { flag: bool, amount: number }
}
param limit: number = 10
param team: string = "sales"
)";

struct Evaluated {
  ConditionOutcome outcome;
  GateResult gate;
};

class EvaluatorTest : public ::testing::Test {
 protected:
  Evaluated run(const std::string& condition, const std::string& json,
                std::vector<std::pair<std::string, std::string>> params = {}) {
    std::string rules = std::string(kSchema) + "gate g {\n  require c: " + condition + "\n}\n";
    compilation_ = compile({{"test.gate", rules}});
    if (!compilation_.ok()) {
      ADD_FAILURE() << "rules do not compile:\n" << testing::rendered_diagnostics(compilation_);
      return {ConditionOutcome::NotEvaluated, {}};
    }
    const Plan& plan = *compilation_.plan;
    ReadRecord record = testing::read_deal(plan, json);
    std::string error;
    EvalOptions options = testing::options_on();
    options.params = bind_params(plan, params, error);
    EXPECT_TRUE(options.params) << error;
    Evaluator evaluator(plan);
    DealResult result;
    evaluator.evaluate(record.facts, options, result);
    return {evaluator.outcome(0), result.gates.at(0)};
  }

  Compilation compilation_;
};

constexpr auto True = ConditionOutcome::True;
constexpr auto False = ConditionOutcome::False;
constexpr auto Unknown = ConditionOutcome::Unknown;

struct Row {
  const char* condition;
  const char* deal;
  ConditionOutcome expected;
};

class SemanticsTable : public EvaluatorTest, public ::testing::WithParamInterface<Row> {};

TEST_P(SemanticsTable, ConditionHasExpectedValue) {
  const Row& row = GetParam();
  EXPECT_EQ(run(row.condition, row.deal).outcome, row.expected)
      << row.condition << " with " << row.deal;
}

INSTANTIATE_TEST_SUITE_P(
    Spec6, SemanticsTable,
    ::testing::Values(
        // Kleene logic: false absorbs unknown in `and`, true absorbs it in `or`, either side.
        Row{"b and t", R"({"t": false})", False}, Row{"b and t", R"({"b": false})", False},
        Row{"b and t", R"({"t": true})", Unknown},
        Row{"b and t", R"({"b": true, "t": true})", True}, Row{"b or t", R"({"t": true})", True},
        Row{"b or t", R"({"b": true})", True}, Row{"b or t", R"({"t": false})", Unknown},
        Row{"b or t", R"({"b": false, "t": false})", False}, Row{"not b", R"({})", Unknown},
        Row{"not b", R"({"b": false})", True},
        // null is missing, like an absent key
        Row{"b", R"({"b": null})", Unknown},
        // a value of the wrong JSON type is invalid, hence unknown
        Row{"n > 1", R"({"n": "12"})", Unknown}, Row{"d < today", R"({"d": "yesterday"})", Unknown},
        // comparisons and arithmetic with a missing operand
        Row{"n > m", R"({"n": 3})", Unknown}, Row{"n + m == 3", R"({"n": 1, "m": 2})", True},
        Row{"n * 2 - m / 4 == 5", R"({"n": 3, "m": 4})", True},
        Row{"-n == 0 - 3", R"({"n": 3})", True}, Row{"n / m > 0", R"({"n": 1, "m": 0})", Unknown},
        // Found writing the differential test's reference: NaN (from inf - inf) is not ordered, so
        // every ordering is false, as in IEEE arithmetic (`<=` used to be `not >`, hence true).
        Row{"n * 10 - n * 10 <= 1", R"({"n": 1.5e308})", False},
        Row{"n * 10 - n * 10 >= 1", R"({"n": 1.5e308})", False},
        Row{"n * 10 - n * 10 < 1 or n * 10 - n * 10 > 1", R"({"n": 1.5e308})", False},
        Row{"n * 10 - n * 10 != n * 10 - n * 10", R"({"n": 1.5e308})", True},
        // quantifiers
        Row{"any(x in xs: x > 2)", R"({"xs": []})", False},
        Row{"any(x in xs: x > 2)", R"({"xs": [1, "a", 3]})", True},
        Row{"any(x in xs: x > 2)", R"({"xs": [1, "a"]})", Unknown},
        Row{"any(x in xs: x > 2)", R"({"xs": [1, 2]})", False},
        Row{"any(x in xs: x > 2)", R"({})", Unknown},
        Row{"all(x in xs: x > 2)", R"({"xs": []})", True},
        Row{"all(x in xs: x > 2)", R"({"xs": [3, "a", 1]})", False},
        Row{"all(x in xs: x > 2)", R"({"xs": [3, "a"]})", Unknown},
        Row{"all(x in xs: x > 2)", R"({"xs": [3, 4]})", True},
        Row{"count(x in xs: x > 2) == 1", R"({"xs": [1, 3]})", True},
        Row{"count(x in xs: x > 2) == 1", R"({"xs": [3, "a"]})", Unknown},
        Row{"count(xs) == 3", R"({"xs": [1, "a", null]})", True},
        Row{"sum(xs) == 6", R"({"xs": [1, 2, 3]})", True},
        Row{"sum(xs) == 0", R"({"xs": []})", True},
        Row{"sum(xs) > 0", R"({"xs": [1, "a"]})", Unknown},
        Row{"sum(p in people: p.score) == 7", R"({"people": [{"score": 3}, {"score": 4}]})", True},
        Row{"min(xs) == 1 and max(xs) == 5", R"({"xs": [3, 1, 5]})", True},
        Row{"min(xs) == 1", R"({"xs": []})", Unknown},
        Row{"max(p in people: p.score) == 4", R"({"people": [{"score": 3}, {"score": 4}]})", True},
        Row{"any(p in people: p.role == \"economic_buyer\" and p.engaged)",
            R"({"people": [{"role": "sponsor", "engaged": true}, {"role": "economic_buyer", "engaged": true}]})",
            True},
        Row{"any(p in people: p.role == \"economic_buyer\" and p.engaged)",
            R"({"people": [{"role": "economic_buyer"}]})", Unknown},
        Row{"any(p in people: any(q in people: p.score < q.score))",
            R"({"people": [{"score": 1}, {"score": 2}]})", True},
        // in / not in
        Row{"s in [\"a\", \"b\"]", R"({"s": "b"})", True},
        Row{"s not in [\"a\", \"b\"]", R"({"s": "c"})", True},
        Row{"s in names", R"({"s": "x", "names": ["a", 7]})", Unknown},
        Row{"s in names", R"({"s": "x", "names": ["a", 7, "x"]})", True},
        Row{"s in names", R"({"names": ["a"]})", Unknown},
        // a list written in the rules may hold facts: a missing one makes a miss unknown
        Row{"s in [\"a\", id]", R"({"s": "x"})", Unknown},
        Row{"s in [\"a\", id]", R"({"s": "a"})", True},
        Row{"s in [id, \"a\"]", R"({"s": "a"})", True},
        Row{"s not in [\"a\", id]", R"({"s": "x"})", Unknown},
        Row{"s not in [\"a\", id]", R"({"s": "x", "id": "y"})", True},
        Row{"s not in [team]", R"({"s": "sales"})", False},
        Row{"count(names) == 0", R"({"names": []})", True},
        Row{"count(names) >= 0", R"({})", Unknown},
        Row{"count(names) >= 0", R"({"names": "a"})", Unknown},
        // exists and ?? never give unknown for a missing fact
        Row{"exists(n)", R"({})", False}, Row{"exists(n)", R"({"n": "x"})", False},
        Row{"exists(n)", R"({"n": 0})", True}, Row{"exists(rec)", R"({"rec": {}})", True},
        Row{"exists(rec.amount)", R"({"rec": 5})", False}, Row{"(n ?? 5) == 5", R"({})", True},
        Row{"(n ?? 5) == 2", R"({"n": 2})", True}, Row{"(n ?? m) > 0", R"({})", Unknown},
        // dates: date - date is days; date ± number is a date; timestamps use their date part
        Row{"today - d == 6", R"({"d": "2026-11-20"})", True},
        Row{"today - d == 6", R"({"d": "2026-11-20T23:59:59Z"})", True},
        Row{"d + 30 == @2026-12-20", R"({"d": "2026-11-20"})", True},
        Row{"d - 20 == @2026-10-31", R"({"d": "2026-11-20"})", True},
        Row{"e - d == 366", R"({"d": "2024-01-01", "e": "2025-01-01"})", True},
        Row{"d < e", R"({"d": "2026-01-01", "e": "2026-01-02"})", True},
        // strings
        Row{"lower(s) == \"économie\"", R"({"s": "ÉCONOMIE"})", True},
        Row{"lower(s) == \"sponsor\"", R"({"s": "SpOnSoR"})", True},
        Row{"contains(s, \"buy\") and starts_with(s, \"eco\")", R"({"s": "economic_buyer"})", True},
        Row{"len(s) == 4", R"({"s": "café"})", True},
        // nested records
        Row{"rec.flag and rec.amount > 1", R"({"rec": {"flag": true, "amount": 2}})", True},
        Row{"rec.flag", R"({"rec": "yes"})", Unknown},
        // params
        Row{"n < limit and team == \"sales\"", R"({"n": 3})", True}));

TEST_F(EvaluatorTest, ParamsCanBeOverridden) {
  EXPECT_EQ(run("n < limit", R"({"n": 12})").outcome, False);
  EXPECT_EQ(run("n < limit", R"({"n": 12})", {{"limit", "20"}}).outcome, True);
  EXPECT_EQ(run("team == \"ops\"", R"({})", {{"team", "ops"}}).outcome, True);
}

TEST_F(EvaluatorTest, UnknownListsTheMissingAndInvalidPaths) {
  Evaluated r =
      run("n > m and rec.amount > 0 and s == \"x\"", R"({"n": "12", "rec": {}, "s": "x"})");
  EXPECT_EQ(r.outcome, Unknown);
  EXPECT_EQ(r.gate.status, Status::Unknown);
  EXPECT_EQ(r.gate.missing, (std::vector<std::string>{"m", "rec.amount"}));
  EXPECT_EQ(r.gate.invalid, (std::vector<std::string>{"n"}));
  EXPECT_EQ(r.gate.unknown, (std::vector<ConditionIndex>{0}));
}

TEST_F(EvaluatorTest, AbsorbedUnknownsAreNotReasons) {
  Evaluated r = run("b and t", R"({"t": false})");
  EXPECT_EQ(r.gate.status, Status::Fail);
  EXPECT_TRUE(r.gate.missing.empty());
}

TEST_F(EvaluatorTest, ListElementPathsNameTheElement) {
  Evaluated r = run("all(p in people: p.engaged)",
                    R"({"people": [{"engaged": true}, {"role": "x"}, {"engaged": "no"}]})");
  EXPECT_EQ(r.outcome, Unknown);
  EXPECT_EQ(r.gate.missing, (std::vector<std::string>{"people[1].engaged"}));
  EXPECT_EQ(r.gate.invalid, (std::vector<std::string>{"people[2].engaged"}));
}

// Found by the differential test: a quantifier over a list fact reached through `??` lost the
// paths of the elements that made it unknown, and named them without the enclosing element.
TEST_F(EvaluatorTest, ElementPathsThroughCoalescedLists) {
  Evaluated r = run("min(x in (xs ?? [limit]): x) >= 1", R"({"xs": [null, 2, "a"]})");
  EXPECT_EQ(r.outcome, Unknown);
  EXPECT_EQ(r.gate.missing, (std::vector<std::string>{"xs[0]"}));
  EXPECT_EQ(r.gate.invalid, (std::vector<std::string>{"xs[2]"}));
  r = run("any(p in people: any(n in (names ?? [p.role]): n == p.role))",
          R"({"people": [{"role": "a"}, {"role": null}], "names": ["b", null]})");
  EXPECT_EQ(r.outcome, Unknown);
  EXPECT_EQ(r.gate.missing, (std::vector<std::string>{"names[1]", "people[1].role"}));
}

TEST_F(EvaluatorTest, DivisionByZeroIsUnknownWithoutAMissingFact) {
  Evaluated r = run("n / m > 1", R"({"n": 1, "m": 0})");
  EXPECT_EQ(r.gate.status, Status::Unknown);
  EXPECT_TRUE(r.gate.missing.empty());
  EXPECT_TRUE(r.gate.invalid.empty());
}

TEST(EvaluatorStatus, DependenciesWarningsAndMessages) {
  const char* rules = R"(
facts { id: string, a: bool, b: bool, n: number, when: date }
milestone first "First" { require a else "a is {a}" }
milestone second { requires first
  require b }
gate g { requires second
  require big: n > 10 else "n is {n}, needs more than 10"
  warn recent: today - when <= 30 else "last contact {today - when} days ago"
}
)";
  Compilation c = compile({{"s.gate", rules}});
  ASSERT_TRUE(c.ok()) << testing::rendered_diagnostics(c);
  const Plan& plan = *c.plan;
  auto eval = [&](const char* json) { return testing::evaluate_deal(plan, json).gates.at(0); };

  GateResult pass = eval(R"({"a": true, "b": true, "n": 11, "when": "2026-11-20"})");
  EXPECT_EQ(pass.status, Status::Pass);
  EXPECT_TRUE(pass.warnings.empty());
  ASSERT_EQ(pass.milestones.size(), 2u);
  EXPECT_EQ(plan.blocks[pass.milestones[0].first].name, "first");
  EXPECT_EQ(plan.blocks[pass.milestones[1].first].name, "second");

  // A failing dependency fails the gate; a false warning only warns; messages in rule-file order.
  GateResult fail = eval(R"({"a": false, "b": true, "n": 3, "when": "2026-10-16"})");
  EXPECT_EQ(fail.status, Status::Fail);
  EXPECT_EQ(fail.milestones[0].second, Status::Fail);
  EXPECT_EQ(fail.milestones[1].second, Status::Fail);
  ASSERT_EQ(fail.failed.size(), 2u);
  EXPECT_EQ(plan.conditions[fail.failed[0]].id, "first.1");
  EXPECT_EQ(plan.conditions[fail.failed[1]].id, "g.big");
  ASSERT_EQ(fail.warnings.size(), 1u);
  EXPECT_EQ(plan.conditions[fail.warnings[0]].id, "g.recent");
  EXPECT_EQ(fail.messages, (std::vector<std::string>{"a is false", "n is 3, needs more than 10",
                                                     "last contact 41 days ago"}));

  // An unknown dependency makes the gate unknown unless something fails; missing values render as
  // <missing>.
  GateResult unknown = eval(R"({"a": true, "n": 20})");
  EXPECT_EQ(unknown.status, Status::Unknown);
  EXPECT_EQ(unknown.missing, (std::vector<std::string>{"b", "when"}));
  EXPECT_EQ(unknown.messages, (std::vector<std::string>{"last contact <missing> days ago"}));
}

TEST(EvaluatorNumbers, RenderInShortestExactForm) {
  EXPECT_EQ(format_number(41), "41");
  EXPECT_EQ(format_number(250000), "250000");
  EXPECT_EQ(format_number(0.25), "0.25");
  EXPECT_EQ(format_number(-3), "-3");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
}

}  // namespace
}  // namespace dealgate

namespace dealgate {
namespace {

// An Evaluator reuses its result between deals: a passing deal after a failing one has no
// checklist left over.
TEST(EvaluatorChecklist, IsFilledOnlyForGatesThatDoNotPassAndNeverLeftOver) {
  Compilation c = compile(
      {{"c.gate",
        "facts { id: string, n: number }\ngate g { require big: n > 10 else \"n is {n}\" }\n"}});
  ASSERT_TRUE(c.ok());
  FactsReader reader(c.plan->schema);
  Evaluator evaluator(*c.plan);
  EvalOptions options;
  options.checklist = true;
  DealResult result;
  ReadRecord failing, passing;
  ASSERT_TRUE(reader.read_object(R"({"n": 3})", failing));
  ASSERT_TRUE(reader.read_object(R"({"n": 30})", passing));
  evaluator.evaluate(failing.facts, options, result);
  ASSERT_EQ(result.gates[0].checklist.size(), 1u);
  EXPECT_EQ(result.gates[0].checklist[0].text, "n is 3");
  evaluator.evaluate(passing.facts, options, result);
  EXPECT_EQ(result.gates[0].status, Status::Pass);
  EXPECT_TRUE(result.gates[0].checklist.empty());
}

}  // namespace
}  // namespace dealgate
