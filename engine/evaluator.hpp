// Evaluates one deal against a plan. An Evaluator holds scratch space and is not shared between
// threads; make one per thread. The plan it reads is shared and immutable.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/facts.hpp"
#include "engine/plan.hpp"
#include "engine/result.hpp"
#include "engine/value.hpp"

namespace dealgate {

struct EvalOptions {
  DayNumber today = 0;
  std::vector<BlockIndex> gates;  // the gates to report; empty means all, in declaration order
  std::vector<Value> params;      // one per Plan::params, from bind_params
};

// Turns `--param name=value` texts into typed values, defaults for the rest. A bad name or a value
// that does not fit the declared type sets `error` (with a hint) and returns false.
bool bind_params(const Plan& plan, const std::vector<std::pair<std::string, std::string>>& overrides,
                 std::vector<Value>& params, std::string& error);

class Evaluator {
 public:
  explicit Evaluator(const Plan& plan);
  // Fills `result.gates`; leaves line, id and error to the caller.
  void evaluate(const Facts& facts, const EvalOptions& options, DealResult& result);

 private:
  struct State;
  const Plan& plan_;
  std::shared_ptr<State> state_;
};

}  // namespace dealgate
