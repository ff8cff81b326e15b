#include "cli/next_phase.hpp"

#include <algorithm>

namespace dealgate::cli {
namespace {

int badness(Status s) {
  return s == Status::Fail ? 2 : s == Status::Unknown ? 1 : 0;
}

}  // namespace

std::vector<std::size_t> next_phase_gates(const Plan& plan, const DealResult& deal) {
  std::vector<std::size_t> out;
  if (!deal.has_stage || deal.stage.recorded >= plan.phases.size()) return out;
  std::uint32_t next = kNone;
  for (BlockIndex g : plan.gates) {
    const std::uint32_t p = plan.blocks[g].enters_phase;
    if (p < plan.phases.size() && p > deal.stage.recorded) next = std::min(next, p);
  }
  for (std::size_t i = 0; i < deal.gates.size(); ++i) {
    if (plan.blocks[deal.gates[i].gate].enters_phase == next) out.push_back(i);
  }
  return out;
}

std::optional<Status> next_phase_status(const DealResult& deal,
                                        const std::vector<std::size_t>& guard) {
  if (guard.empty()) return std::nullopt;
  Status worst = Status::Pass;
  for (std::size_t i : guard) {
    if (badness(deal.gates[i].status) > badness(worst)) worst = deal.gates[i].status;
  }
  return worst;
}

}  // namespace dealgate::cli
