#include "engine/run/test_runner.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

const char* kRules = R"(
facts { id: string, a: bool, n: number, seen: date }
param min: number = 10
milestone has_a { require a }
gate g { requires has_a
  require big: n >= min else "n is {n}"
  warn fresh: today - seen < 10 }

test "passes" {
  given { id: "1", a: true, n: 10, seen: @2026-11-20 }
  today @2026-11-26
  expect g pass
}
test "fails because of a" {
  given { a: false, n: 12 }
  expect g fail because has_a, has_a.1
}
test "param lowers the bar" {
  given { a: true, n: 5 }
  param min = 5
  expect g pass
}
test "unknown when n is missing" {
  given { a: true }
  expect g unknown because g.big
}
test "a wrong expectation" {
  given { a: true, n: 1 }
  expect g pass
}
test "a wrong reason" {
  given { a: true, n: 1 }
  expect g fail because has_a
}
)";

TEST(TestRunner, ChecksStatusesAndReasons) {
  Compilation c = compile({{"t.gate", kRules}});
  ASSERT_TRUE(c.ok());
  TestRun run = run_rule_tests(c);
  ASSERT_EQ(run.tests.size(), 6u);
  EXPECT_EQ(run.passed(), 4u);
  EXPECT_EQ(run.failed(), 2u);
  EXPECT_TRUE(run.tests[0].passed);
  EXPECT_TRUE(run.tests[1].passed);
  EXPECT_TRUE(run.tests[2].passed);
  EXPECT_TRUE(run.tests[3].passed);
  ASSERT_FALSE(run.tests[4].passed);
  EXPECT_EQ(run.tests[4].expectations[0].problems,
            (std::vector<std::string>{"expected g pass, got fail"}));
  ASSERT_FALSE(run.tests[5].passed);
  EXPECT_EQ(run.tests[5].expectations[0].problems,
            (std::vector<std::string>{"expected has_a to fail, but it is pass"}));
}

// A test names the deal by its `id`, so a waiver of that deal applies; `waived` checks what it
// waived, and a test's `today` after the last day sees the waiver expired.
TEST(TestRunner, WaiversApplyToTheGivenDealAndWaivedChecksThem) {
  Compilation c = compile({{"w.gate", std::string(R"(
facts { id: string, a: bool, n: number }
milestone has_a { require a }
gate g { requires has_a
  require big: n >= 10 }
waiver small_first_deal {
  deal "D-1"
  waives g.big
  approved by "Dana Lee"
  until @2026-12-31
}
test "the waiver lets D-1 through" {
  given { id: "D-1", a: true, n: 3 }
  today @2026-11-26
  expect g pass waived g.big
}
test "another deal gets no waiver" {
  given { id: "D-2", a: true, n: 3 }
  today @2026-11-26
  expect g fail because g.big
}
test "after the last day the waiver is gone" {
  given { id: "D-1", a: true, n: 3 }
  today @2027-01-01
  expect g fail because g.big
}
test "waived names what was not waived" {
  given { id: "D-1", a: false, n: 3 }
  today @2026-11-26
  expect g fail because has_a waived has_a, g.big
}
)")}});
  ASSERT_TRUE(c.ok());
  TestRun run = run_rule_tests(c);
  ASSERT_EQ(run.tests.size(), 4u);
  EXPECT_TRUE(run.tests[0].passed) << run.tests[0].expectations[0].problems.size();
  EXPECT_TRUE(run.tests[1].passed);
  EXPECT_TRUE(run.tests[2].passed);
  ASSERT_FALSE(run.tests[3].passed);
  EXPECT_EQ(run.tests[3].expectations[0].problems,
            (std::vector<std::string>{"expected a condition of has_a to be waived"}));
}

TEST(TestRunner, FilterSelectsByName) {
  Compilation c = compile({{"t.gate", kRules}});
  ASSERT_TRUE(c.ok());
  TestRun run = run_rule_tests(c, {"wrong"});
  ASSERT_EQ(run.tests.size(), 2u);
  EXPECT_EQ(run.tests[0].name, "a wrong expectation");
}

TEST(TestRunner, CoverageRecordsBothOutcomes) {
  Compilation c = compile({{"t.gate", kRules}});
  ASSERT_TRUE(c.ok());
  TestRun run = run_rule_tests(c);
  const Plan& plan = *c.plan;
  auto coverage = [&](const std::string& id) {
    for (const ConditionCoverage& cc : run.coverage) {
      if (plan.conditions[cc.condition].id == id) return cc;
    }
    return ConditionCoverage{};
  };
  EXPECT_TRUE(coverage("has_a.1").seen_true);
  EXPECT_TRUE(coverage("has_a.1").seen_false);
  EXPECT_TRUE(coverage("g.big").seen_true);
  EXPECT_TRUE(coverage("g.big").seen_false);
  EXPECT_TRUE(coverage("g.big").seen_unknown);
  EXPECT_TRUE(coverage("g.fresh").seen_true);
  EXPECT_FALSE(coverage("g.fresh").seen_false);
}

}  // namespace
}  // namespace dealgate
