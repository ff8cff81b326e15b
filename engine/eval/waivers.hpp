// Which waivers name a deal and which of them are in force. The evaluator asks once per deal (when
// the rule set has waivers at all); `explain` asks for the one deal it explains.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/eval/evaluator.hpp"
#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"
#include "engine/eval/result.hpp"

namespace dealgate {

namespace evaluation {
struct Context;
}

// The waivers that name the deal, by its id (`id_json`, the record's id as JSON) or because its
// facts make their `when` condition true, in declaration order, each marked expired when its last
// day is before `ctx.today`.
void match_waivers(const Plan& plan, evaluation::Context& ctx, std::string_view id_json,
                   std::vector<WaiverUse>& out);

// The same, for one deal outside an evaluation run.
std::vector<WaiverUse> deal_waivers(const Plan& plan, const Facts& facts,
                                    const EvalOptions& options, std::string_view id_json);

// By ConditionIndex: the waiver in force that waives the condition (the first in declaration
// order), or kNone.
std::vector<std::uint32_t> waiver_by_condition(const Plan& plan,
                                               const std::vector<WaiverUse>& uses);

}  // namespace dealgate
