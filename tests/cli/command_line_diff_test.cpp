// `dealgate diff`'s command line (cli/command_line.cpp), kept apart from command_line_test.cpp.
#include <gtest/gtest.h>

#include "cli/command_line.hpp"
#include "parse_args.hpp"

namespace dealgate::cli {
namespace {

using testing::parse;

// diff's usage errors name `dealgate diff` as the command to ask for help.
void expect_usage_error(const CommandLine& c, const std::string& message) {
  testing::expect_usage_error(c, message);
  EXPECT_EQ(c.error_command, "dealgate diff");
}

TEST(CommandLineDiff, EveryOption) {
  CommandLine c = parse({"diff",        "rules/",     "new.gate",    "--facts", "deals.csv",
                         "--format",    "json",       "--gate",      "a",       "--gate",
                         "b",           "--today",    "2026-11-26",  "--param", "min_roi=4",
                         "--old-param", "a=1",        "--new-param", "b=2",     "--new-param",
                         "c=3",         "--id-field", "deal_id",     "--input", "csv"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Diff) << (c.error ? c.error->message : "");
  EXPECT_EQ(c.diff.old_rules, "rules/");
  EXPECT_EQ(c.diff.new_rules, "new.gate");
  EXPECT_EQ(c.diff.facts, "deals.csv");
  EXPECT_EQ(c.diff.format, OutputFormat::Json);
  EXPECT_EQ(c.diff.gates, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.diff.today, days_from_civil(2026, 11, 26));
  ASSERT_EQ(c.diff.params.size(), 1u);
  EXPECT_EQ(c.diff.params[0].second, "4");
  ASSERT_EQ(c.diff.old_params.size(), 1u);
  EXPECT_EQ(c.diff.old_params[0].first, "a");
  ASSERT_EQ(c.diff.new_params.size(), 2u);
  EXPECT_EQ(c.diff.new_params[1].second, "3");
  EXPECT_EQ(c.diff.id_field, "deal_id");
  EXPECT_EQ(c.diff.input, InputFormat::Csv);
}

TEST(CommandLineDiff, Defaults) {
  CommandLine c = parse({"diff", "a/", "b/", "--facts", "-"});
  ASSERT_EQ(c.kind, CommandLine::Kind::Diff);
  EXPECT_EQ(c.diff.format, OutputFormat::Text);
  EXPECT_TRUE(c.diff.gates.empty());
  EXPECT_FALSE(c.diff.today.has_value());
  EXPECT_EQ(c.diff.input, InputFormat::Auto);
  EXPECT_EQ(c.diff.id_field, "id");
}

TEST(CommandLineDiff, UsageErrors) {
  expect_usage_error(parse({"diff", "--facts", "f"}), "no rules given");
  expect_usage_error(parse({"diff", "a/", "--facts", "f"}),
                     "`diff` compares two rule sets, but 1 was given");
  expect_usage_error(parse({"diff", "a/", "b/", "c/", "--facts", "f"}),
                     "`diff` compares two rule sets, but 3 were given");
  expect_usage_error(parse({"diff", "a/", "b/"}), "no deals to compare on: --facts is missing");
  expect_usage_error(parse({"diff", "a/", "b/", "--facts", "f", "--format", "jsonl"}),
                     "`diff` does not write jsonl");
  expect_usage_error(parse({"diff", "a/", "b/", "--facts", "f", "--today", "2026-02-30"}),
                     "`--today 2026-02-30` is not a day of the calendar");
  expect_usage_error(parse({"diff", "a/", "b/", "--facts", "f", "--param", "oops"}),
                     parse({"eval", "a/", "--facts", "f", "--param", "oops"}).error->message);
  CommandLine typo = parse({"dif", "a/", "b/"});
  ASSERT_TRUE(typo.error);
  EXPECT_EQ(typo.error->help, "did you mean `diff`?");
}

TEST(CommandLineDiff, Help) {
  CommandLine help = parse({"diff", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* part :
       {"Usage: dealgate diff OLD_RULES NEW_RULES --facts FILE|-", "--gate NAME",
        "--param NAME=VALUE", "Formats:", "Examples:", "Exit codes: 0 no deal changes"}) {
    EXPECT_NE(help.out_text.find(part), std::string::npos) << part;
  }
  EXPECT_NE(parse({"--help"}).out_text.find("diff"), std::string::npos);
}

}  // namespace
}  // namespace dealgate::cli
