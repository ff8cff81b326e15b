// Evaluates one deal against a plan. An Evaluator holds scratch space and is not shared between
// threads; make one per thread. The plan it reads is shared and immutable.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/eval/result.hpp"
#include "engine/eval/value.hpp"
#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// The values of a plan's params for one run. String values point into `texts`, so it is neither
// copied nor moved once filled; share it by pointer.
struct ParamValues {
  std::vector<Value> values;  // one per Plan::params
  std::deque<std::string> texts;

  ParamValues() = default;
  ParamValues(const ParamValues&) = delete;
  ParamValues& operator=(const ParamValues&) = delete;
};

// Turns `--param name=value` texts into typed values, defaults for the rest. A bad name or a value
// that does not fit the declared type returns null and sets `error` (with a hint).
std::shared_ptr<const ParamValues> bind_params(
    const Plan& plan, const std::vector<std::pair<std::string, std::string>>& overrides,
    std::string& error);

struct EvalOptions {
  DayNumber today = 0;
  std::vector<BlockIndex> gates;  // the gates to report; empty means all, in declaration order
  std::shared_ptr<const ParamValues> params;  // from bind_params; null means every default
  bool checklist = false;  // fill GateResult::checklist for gates that do not pass (costs more)
  bool shown = false;      // fill DealResult::shown and the money (`show`), for people to read
  // Frame-0 facts to carry on the result as text (DealResult::captured), in this order.
  std::vector<NodeIndex> capture;
};

// The value of a plan node that reads no deal (a folded constant or a param default).
Value evaluate_constant(const Plan& plan, ExprIndex node);
// How a value reads in a message: numbers in their shortest exact form, dates as YYYY-MM-DD.
std::string render_value(const Plan& plan, const Facts& facts, const Value& value);
std::string format_number(double number);
void append_number(std::string& out, double number);

enum class ConditionOutcome : std::uint8_t { False, True, Unknown, NotEvaluated };

namespace evaluation {
struct Context;
}

class Evaluator {
 public:
  explicit Evaluator(const Plan& plan);
  // Fills `result.gates` (and the waivers, stage audit); leaves line, id and error to the caller.
  // A waiver that names deals by id reads `result.id_json`, so set it first.
  void evaluate(const Facts& facts, const EvalOptions& options, DealResult& result);
  // How a condition came out in the last evaluate(); NotEvaluated when no selected gate reaches it.
  ConditionOutcome outcome(ConditionIndex condition) const;

 private:
  struct State;
  // Which waivers name the deal and which of them are in force: fills result.waivers and marks
  // the conditions they waive.
  void match_waivers(evaluation::Context& ctx, DealResult& result);
  const Plan& plan_;
  std::shared_ptr<State> state_;
};

}  // namespace dealgate
