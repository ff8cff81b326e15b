// The gate to a deal's next phase (cli/next_phase.cpp): the gates entering the first later phase
// that a gate enters, past the last one the gates entering no phase, and the worst of their
// statuses.
#include "cli/next_phase.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

// Phases Discover -> Design -> Deliver -> Expand; `design` enters Design, `deliver_a` and
// `deliver_b` enter Deliver, `after` enters no phase. No gate enters Expand.
Plan make_plan() {
  Plan plan;
  plan.phases = {"Discover", "Design", "Deliver", "Expand"};
  plan.stages.emplace();
  auto gate = [&](const char* name, std::uint32_t phase) {
    PlanBlock b;
    b.name = name;
    b.is_gate = true;
    b.enters_phase = phase;
    plan.blocks.push_back(b);
    plan.gates.push_back(static_cast<BlockIndex>(plan.blocks.size() - 1));
  };
  gate("design", 1);
  gate("deliver_a", 2);
  gate("deliver_b", 2);
  gate("after", kNone);
  return plan;
}

DealResult deal_in(std::uint32_t phase, std::vector<Status> statuses) {
  DealResult d;
  d.has_stage = true;
  d.stage.recorded = phase;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    GateResult g;
    g.gate = static_cast<BlockIndex>(i);
    g.status = statuses[i];
    d.gates.push_back(g);
  }
  return d;
}

const std::vector<Status> kMixed = {Status::Fail, Status::Pass, Status::Unknown, Status::Pass};

TEST(NextPhase, TheGatesEnteringTheNextPhaseAGateEnters) {
  const Plan plan = make_plan();
  EXPECT_EQ(next_phase_gates(plan, deal_in(0, kMixed)), (std::vector<std::size_t>{0}));
  EXPECT_EQ(next_phase_gates(plan, deal_in(1, kMixed)), (std::vector<std::size_t>{1, 2}));
  // Past Deliver no gate enters a phase: the gates that enter none guard what comes after.
  EXPECT_EQ(next_phase_gates(plan, deal_in(2, kMixed)), (std::vector<std::size_t>{3}));
  EXPECT_EQ(next_phase_gates(plan, deal_in(3, kMixed)), (std::vector<std::size_t>{3}));
}

TEST(NextPhase, AStageThatNamesNoPhaseIsNotJudged) {
  const Plan plan = make_plan();
  DealResult unmapped = deal_in(kNone, kMixed);
  EXPECT_TRUE(next_phase_gates(plan, unmapped).empty());
  DealResult no_stage = deal_in(0, kMixed);
  no_stage.has_stage = false;
  EXPECT_TRUE(next_phase_gates(plan, no_stage).empty());
  EXPECT_EQ(next_phase_status(no_stage, {}), std::nullopt);
}

TEST(NextPhase, TheWorstStatusOfTheGuardingGates) {
  const Plan plan = make_plan();
  const DealResult d = deal_in(1, kMixed);
  EXPECT_EQ(next_phase_status(d, {1, 2}), Status::Unknown);
  EXPECT_EQ(next_phase_status(d, {0, 2}), Status::Fail);
  EXPECT_EQ(next_phase_status(d, {1, 3}), Status::Pass);
}

TEST(NextPhase, OnlyTheGatesTheResultCarries) {
  // With a gate selection the result holds fewer gates; indexes are into the result's gates.
  const Plan plan = make_plan();
  DealResult d = deal_in(1, {});
  GateResult g;
  g.gate = 2;  // deliver_b only
  g.status = Status::Fail;
  d.gates.push_back(g);
  EXPECT_EQ(next_phase_gates(plan, d), (std::vector<std::size_t>{0}));
  EXPECT_EQ(next_phase_status(d, next_phase_gates(plan, d)), Status::Fail);
}

}  // namespace
}  // namespace dealgate::cli
