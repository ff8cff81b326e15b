// Compiling a rule set: read the files, parse, check, plan. The front door for the CLI and the API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/check/checker.hpp"
#include "engine/plan/plan.hpp"
#include "grammar/ast.hpp"
#include "base/calendar.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace dealgate {

struct CompileOptions {
  bool strict = false;  // warnings count as errors
  // `dealgate check --today`: a waiver whose last day is before this date is an error. Without it
  // compiling does not look at the clock: an expired waiver is reported when deals are evaluated.
  std::optional<DayNumber> today;
};

struct RuleSetStats {
  std::size_t milestones = 0;
  std::size_t gates = 0;
  std::size_t tests = 0;
  std::size_t waivers = 0;
};

struct Compilation {
  SourceSet sources;
  std::vector<ast::File> files;      // parsed files (all of them when there were no syntax errors)
  Diagnostics diagnostics;           // sorted by file and position
  std::shared_ptr<const Plan> plan;  // null when there are errors
  RuleSetStats stats;

  bool ok() const { return plan != nullptr; }
};

// RULES as given on a command line: `.gate` files, or folders searched recursively for them
// (sorted by path). An unreadable path or a folder without rule files is an error diagnostic
// without a location... reported through `io_errors`.
struct RuleInputs {
  std::vector<std::pair<std::string, std::string>> files;  // path, text
  std::vector<std::string> io_errors;
};
RuleInputs read_rule_inputs(const std::vector<std::string>& paths);

// The front half of compile(): every file parsed and, when all of them parse, checked. compile()
// plans it; the language server (lsp/) keeps it to answer questions about names and types.
// `checked` points into `files`, so an Analysis can be moved but not copied.
struct Analysis {
  SourceSet sources;
  std::vector<ast::File> files;  // parsed files (all of them when there were no syntax errors)
  Diagnostics diagnostics;       // sorted by file and position
  std::optional<CheckedRuleSet> checked;  // when every file parsed
  RuleSetStats stats;

  Analysis() = default;
  Analysis(Analysis&&) = default;
  Analysis& operator=(Analysis&&) = default;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;
};
Analysis analyze(const std::vector<std::pair<std::string, std::string>>& files);

Compilation compile(const std::vector<std::pair<std::string, std::string>>& files,
                    const CompileOptions& options = {});

}  // namespace dealgate
