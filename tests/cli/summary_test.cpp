#include "cli/summary.hpp"

#include <gtest/gtest.h>

#include "sample_plan.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

TEST(StripListIndices, ReplacesEveryIndex) {
  EXPECT_EQ(strip_list_indices("stakeholders[2].role"), "stakeholders[].role");
  EXPECT_EQ(strip_list_indices("a[10].b[0].c"), "a[].b[].c");
  EXPECT_EQ(strip_list_indices("value.price"), "value.price");
  EXPECT_EQ(strip_list_indices("tags[3]"), "tags[]");
}

TEST(Summary, CountsStatusesPerGateAndUnreadableRecords) {
  const Plan plan = enterprise_plan();
  Summary summary(plan);
  summary.add(spec_example_result());
  summary.add(unknown_result());
  summary.add(pass_result(3, "null"));
  summary.add(pass_result(4, "null"));
  summary.add(error_result(5, "bad"));
  EXPECT_EQ(summary.records(), 5u);
  EXPECT_EQ(summary.unreadable(), 1u);
  EXPECT_EQ(summary.evaluated(), 4u);
  const std::vector<GateSummary> gates = summary.gates();
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_EQ(gates[0].gate, kEnterDelivery);
  EXPECT_EQ(gates[0].pass, 2u);
  EXPECT_EQ(gates[0].fail, 1u);
  EXPECT_EQ(gates[0].unknown, 1u);
}

TEST(Summary, RanksBlockingConditionsByDealsThenRuleFileOrder) {
  const Plan plan = enterprise_plan();
  Summary summary(plan);
  summary.add(spec_example_result());  // fails 6, 8
  summary.add(unknown_result());       // unknown 1, 6, 9
  const std::vector<BlockingCount> blocking = summary.gates()[0].blocking;
  ASSERT_EQ(blocking.size(), 4u);
  EXPECT_EQ(blocking[0].condition, 6u);
  EXPECT_EQ(blocking[0].failed, 1u);
  EXPECT_EQ(blocking[0].unknown, 1u);
  EXPECT_EQ(blocking[1].condition, 1u);
  EXPECT_EQ(blocking[2].condition, 8u);
  EXPECT_EQ(blocking[3].condition, 9u);
}

TEST(Summary, MissingFactsCountEachDealOnceWithoutListIndices) {
  const Plan plan = enterprise_plan();
  Summary summary(plan);
  summary.add(unknown_result());  // stakeholders[0].role and stakeholders[1].role
  DealResult other = unknown_result();
  other.gates[0].missing = {"stakeholders[4].role"};
  other.gates[0].invalid = {};
  summary.add(other);
  const GateSummary gate = summary.gates()[0];
  ASSERT_EQ(gate.missing.size(), 2u);
  EXPECT_EQ(gate.missing[0].path, "stakeholders[].role");
  EXPECT_EQ(gate.missing[0].deals, 2u);
  EXPECT_EQ(gate.missing[1].path, "diagnosis.confirmed_by");
  EXPECT_EQ(gate.missing[1].deals, 1u);
  ASSERT_EQ(gate.invalid.size(), 1u);
  EXPECT_EQ(gate.invalid[0].path, "value.price");
}

TEST(Summary, GatesAppearInTheOrderReported) {
  Plan plan = enterprise_plan();
  plan.blocks[5].is_gate = true;  // acid_test as a second gate, declared before enter_delivery
  plan.gates = {5, kEnterDelivery};
  DealResult r = pass_result(1, "null");
  GateResult acid;
  acid.gate = 5;
  acid.status = Status::Fail;
  acid.failed = {8};
  r.gates.insert(r.gates.begin(), acid);
  Summary summary(plan);
  summary.add(r);
  const std::vector<GateSummary> gates = summary.gates();
  ASSERT_EQ(gates.size(), 2u);
  EXPECT_EQ(gates[0].gate, 5u);
  EXPECT_EQ(gates[0].fail, 1u);
  EXPECT_EQ(gates[1].gate, kEnterDelivery);
  EXPECT_EQ(gates[1].pass, 1u);
}

}  // namespace
}  // namespace dealgate::cli
