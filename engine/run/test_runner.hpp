// Runs the `test` blocks of a compiled rule set (SPEC §8) and, on request, measures which
// conditions the tests exercise both ways.
#pragma once

#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "engine/eval/result.hpp"

namespace dealgate {

struct ExpectationOutcome {
  std::string gate;
  Status expected = Status::Pass;
  Status actual = Status::Pass;
  bool passed = true;
  std::vector<std::string> problems;  // what did not hold, in plain words
  GateResult result;                  // the gate's full result, for the report
  Span span;
};

struct TestOutcome {
  std::string name;
  Span span;  // the test's name, for file:line
  bool passed = true;
  std::vector<ExpectationOutcome> expectations;
};

struct ConditionCoverage {
  ConditionIndex condition = 0;
  bool seen_true = false;
  bool seen_false = false;
  bool seen_unknown = false;
};

struct TestRun {
  std::vector<TestOutcome> tests;
  std::vector<ConditionCoverage> coverage;  // one per plan condition, rule-file order
  std::size_t passed() const;
  std::size_t failed() const;
};

struct TestRunOptions {
  std::string filter;  // run only tests whose name contains it
};

// `compilation` must be ok().
TestRun run_rule_tests(const Compilation& compilation, const TestRunOptions& options = {});

}  // namespace dealgate
