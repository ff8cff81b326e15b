#include "cli/gate_selection.hpp"

#include <gtest/gtest.h>

#include "sample_plan.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

Plan two_gate_plan() {
  Plan plan = enterprise_plan();
  plan.blocks[5].is_gate = true;  // acid_test, declared before enter_delivery
  plan.gates = {5, kEnterDelivery};
  return plan;
}

// A selection of gates by name that the plan does not allow: the usage error it gives.
UsageError rejected(const Plan& plan, const std::vector<std::string>& names) {
  std::vector<BlockIndex> selected;
  UsageError error;
  EXPECT_FALSE(select_gates(plan, names, selected, error));
  return error;
}

TEST(SelectGates, NoNamesMeansEveryGate) {
  std::vector<BlockIndex> selected = {99};
  UsageError error;
  EXPECT_TRUE(select_gates(two_gate_plan(), {}, selected, error));
  EXPECT_TRUE(selected.empty());
}

TEST(SelectGates, DeclarationOrderEachOnce) {
  std::vector<BlockIndex> selected;
  UsageError error;
  EXPECT_TRUE(select_gates(two_gate_plan(), {"enter_delivery", "acid_test", "enter_delivery"},
                           selected, error));
  EXPECT_EQ(selected, (std::vector<BlockIndex>{5, kEnterDelivery}));
}

TEST(SelectGates, UnknownNameSuggestsTheClosestGate) {
  const UsageError error = rejected(two_gate_plan(), {"enter_delivry"});
  EXPECT_EQ(error.message, "the rules have no gate `enter_delivry`");
  EXPECT_EQ(error.help, "did you mean `enter_delivery`?");
}

TEST(SelectGates, FarOffNameListsTheGates) {
  const UsageError error = rejected(two_gate_plan(), {"close_won"});
  EXPECT_EQ(error.help, "the gates are: acid_test, enter_delivery");
}

TEST(SelectGates, AMilestoneIsNotAGate) {
  const UsageError error = rejected(enterprise_plan(), {"value_confirmed"});
  EXPECT_EQ(error.message, "`value_confirmed` is a milestone, not a gate");
  EXPECT_EQ(error.help, "the gates are: enter_delivery");
}

}  // namespace
}  // namespace dealgate::cli
