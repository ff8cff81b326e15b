// The engine's own types under names that do not clash with the public API's.
//
// The public types live in the inline namespace `dealgate::v1`, so `dealgate::Diagnostic` names
// the public one in a program that embeds dealgate. Inside the library both exist, and once
// <dealgate/dealgate.hpp> is seen, `dealgate::Diagnostic` would be ambiguous. So every file in
// api/ includes this header first, and no other: it includes the engine's headers, names what
// the API needs in `dealgate::core`, and only then includes the public header.
#pragma once

#ifdef DEALGATE_PUBLIC_API_INCLUDED
#error "include api/core.hpp before <dealgate/dealgate.hpp>"
#endif

#include "base/calendar.hpp"
#include "base/json_text.hpp"
#include "base/suggest.hpp"
#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/eval/record_json.hpp"
#include "engine/eval/result.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/plan/plan.hpp"
#include "engine/run/deal_step.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::core {
using Compilation = ::dealgate::Compilation;
using CompileOptions = ::dealgate::CompileOptions;
using DealResult = ::dealgate::DealResult;
using Diagnostic = ::dealgate::Diagnostic;
using EvalOptions = ::dealgate::EvalOptions;
using Evaluator = ::dealgate::Evaluator;
using ::dealgate::evaluate_record;
using GateResult = ::dealgate::GateResult;
using Severity = ::dealgate::Severity;
using Status = ::dealgate::Status;
using WaivedCondition = ::dealgate::WaivedCondition;
}  // namespace dealgate::core

#include "dealgate/dealgate.hpp"

namespace dealgate::v1::detail {

// What a RuleSet shares between its copies and every Evaluator made from it.
struct RuleSetImpl {
  std::shared_ptr<const Plan> plan;
  RecordJson record_json;

  explicit RuleSetImpl(std::shared_ptr<const Plan> p) : plan(std::move(p)), record_json(*plan) {}
};

// What Evaluation::to_jsonl() renders from: the engine's result as it was produced.
struct EvaluationRecord {
  std::shared_ptr<const RuleSetImpl> rules;
  core::DealResult result;
};

// Access to RuleSet's private handle from the rest of api/.
struct Access {
  static const std::shared_ptr<const RuleSetImpl>& impl(const RuleSet& rules) {
    return rules.impl_;
  }
  static RuleSet make(std::shared_ptr<const RuleSetImpl> impl) { return RuleSet(std::move(impl)); }
  static const std::shared_ptr<const RuleSetImpl>& builder_rules(const FactsBuilder& builder) {
    return builder.rules_;
  }
};

}  // namespace dealgate::v1::detail
