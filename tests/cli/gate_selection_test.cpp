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
  std::vector<BlockIndex> selected;
  UsageError error;
  EXPECT_FALSE(select_gates(two_gate_plan(), {"enter_delivry"}, selected, error));
  EXPECT_EQ(error.message, "the rules have no gate `enter_delivry`");
  EXPECT_EQ(error.help, "did you mean `enter_delivery`?");
}

TEST(SelectGates, FarOffNameListsTheGates) {
  std::vector<BlockIndex> selected;
  UsageError error;
  EXPECT_FALSE(select_gates(two_gate_plan(), {"close_won"}, selected, error));
  EXPECT_EQ(error.help, "the gates are: acid_test, enter_delivery");
}

TEST(SelectGates, AMilestoneIsNotAGate) {
  std::vector<BlockIndex> selected;
  UsageError error;
  EXPECT_FALSE(select_gates(enterprise_plan(), {"value_confirmed"}, selected, error));
  EXPECT_EQ(error.message, "`value_confirmed` is a milestone, not a gate");
  EXPECT_EQ(error.help, "the gates are: enter_delivery");
}

}  // namespace
}  // namespace dealgate::cli
