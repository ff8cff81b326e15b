// How a deal stands at the gate to its next phase: with `phases` and `stages`, a deal is judged on
// the gate it must pass to move on from its CRM stage, not on every gate (a deal in Design is not
// held back by a post-sale gate). The report's headline and `diff`'s next-phase row count this.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

// The deal's gates (indexes into deal.gates) that guard its next phase: those entering the first
// phase after its recorded one that a gate of the plan enters; past the last such phase, the gates
// that enter no phase. Empty when the deal's stage names no phase.
std::vector<std::size_t> next_phase_gates(const Plan& plan, const DealResult& deal);

// The worst status among `guard` (one failing gate holds the deal back); nullopt when it is empty.
std::optional<Status> next_phase_status(const DealResult& deal,
                                        const std::vector<std::size_t>& guard);

}  // namespace dealgate::cli
