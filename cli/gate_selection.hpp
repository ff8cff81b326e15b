// `eval --gate NAME...`: the gates to report, checked against the plan.
#pragma once

#include <string>
#include <vector>

#include "cli/options.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

// The plan's gates named in `names`, in declaration order, each once; empty `names` gives an empty
// selection, which means every gate. A name that is not a gate sets `error` (with "did you mean",
// or the list of gates) and returns false.
bool select_gates(const Plan& plan, const std::vector<std::string>& names,
                  std::vector<BlockIndex>& selected, UsageError& error);

}  // namespace dealgate::cli
