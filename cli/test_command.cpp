#include "cli/test_command.hpp"

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/plural.hpp"
#include "cli/rules.hpp"
#include "cli/terminal.hpp"
#include "engine/run/test_runner.hpp"

namespace dealgate::cli {
namespace {

std::string where(const Compilation& c, const Span& span) {
  const SourceFile& file = c.sources.file(span.file);
  return fmt::format("{}:{}", file.path(), file.locate(span.begin).line);
}

std::string ids(const Plan& plan, const std::vector<ConditionIndex>& conditions) {
  std::vector<std::string> names;
  for (ConditionIndex c : conditions) names.push_back(plan.conditions[c].id);
  return fmt::format("{}", fmt::join(names, ", "));
}

void write_failure(std::string& out, const Compilation& c, const ExpectationOutcome& e, const Palette& p) {
  const Plan& plan = *c.plan;
  out += fmt::format("    {}: expect {} {}\n", where(c, e.span), e.gate, status_name(e.expected));
  for (const std::string& problem : e.problems) out += fmt::format("      {}{}{}\n", p.fail, problem, p.reset);
  if (!e.result.failed.empty()) out += fmt::format("      failed:  {}\n", ids(plan, e.result.failed));
  if (!e.result.unknown.empty()) out += fmt::format("      unknown: {}\n", ids(plan, e.result.unknown));
  if (!e.result.missing.empty()) out += fmt::format("      missing: {}\n", fmt::join(e.result.missing, ", "));
  if (!e.result.invalid.empty()) out += fmt::format("      invalid: {}\n", fmt::join(e.result.invalid, ", "));
}

void write_coverage(std::string& out, const Plan& plan, const TestRun& run) {
  std::size_t both = 0;
  std::vector<std::string> lines;
  for (const ConditionCoverage& cc : run.coverage) {
    const PlanCondition& c = plan.conditions[cc.condition];
    if (cc.seen_true && cc.seen_false) {
      ++both;
      continue;
    }
    std::string missing = !cc.seen_true && !cc.seen_false ? "never made true or false"
                          : !cc.seen_true                 ? "never made true"
                                                          : "never made false";
    lines.push_back(fmt::format("  {:<40} {}{}", c.id, missing, cc.seen_unknown ? " (only unknown)" : ""));
  }
  out += fmt::format("\ncoverage: {} of {} made both true and false by some test\n", both,
                     count_of(run.coverage.size(), "condition"));
  for (const std::string& line : lines) out += line + "\n";
}

}  // namespace

int run_test(const TestArgs& args, const Io& io) {
  std::optional<Compilation> compilation = load_compiled_rules(args.rules, io);
  if (!compilation) return kExitUsage;
  const Palette p = Palette::of(io.out_color);
  TestRun run = run_rule_tests(*compilation, {args.filter});
  std::string out;
  for (const TestOutcome& t : run.tests) {
    out += t.passed ? fmt::format("{}ok{}   {}\n", p.pass, p.reset, t.name)
                    : fmt::format("{}FAIL{} {}  ({})\n", p.fail, p.reset, t.name, where(*compilation, t.span));
    for (const ExpectationOutcome& e : t.expectations) {
      if (!e.passed) write_failure(out, *compilation, e, p);
    }
  }
  if (run.tests.empty()) {
    out += args.filter.empty() ? "the rules have no tests\n"
                               : fmt::format("no test name contains `{}`\n", args.filter);
  }
  if (args.coverage) write_coverage(out, *compilation->plan, run);
  out += fmt::format("{} passed, {} failed\n", run.passed(), run.failed());
  io.out << out << std::flush;
  return run.failed() > 0 ? kExitNotPassed : kExitOk;
}

}  // namespace dealgate::cli
