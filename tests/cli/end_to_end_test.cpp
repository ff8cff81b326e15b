// The program as users and batch jobs run it: commands, exit codes, and the exact output of the
// SPEC's examples.
#include <gtest/gtest.h>

#include "run_binary.hpp"

namespace dealgate {
namespace {

using testing::exited_saying;
using testing::run_dealgate;
using testing::slurp;

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string line_of(const std::string& text, std::size_t n) {
  std::istringstream in(text);
  std::string line;
  for (std::size_t i = 0; i < n && std::getline(in, line); ++i) {
  }
  return line;
}

TEST(EndToEnd, CheckCompilesTheSpecExampleWithOneWarning) {
  auto run = run_dealgate("check examples/enterprise.gate");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "examples/enterprise.gate: 6 milestones, 1 gate, 1 test; 0 errors, 1 warning\n");
  EXPECT_NE(run.err.find("warning: fact `stage` is declared but no rule reads it"),
            std::string::npos);
}

TEST(EndToEnd, CheckReportsABrokenFileAndExits2) {
  auto run = run_dealgate("check tests/golden/check/unknown_fact.gate");
  EXPECT_TRUE(exited_saying(
      run, 2, "unknown_fact.gate:10:11: error: `value.confirmd` is not a declared fact"));
  EXPECT_NE(run.err.find("did you mean `value.confirmed`?"), std::string::npos);
  EXPECT_EQ(
      run.out,
      "tests/golden/check/unknown_fact.gate: 0 milestones, 1 gate, 0 tests; 1 error, 0 warnings\n");
}

// `check` judges waivers' last days only against a date it is given: the same files give the same
// diagnostics on any day, and a CI job passes `--today` to refuse expired waivers.
TEST(EndToEnd, CheckRefusesAWaiverExpiredByTheDateItIsGiven) {
  auto plain = run_dealgate("check rules/");
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out,
            "4 files: 15 milestones, 3 gates, 19 tests, 1 waiver; 0 errors, 0 warnings\n");
  EXPECT_EQ(run_dealgate("check rules/ --today 2027-03-31").exit_code, 0)
      << "its last day still counts";
  auto expired = run_dealgate("check rules/ --today 2027-04-01");
  EXPECT_EQ(expired.exit_code, 2);
  EXPECT_NE(
      expired.err.find("error: waiver `kirin_roi` expired: its last day was 2027-03-31, before "
                       "2027-04-01"),
      std::string::npos)
      << expired.err;
  EXPECT_NE(expired.err.find("help: renew it by moving `until`, or remove it"), std::string::npos);
}

// `explain` says which waivers name the deal and marks the condition one waived.
TEST(EndToEnd, ExplainShowsWaivedConditionsWithTheirWaiver) {
  auto run = run_dealgate(
      "explain rules/ --facts examples/deals.jsonl --deal D-2026-0169 --gate "
      "enter_delivery --today 2026-11-26");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(
      run.out.find("Waiver `kirin_roi` (DD-2026-031: Kirin Precision lighthouse deal), approved by "
                   "Elena Marsh, VP Sales (deal desk), until 2027-03-31\n"),
      std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("require value_confirmed.roi: false, waived by `kirin_roi`"),
            std::string::npos)
      << run.out;
  auto json = run_dealgate(
      "explain rules/ --facts examples/deals.jsonl --deal D-2026-0169 --gate "
      "enter_delivery --today 2027-04-01 --format json");
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NE(json.out.find(R"("waivers":[{"id":"kirin_roi","expired":true}])"), std::string::npos)
      << json.out;
  EXPECT_NE(
      json.out.find(R"("id":"value_confirmed.roi","kind":"require","value":"false","message":)"),
      std::string::npos);
}

TEST(EndToEnd, CheckStrictTurnsWarningsIntoErrors) {
  EXPECT_EQ(run_dealgate("check --strict examples/enterprise.gate").exit_code, 2);
}

