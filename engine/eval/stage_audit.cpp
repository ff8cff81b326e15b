#include "engine/eval/stage_audit.hpp"

namespace dealgate {

void audit_stage(const Plan& plan, const Facts& facts, const std::vector<Status>& block_status,
                 StageAudit& out) {
  const PlanStages& stages = *plan.stages;
  out.value.clear();
  out.owner.clear();
  out.blocked_by.clear();
  out.recorded = kNone;
  out.supported = kNone;

  // The furthest phase whose entry gates, and every earlier phase's, pass. A phase no gate enters
  // is supported when the phases before it are.
  for (std::uint32_t p = 0; p < stages.entry_gates.size(); ++p) {
    bool passes = true;
    for (BlockIndex g : stages.entry_gates[p]) passes = passes && block_status[g] == Status::Pass;
    if (!passes) break;
    out.supported = p;
  }

  out.has_owner = false;
  if (stages.owner_slot != kNone && stages.owner_slot < facts.top.size()) {
    const FactValue& owner = facts.top[stages.owner_slot];
    if (owner.state == FactState::Present) {
      out.has_owner = true;
      out.owner = facts.text(owner);
    }
  }

  const FactValue* stage =
      stages.stage_slot < facts.top.size() ? &facts.top[stages.stage_slot] : nullptr;
  if (stage == nullptr || stage->state == FactState::Missing) {
    out.verdict = StageAudit::Verdict::Missing;
    return;
  }
  out.value = facts.text(*stage);
  if (stage->state == FactState::Invalid) {
    out.verdict = StageAudit::Verdict::Invalid;
    return;
  }
  const std::uint32_t phase = stages.phase_of(out.value);
  if (phase == PlanStages::kUnmapped) {
    out.verdict = StageAudit::Verdict::Unmapped;
    return;
  }
  if (phase == kNone) {
    out.verdict = StageAudit::Verdict::Excluded;
    return;
  }
  out.recorded = phase;
  const bool ahead = out.supported == kNone || out.supported < phase;
  out.verdict = ahead ? StageAudit::Verdict::Ahead : StageAudit::Verdict::Ok;
  if (ahead) {
    for (std::uint32_t p = 0; p <= phase && p < stages.entry_gates.size(); ++p) {
      for (BlockIndex g : stages.entry_gates[p]) {
        if (block_status[g] != Status::Pass) out.blocked_by.emplace_back(g, block_status[g]);
      }
    }
  }
}

}  // namespace dealgate
