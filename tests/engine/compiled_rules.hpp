// The steps the engine's tests take around the code they test, written once: compiling rules
// (showing every diagnostic when they do not compile) and evaluating one deal given as JSON.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

#include "base/calendar.hpp"
#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::testing {

// Every diagnostic as `dealgate check` prints it: the message of a failed `ASSERT_TRUE(c.ok())`.
inline std::string rendered_diagnostics(const Diagnostics& diagnostics, const SourceSet& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += render_text(d, sources);
  return out;
}
// `Compiled` is a Compilation or an Analysis.
template <typename Compiled>
std::string rendered_diagnostics(const Compiled& compiled) {
  return rendered_diagnostics(compiled.diagnostics, compiled.sources);
}

// A fixture over one rule file, compiled before each test: rules that do not compile fail the test
// with every diagnostic. A fixture that sets up more from the plan does it in SetUpPlan.
class CompiledRulesTest : public ::testing::Test {
 protected:
  explicit CompiledRulesTest(std::string rules) : rules_(std::move(rules)) {}
  void SetUp() final {
    compilation_ = compile({{"rules.gate", rules_}});
    ASSERT_TRUE(compilation_.ok()) << rendered_diagnostics(compilation_);
    SetUpPlan();
  }
  // Runs only when the rules compiled.
  virtual void SetUpPlan() {}
  const Plan& plan() const { return *compilation_.plan; }

  Compilation compilation_;

 private:
  std::string rules_;
};

// The evaluation date of the tests' deals unless a test says otherwise.
inline EvalOptions options_on(const char* today = "2026-11-26") {
  EvalOptions options;
  options.today = *parse_date(today);
  return options;
}

// One deal read by the plan's schema (a record that does not read fails the test).
inline ReadRecord read_deal(const Plan& plan, std::string_view json) {
  FactsReader reader(plan.schema);
  ReadRecord record;
  EXPECT_TRUE(reader.read_object(json, record)) << record.error;
  return record;
}

// One deal read and evaluated, with its id as the JSON Lines record shows it.
inline DealResult evaluate_deal(const Plan& plan, std::string_view json,
                                const EvalOptions& options = options_on()) {
  ReadRecord record = read_deal(plan, json);
  DealResult result;
  result.id_json = record.id_json;
  Evaluator(plan).evaluate(record.facts, options, result);
  return result;
}

}  // namespace dealgate::testing