TEST(EndToEnd, ShippedRulesCompileCleanlyAndAreFormatted) {
  auto check = run_dealgate("check --strict rules/");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  auto fmt = run_dealgate("fmt --check rules/");
  EXPECT_EQ(fmt.exit_code, 0) << fmt.out << fmt.err;
}

TEST(EndToEnd, EvalJsonlOfTheSpecExampleMatchesTheGoldenFile) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --format jsonl "
      "--today 2026-11-26");
  EXPECT_EQ(run.exit_code, 1);  // some gates fail
  EXPECT_EQ(run.out, slurp(std::string(DEALGATE_SOURCE_DIR) +
                           "/tests/golden/eval/spec_deals.expected.jsonl"));
}

// SPEC §7 prints this record over several lines for reading; the program writes it on one.
TEST(EndToEnd, ReproducesTheSpecRecordExactly) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --format jsonl "
      "--today 2026-11-26");
  EXPECT_EQ(
      line_of(run.out, 17),
      R"({"id":"D000123","line":17,"gates":{"enter_delivery":{"status":"fail",)"
      R"("failed":["value_confirmed.roi","acid_test.1"],"unknown":[],"missing":[],"invalid":[],)"
      R"("milestones":{"causes_confirmed":"pass","consequences_confirmed":"pass","solution_defined":"pass",)"
      R"("value_confirmed":"fail","mutual_fit":"pass","acid_test":"fail"},)"
      R"("warnings":["enter_delivery.recent_contact"],)"
      R"("messages":["benefit 250000 is below 3x the price 100000","last customer contact was 41 days ago"]}}})");
}

TEST(EndToEnd, AMalformedLineBecomesAnErrorRecordAndTheRunGoesOn) {
  std::string deals =
      slurp(std::string(DEALGATE_SOURCE_DIR) + "/tests/golden/eval/spec_deals.jsonl");
  std::size_t third = deals.find('\n', deals.find('\n', deals.find('\n') + 1) + 1);
  std::string broken =
      deals.substr(0, third + 1) + "{\"id\": \"X\", \"value\": \n" + deals.substr(third + 1);
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts - --format jsonl --today 2026-11-26", broken);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(count_lines(run.out), count_lines(broken));
  EXPECT_EQ(line_of(run.out, 4).rfind(R"({"line":4,"error":")", 0), 0u) << line_of(run.out, 4);
  // Every other record is exactly what a clean run gives, one line further down.
  auto clean = run_dealgate(
      "eval examples/enterprise.gate --facts - --format jsonl --today 2026-11-26", deals);
  EXPECT_EQ(line_of(run.out, 5).substr(line_of(run.out, 5).find("\"gates\"")),
            line_of(clean.out, 4).substr(line_of(clean.out, 4).find("\"gates\"")));
  EXPECT_NE(run.err.find("1 of 21 records could not be read"), std::string::npos) << run.err;
}

TEST(EndToEnd, ExitCodeIsZeroWhenEveryGatePasses) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts - --format jsonl --today 2026-11-26",
      line_of(slurp(std::string(DEALGATE_SOURCE_DIR) + "/tests/golden/eval/spec_deals.jsonl"), 1) +
          "\n");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST(EndToEnd, UsageErrorsExit2WithHelp) {
  auto run = run_dealgate("eval examples/enterprise.gate --facts x.jsonl --today 2026-13-01");
  EXPECT_EQ(run.exit_code, 2);
  auto gate = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --gate "
      "enter_delivry");
  EXPECT_TRUE(exited_saying(gate, 2, "did you mean `enter_delivery`?"));
  auto param = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --param "
      "min_roi=lots");
  EXPECT_TRUE(exited_saying(param, 2, "param `min_roi` is a number"));
}

TEST(EndToEnd, ParamsChangeTheOutcome) {
  std::string deal =
      line_of(slurp(std::string(DEALGATE_SOURCE_DIR) + "/tests/golden/eval/spec_deals.jsonl"), 3) +
      "\n";
  EXPECT_EQ(run_dealgate(
                "eval examples/enterprise.gate --facts - --format jsonl --today 2026-11-26", deal)
                .exit_code,
            1);
  EXPECT_EQ(run_dealgate("eval examples/enterprise.gate --facts - --format jsonl --today "
                         "2026-11-26 --param min_roi=2",
                         deal)
                .exit_code,
            0);
}

