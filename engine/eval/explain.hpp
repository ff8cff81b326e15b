// Why a gate came out as it did, for people: the evaluation tree of one deal (gate → milestones →
// conditions → sub-expressions, each with its value), and the checklist of what must change for
// the gate to pass. Plain data; the CLI renders it as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "engine/eval/evaluator.hpp"

namespace dealgate {

struct ExplainedExpr {
  std::string source;  // the sub-expression as written
  std::string label;   // for a quantifier's element: `s = stakeholders[1]`
  std::string value;   // the rendered value, or `unknown`
  ConditionOutcome truth = ConditionOutcome::NotEvaluated;  // for conditions (bool values)
  std::vector<std::string> reasons;                         // why unknown: "value.price is missing"
  std::vector<ExplainedExpr> children;
};

struct ExplainedCondition {
  ConditionIndex condition = 0;
  ConditionOutcome outcome = ConditionOutcome::NotEvaluated;
  std::string message;  // the rendered `else` message, when it failed or warned and has one
  std::vector<FactReading> facts;  // the facts it read, in order of first reading
  ExplainedExpr tree;
  // The waiver in force that waives it (index into Plan::waivers), or kNone: it then counts as
  // satisfied, whatever its outcome.
  std::uint32_t waiver = kNone;
};

struct ExplainedBlock {
  BlockIndex block = 0;
  Status status = Status::Pass;
  std::vector<ExplainedCondition> conditions;
};

struct Explanation {
  BlockIndex gate = 0;
  Status status = Status::Pass;
  std::vector<ExplainedBlock> blocks;    // dependencies first, the gate last
  std::vector<ChecklistItem> checklist;  // empty when the gate passes
};

// `waived_by` is the deal's waivers in force, by condition (engine/eval/waivers.hpp), or empty.
Explanation explain_gate(const Plan& plan, const Facts& facts, const EvalOptions& options,
                         BlockIndex gate, const std::vector<std::uint32_t>& waived_by = {});

}  // namespace dealgate
