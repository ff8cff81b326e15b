// The facts a rule set's `show` declaration shows beside a deal's id, read from one deal as text,
// and the deal's money with its currency.
#pragma once

#include "engine/eval/result.hpp"
#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// Fills `result.shown` (one text per Plan::shown, empty when the fact is missing or invalid) and,
// when the plan declares money, `result.has_money`, `money` and `currency`.
void read_shown(const Plan& plan, const Facts& facts, DealResult& result);

}  // namespace dealgate
