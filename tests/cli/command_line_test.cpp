#include "cli/command_line.hpp"

#include <gtest/gtest.h>

#include "parse_args.hpp"

namespace dealgate::cli {
namespace {

using testing::expect_usage_error;
using testing::parse;

TEST(CommandLine, EvalWithEveryOption) {
  CommandLine c = parse({"eval",       "rules/",      "extra.gate", "--facts", "-",
                         "--format",   "jsonl",       "--gate",     "a",       "--gate",
                         "b",          "--today",     "2026-11-26", "--param", "min_roi=4",
                         "--id-field", "deal_id",     "--threads",  "4",       "--input",
                         "csv",        "--log-level", "debug",      "--color", "never"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Eval) << (c.error ? c.error->message : "");
  EXPECT_EQ(c.eval.rules, (std::vector<std::string>{"rules/", "extra.gate"}));
  EXPECT_EQ(c.eval.facts, "-");
  EXPECT_EQ(c.eval.format, OutputFormat::Jsonl);
  EXPECT_EQ(c.eval.gates, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.eval.today, days_from_civil(2026, 11, 26));
  ASSERT_EQ(c.eval.params.size(), 1u);
  EXPECT_EQ(c.eval.params[0].first, "min_roi");
  EXPECT_EQ(c.eval.params[0].second, "4");
  EXPECT_EQ(c.eval.id_field, "deal_id");
  EXPECT_EQ(c.eval.threads, 4u);
  EXPECT_EQ(c.eval.input, InputFormat::Csv);
  EXPECT_EQ(c.log_level, spdlog::level::debug);
  EXPECT_EQ(c.color, ColorMode::Never);
}

TEST(CommandLine, GateAndParamTakeOneValueEach) {
  CommandLine c = parse(
      {"eval", "--gate", "a", "rules/", "--param", "x=1", "more.gate", "--facts", "f", "--gate=b"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Eval) << (c.error ? c.error->message : "");
  EXPECT_EQ(c.eval.rules, (std::vector<std::string>{"rules/", "more.gate"}));
  EXPECT_EQ(c.eval.gates, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.eval.params.size(), 1u);
}

TEST(CommandLine, EvalDefaults) {
  CommandLine c = parse({"eval", "rules/", "--facts", "deals.jsonl"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Eval);
  EXPECT_EQ(c.eval.format, OutputFormat::Text);
  EXPECT_FALSE(c.eval.today);
  EXPECT_EQ(c.eval.id_field, "id");
  EXPECT_EQ(c.eval.threads, 0u);  // one per core
  EXPECT_EQ(c.eval.input, InputFormat::Auto);
  EXPECT_EQ(c.log_level, spdlog::level::warn);
  EXPECT_EQ(c.color, ColorMode::Auto);
}

TEST(CommandLine, StrictInputOptionsOnEveryCommandThatReadsARun) {
  CommandLine defaults = parse({"eval", "rules/", "--facts", "deals.jsonl"});
  EXPECT_FALSE(defaults.eval.strict.allow_empty);
  EXPECT_EQ(defaults.eval.strict.max_invalid, 0.5);
  CommandLine eval =
      parse({"eval", "rules/", "--facts", "-", "--allow-empty", "--max-invalid", "0.2"});
  ASSERT_EQ(eval.kind, CommandLine::Kind::Eval) << (eval.error ? eval.error->message : "");
  EXPECT_TRUE(eval.eval.strict.allow_empty);
  EXPECT_EQ(eval.eval.strict.max_invalid, 0.2);
  CommandLine report =
      parse({"report", "rules/", "--facts", "d.csv", "-o", "p.html", "--allow-empty"});
  ASSERT_EQ(report.kind, CommandLine::Kind::Report);
  EXPECT_TRUE(report.report.strict.allow_empty);
  CommandLine diff = parse({"diff", "a/", "b/", "--facts", "d.csv", "--max-invalid", "1"});
  ASSERT_EQ(diff.kind, CommandLine::Kind::Diff) << (diff.error ? diff.error->message : "");
  EXPECT_EQ(diff.diff.strict.max_invalid, 1.0);
  CommandLine bad = parse({"eval", "rules/", "--facts", "-", "--max-invalid", "2"});
  EXPECT_EQ(bad.kind, CommandLine::Kind::Exit);
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(CommandLine, GlobalOptionsBeforeTheCommand) {
  CommandLine c = parse({"--color", "always", "check", "rules/", "--strict", "--format", "json"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Check);
  EXPECT_EQ(c.color, ColorMode::Always);
  EXPECT_TRUE(c.check.strict);
  EXPECT_EQ(c.check.format, OutputFormat::Json);
}

TEST(CommandLine, CheckTakesADateToJudgeWaiversBy) {
  CommandLine c = parse({"check", "rules/", "--today", "2027-04-01"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Check);
  ASSERT_TRUE(c.check.today);
  EXPECT_EQ(format_date(*c.check.today), "2027-04-01");
  EXPECT_FALSE(parse({"check", "rules/"}).check.today);
  expect_usage_error(parse({"check", "r", "--today", "2027-02-30"}),
                     "`--today 2027-02-30` is not a day of the calendar");
}

TEST(CommandLine, MissingFacts) {
  CommandLine c = parse({"eval", "rules/"});
  expect_usage_error(c, "no deals to evaluate: --facts is missing",
                     "give the deals with `--facts FILE` (JSON, JSON Lines or CSV), or "
                     "`--facts -` to read them from standard input");
  EXPECT_EQ(c.error_command, "dealgate eval");
}

TEST(CommandLine, BadValuesAreUsageErrors) {
  expect_usage_error(parse({"eval", "r", "--facts", "f", "--today", "2026-13-01"}),
                     "`--today 2026-13-01` is not a day of the calendar");
  expect_usage_error(parse({"eval", "r", "--facts", "f", "--format", "xml"}),
                     "`xml` is not a valid value for --format");
  expect_usage_error(parse({"eval", "r", "--facts", "f", "--threads", "0"}),
                     "`--threads 0` is not a number of threads");
  expect_usage_error(parse({"eval", "r", "--facts", "f", "--param", "min_roi"}),
                     "`--param min_roi` needs a name and a value");
  expect_usage_error(parse({"check", "r", "--format", "csv"}), "`check` does not write csv");
  expect_usage_error(parse({"--log-level", "loud", "check", "r"}),
                     "`loud` is not a valid value for --log-level");
}

TEST(CommandLine, Lsp) {
  EXPECT_EQ(parse({"lsp"}).kind, CommandLine::Kind::Lsp);
  EXPECT_EQ(parse({"lsp", "--stdio"}).kind, CommandLine::Kind::Lsp)
      << "as vscode-languageclient starts it";
  expect_usage_error(parse({"lsp", "rules/"}), "unexpected argument `rules/`");
  CommandLine typo = parse({"lps"});
  ASSERT_TRUE(typo.error);
  EXPECT_EQ(typo.error->help, "did you mean `lsp`?");
}

TEST(CommandLine, UnknownOptionSuggestsTheNearest) {
  CommandLine c = parse({"eval", "r", "--fact", "f"});
  expect_usage_error(c, "`--fact` is not an option of `dealgate eval`", "did you mean `--facts`?");
  expect_usage_error(parse({"eval", "r", "--facts", "f", "--colour=never"}),
                     "`--colour` is not an option of `dealgate eval`", "did you mean `--color`?");
}

TEST(CommandLine, OptionWithoutValue) {
  expect_usage_error(parse({"eval", "r", "--facts"}), "`--facts` needs a value");
}

TEST(CommandLine, UnknownOrMissingCommand) {
  expect_usage_error(parse({"evl", "r"}), "`evl` is not a dealgate command",
                     "did you mean `eval`?");
  expect_usage_error(parse({}), "no command given");
  expect_usage_error(parse({"check"}), "no rule files given");
}

TEST(CommandLine, HelpAndVersionExitZeroOnStdout) {
  CommandLine version = parse({"--version"});
  EXPECT_EQ(version.kind, CommandLine::Kind::Exit);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_FALSE(version.error);
  EXPECT_EQ(version.out_text, "dealgate 0.1.0\n");

  CommandLine help = parse({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* part : {"Usage: dealgate", "check", "eval",
                           "Examples:", "Exit codes:", "NO_COLOR", "standard output"}) {
    EXPECT_NE(help.out_text.find(part), std::string::npos) << part;
  }

  CommandLine eval_help = parse({"eval", "--help"});
  EXPECT_EQ(eval_help.exit_code, 0);
  for (const char* part :
       {"Usage: dealgate eval RULES... --facts FILE|-", "--gate NAME", "--today DATE",
        "--param NAME=VALUE", "--threads N", "Formats:", "input order", "Exit codes:"}) {
    EXPECT_NE(eval_help.out_text.find(part), std::string::npos) << part;
  }
}

}  // namespace
}  // namespace dealgate::cli
