#include "cli/stage_summary.hpp"

#include <algorithm>

namespace dealgate::cli {

StageSummary::StageSummary(const Plan& plan)
    : phases_(plan.phases.size()), has_owner_(plan.stages && plan.stages->owner_slot != kNone) {}

void StageSummary::add(const DealResult& result) {
  if (!result.has_stage || !result.error.empty()) return;
  const StageAudit& stage = result.stage;
  ++verdicts_[static_cast<int>(stage.verdict)];
  if (stage.verdict == StageAudit::Verdict::Unmapped) ++unmapped_[stage.value];
  const bool audited =
      stage.verdict == StageAudit::Verdict::Ok || stage.verdict == StageAudit::Verdict::Ahead;
  if (!audited) return;
  const bool ahead = stage.verdict == StageAudit::Verdict::Ahead;
  if (stage.recorded < phases_.size()) {
    ++phases_[stage.recorded].recorded;
    if (ahead) ++phases_[stage.recorded].ahead;
  }
  if (stage.supported < phases_.size()) {
    ++phases_[stage.supported].supported;
  } else {
    ++supported_none_;
  }
  if (has_owner_) {
    const std::string key = stage.has_owner ? stage.owner : std::string();
    OwnerStageCount& owner = owners_[key];
    owner.owner = key;
    ++owner.audited;
    if (ahead) ++owner.ahead;
  }
}

std::vector<OwnerStageCount> StageSummary::owners() const {
  std::vector<OwnerStageCount> out;
  for (const auto& [name, count] : owners_) out.push_back(count);
  std::stable_sort(out.begin(), out.end(), [](const OwnerStageCount& a, const OwnerStageCount& b) {
    return a.ahead > b.ahead;
  });
  return out;
}

std::vector<ValueCount> StageSummary::unmapped() const {
  std::vector<ValueCount> out;
  for (const auto& [value, deals] : unmapped_) out.push_back({value, deals});
  std::stable_sort(out.begin(), out.end(),
                   [](const ValueCount& a, const ValueCount& b) { return a.deals > b.deals; });
  return out;
}

void StageSummary::merge(const StageSummary& other) {
  for (int v = 0; v < 6; ++v) verdicts_[v] += other.verdicts_[v];
  supported_none_ += other.supported_none_;
  for (std::size_t p = 0; p < phases_.size() && p < other.phases_.size(); ++p) {
    phases_[p].recorded += other.phases_[p].recorded;
    phases_[p].supported += other.phases_[p].supported;
    phases_[p].ahead += other.phases_[p].ahead;
  }
  for (const auto& [name, count] : other.owners_) {
    OwnerStageCount& mine = owners_[name];
    mine.owner = count.owner;
    mine.audited += count.audited;
    mine.ahead += count.ahead;
  }
  for (const auto& [value, deals] : other.unmapped_) unmapped_[value] += deals;
  has_owner_ = has_owner_ || other.has_owner_;
}

}  // namespace dealgate::cli
