// Aggregates the stage audit over a run: how many deals are ahead of their evidence, per phase and
// per owner, and which CRM stages the rule set does not map. Used by the text, json and html
// reports.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/plan/plan.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::cli {

struct PhaseStageCount {
  std::uint64_t recorded = 0;   // deals whose CRM stage maps to the phase
  std::uint64_t supported = 0;  // deals whose evidence supports exactly this phase (the furthest)
  std::uint64_t ahead = 0;      // deals recorded in the phase but ahead of their evidence
};

struct OwnerStageCount {
  std::string owner;  // empty: the deals that name no owner
  std::uint64_t audited = 0;
  std::uint64_t ahead = 0;
};

struct ValueCount {
  std::string value;
  std::uint64_t deals = 0;
};

class StageSummary {
 public:
  explicit StageSummary(const Plan& plan);

  void add(const DealResult& result);
  // Adds the counts of another summary of the same plan (a parallel run's worker).
  void merge(const StageSummary& other);

  // Deals counted by verdict (StageAudit::Verdict as index).
  std::uint64_t count(StageAudit::Verdict v) const { return verdicts_[static_cast<int>(v)]; }
  // Deals recorded in a phase (ok or ahead).
  std::uint64_t audited() const {
    return count(StageAudit::Verdict::Ok) + count(StageAudit::Verdict::Ahead);
  }
  std::uint64_t supported_none() const { return supported_none_; }
  const std::vector<PhaseStageCount>& phases() const { return phases_; }
  // Owners with audited deals: most deals ahead first, then by name. Empty without `by`.
  std::vector<OwnerStageCount> owners() const;
  // Unmapped stage values, most deals first, then by value.
  std::vector<ValueCount> unmapped() const;
  bool has_owner() const { return has_owner_; }

 private:
  std::uint64_t verdicts_[6] = {0, 0, 0, 0, 0, 0};
  std::uint64_t supported_none_ = 0;
  std::vector<PhaseStageCount> phases_;
  std::map<std::string, OwnerStageCount> owners_;
  std::map<std::string, std::uint64_t> unmapped_;
  bool has_owner_ = false;
};

}  // namespace dealgate::cli
