#include "cli/check_report.hpp"

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

TEST(CheckSummaryLine, OneFile) {
  Compilation c;
  c.sources.add("enterprise.gate", "ruleset \"x\"\n");
  c.diagnostics.warning("unused-param", {0, 0, 7}, "param `x` is never used");
  c.stats = {6, 1, 2};
  EXPECT_EQ(check_summary_line(c),
            "enterprise.gate: 6 milestones, 1 gate, 2 tests; 0 errors, 1 warning");
}

TEST(CheckSummaryLine, SeveralFilesPluralised) {
  Compilation c;
  c.sources.add("a.gate", "a");
  c.sources.add("b.gate", "b");
  c.sources.add("c.gate", "c");
  c.diagnostics.error("syntax", {1, 0, 1}, "expected `ruleset`");
  c.diagnostics.error("syntax", {2, 0, 1}, "expected `ruleset`");
  c.stats = {1, 0, 1};
  EXPECT_EQ(check_summary_line(c), "3 files: 1 milestone, 0 gates, 1 test; 2 errors, 0 warnings");
}

TEST(CheckJson, FilesDiagnosticsAndCounts) {
  Compilation c;
  c.sources.add("rules/a \"q\".gate", "ruleset\n");
  c.diagnostics.error("syntax", {0, 7, 8}, "expected a string after `ruleset`", "add a title");
  EXPECT_EQ(check_json(c), R"({"files":["rules/a \"q\".gate"],"diagnostics":[)" +
                               render_json(c.diagnostics.items()[0], c.sources) +
                               R"(],"errors":1,"warnings":0})");
}

TEST(CheckJson, NoDiagnostics) {
  Compilation c;
  c.sources.add("a.gate", "");
  EXPECT_EQ(check_json(c), R"({"files":["a.gate"],"diagnostics":[],"errors":0,"warnings":0})");
}

TEST(CheckSummaryLine, CountsWaiversWhenThereAreSome) {
  Compilation c;
  c.sources.add("w.gate", "w");
  c.stats = {1, 1, 0, 2};
  EXPECT_EQ(check_summary_line(c),
            "w.gate: 1 milestone, 1 gate, 0 tests, 2 waivers; 0 errors, 0 warnings");
}

}  // namespace
}  // namespace dealgate::cli
