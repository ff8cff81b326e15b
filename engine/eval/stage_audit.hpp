// The stage audit of one deal, from the statuses of the gates that enter phases.
#pragma once

#include <vector>

#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"
#include "engine/eval/result.hpp"

namespace dealgate {

// Fills `out` for a plan with `stages`. `block_status` holds, by BlockIndex, the status of at least
// every gate in `plan.stages->entry_gates`.
void audit_stage(const Plan& plan, const Facts& facts, const std::vector<Status>& block_status,
                 StageAudit& out);

}  // namespace dealgate