TEST(EndToEnd, TestCommandRunsTheShippedRuleTests) {
  auto run = run_dealgate("test rules/");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("\n19 passed, 0 failed\n"), std::string::npos) << run.out;
  auto coverage = run_dealgate("test rules/ --coverage");
  EXPECT_NE(
      coverage.out.find("coverage: 52 of 52 conditions made both true and false by some test"),
      std::string::npos)
      << coverage.out;
}

TEST(EndToEnd, TestCommandReportsAFailingTest) {
  std::string rules = slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/enterprise.gate");
  std::string wrong = rules.substr(0, rules.rfind("expect")) + "expect enter_delivery pass\n}\n";
  std::string path =
      ::testing::TempDir() + "wrong_expectation_" + std::to_string(getpid()) + ".gate";
  std::ofstream(path) << wrong;
  auto run = run_dealgate("test '" + path + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("FAIL a deal whose seller would not buy it stays out of Delivery"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("expected enter_delivery pass, got fail"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("failed:  acid_test.1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("0 passed, 1 failed\n"), std::string::npos);
}

TEST(EndToEnd, ExplainShowsValuesAndWhatWouldMakeItPass) {
  auto run = run_dealgate(
      "explain examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --deal D000123 "
      "--today 2026-11-26");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("min_roi * value.price  => 300000"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("To pass this gate:"), std::string::npos);
  EXPECT_NE(run.out.find("- benefit 250000 is below 3x the price 100000 [value_confirmed.roi]"),
            std::string::npos);
  auto json = run_dealgate(
      "explain examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --deal D000123 "
      "--today 2026-11-26 "
      "--format json");
  EXPECT_EQ(
      json.out.rfind(
          R"({"id":"D000123","line":17,"today":"2026-11-26","gates":[{"gate":"enter_delivery","status":"fail")",
          0),
      0u)
      << json.out.substr(0, 200);
  auto missing = run_dealgate(
      "explain examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --deal D000999");
  EXPECT_EQ(missing.exit_code, 3);
}

TEST(EndToEnd, EvalTextShowsTheChecklistForDealsThatDoNotPass) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --today 2026-11-26 "
      "--color never");
  EXPECT_NE(run.out.find("To pass this gate:"), std::string::npos);
  EXPECT_NE(
      run.out.find("- cannot be decided: correct `value.price` (its value does not fit its type) "
                   "[value_confirmed.roi]"),
      std::string::npos)
      << run.out;
}

TEST(EndToEnd, FmtPrintsChecksAndRewrites) {
  std::string path = ::testing::TempDir() + "messy_" + std::to_string(getpid()) + ".gate";
  std::ofstream(path) << "facts {id:string, n:number}\ngate g{require n>1   # big enough\n}\n";
  auto check = run_dealgate("fmt --check '" + path + "'");
  EXPECT_EQ(check.exit_code, 1);
  auto print = run_dealgate("fmt '" + path + "'");
  EXPECT_EQ(print.exit_code, 0);
  EXPECT_EQ(
      print.out,
      "facts {\n  id: string\n  n: number\n}\n\ngate g {\n  require n > 1  # big enough\n}\n");
  EXPECT_EQ(run_dealgate("fmt --write '" + path + "'").exit_code, 0);
  EXPECT_EQ(slurp(path), print.out);
  EXPECT_EQ(run_dealgate("fmt --check '" + path + "'").exit_code, 0);
}

TEST(EndToEnd, VersionAndHelp) {
  auto version = run_dealgate("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("dealgate ", 0), 0u);
  auto help = run_dealgate("--help");
  for (const char* command : {"check", "eval", "test", "explain", "fmt", "report"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  }
}

}  // namespace
}  // namespace dealgate
