// What must change for a gate to pass, one item per condition that keeps it from passing. The
// evaluator builds it from the outcomes it has already worked out (`eval --format text`); the
// explainer from its own tree walk (`explain`). Both write the items here, so the two cannot read
// differently.
#pragma once

#include <string>
#include <vector>

#include "engine/eval/eval_context.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::evaluation {

// At most this many list elements are shown in a value a person reads.
inline constexpr std::uint32_t kMaxElementsShown = 20;

// The deal-level facts a condition reads (not those read through a quantifier's variable), each
// once, in order of first reading, with the value it has in the deal. Reads facts only: nothing
// is evaluated again.
void facts_read(Context& ctx, ExprIndex index, std::vector<FactReading>& out);

// The item for a condition that came out false: its `else` message, else "`expr` is false";
// where an `exists` read an invalid fact, the fact and its raw value to correct.
ChecklistItem false_item(const Context& ctx, BlockIndex block, ConditionIndex condition,
                         const PlanCondition& c, const std::string& message,
                         std::vector<FactReading> facts);

// The item for a condition that came out unknown, from why it is unknown.
ChecklistItem unknown_item(BlockIndex block, ConditionIndex condition, const Causes& why,
                           std::vector<FactReading> facts);

}  // namespace dealgate::evaluation
