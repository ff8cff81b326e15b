// The planner: lowers a checked rule set into an immutable Plan. Names are already resolved by the
// checker; here they become slots and indices, constant subexpressions are folded, and each block
// learns which blocks it reaches and in which order to evaluate them.
#pragma once

#include <memory>

#include "engine/check/checker.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// `checked` must come from a check that reported no errors.
std::shared_ptr<const Plan> make_plan(const CheckedRuleSet& checked, const SourceSet& sources);

}  // namespace dealgate
