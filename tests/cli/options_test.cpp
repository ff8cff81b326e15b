#include "cli/options.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

TEST(ParseEvalFormat, KnowsTheFourFormats) {
  UsageError error;
  EXPECT_EQ(parse_eval_format("text", error), OutputFormat::Text);
  EXPECT_EQ(parse_eval_format("json", error), OutputFormat::Json);
  EXPECT_EQ(parse_eval_format("jsonl", error), OutputFormat::Jsonl);
  EXPECT_EQ(parse_eval_format("csv", error), OutputFormat::Csv);
}

TEST(ParseEvalFormat, RejectsOthersAndListsTheChoices) {
  UsageError error;
  EXPECT_FALSE(parse_eval_format("xml", error));
  EXPECT_EQ(error.message, "`xml` is not a valid value for --format");
  EXPECT_EQ(error.help, "choose text, json, jsonl or csv");
  EXPECT_FALSE(parse_eval_format("JSON", error));  // values are case-sensitive, like the language
}

TEST(ParseCheckFormat, TextOrJsonOnly) {
  UsageError error;
  EXPECT_EQ(parse_check_format("json", error), OutputFormat::Json);
  EXPECT_FALSE(parse_check_format("csv", error));
  EXPECT_EQ(error.message, "`check` does not write csv");
  EXPECT_FALSE(parse_check_format("yaml", error));
  EXPECT_EQ(error.help, "choose text or json");
}

TEST(ParseToday, TakesRealDaysOnly) {
  UsageError error;
  EXPECT_EQ(parse_today("2026-11-26", error), days_from_civil(2026, 11, 26));
  EXPECT_FALSE(parse_today("2026-02-30", error));
  EXPECT_EQ(error.message, "`--today 2026-02-30` is not a day of the calendar");
  EXPECT_EQ(error.help, "write the date as YYYY-MM-DD, e.g. `--today 2026-11-26`");
  EXPECT_FALSE(parse_today("26/11/2026", error));
  EXPECT_EQ(error.message, "`--today 26/11/2026` is not a date");
  EXPECT_FALSE(parse_today("2026-11-26T10:00:00Z", error));
}

TEST(ParseParam, SplitsAtTheFirstEquals) {
  UsageError error;
  auto param = parse_param("label=a=b", error);
  ASSERT_TRUE(param);
  EXPECT_EQ(param->first, "label");
  EXPECT_EQ(param->second, "a=b");
  auto empty = parse_param("min_roi=", error);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->second, "");
}

TEST(ParseParam, NeedsANameAndAnEquals) {
  UsageError error;
  EXPECT_FALSE(parse_param("min_roi", error));
  EXPECT_EQ(error.message, "`--param min_roi` needs a name and a value");
  EXPECT_EQ(error.help, "write it as NAME=VALUE, e.g. `--param min_roi=4`");
  EXPECT_FALSE(parse_param("=4", error));
}

TEST(ParseThreads, OneOrMore) {
  UsageError error;
  EXPECT_EQ(parse_threads("1", error), 1u);
  EXPECT_EQ(parse_threads("16", error), 16u);
  EXPECT_FALSE(parse_threads("0", error));
  EXPECT_EQ(error.message, "`--threads 0` is not a number of threads");
  EXPECT_EQ(error.help, "give a whole number from 1 to 1024, e.g. `--threads 4`");
  EXPECT_FALSE(parse_threads("-2", error));
  EXPECT_FALSE(parse_threads("four", error));
  EXPECT_FALSE(parse_threads("4x", error));
  EXPECT_FALSE(parse_threads("100000", error));
}

TEST(ParseColor, AutoAlwaysNever) {
  UsageError error;
  EXPECT_EQ(parse_color("auto", error), ColorMode::Auto);
  EXPECT_EQ(parse_color("always", error), ColorMode::Always);
  EXPECT_EQ(parse_color("never", error), ColorMode::Never);
  EXPECT_FALSE(parse_color("yes", error));
  EXPECT_EQ(error.help, "choose auto, always or never");
}

TEST(ParseLogLevel, SpdlogLevels) {
  UsageError error;
  EXPECT_EQ(parse_log_level("warn", error), spdlog::level::warn);
  EXPECT_EQ(parse_log_level("error", error), spdlog::level::err);
  EXPECT_EQ(parse_log_level("off", error), spdlog::level::off);
  EXPECT_FALSE(parse_log_level("verbose", error));
  EXPECT_EQ(error.help, "choose trace, debug, info, warn, error or off");
}

TEST(ParseInputFormat, JsonCsvOrXlsx) {
  UsageError error;
  EXPECT_EQ(parse_input_format("csv", error), InputFormat::Csv);
  EXPECT_EQ(parse_input_format("json", error), InputFormat::Json);
  EXPECT_EQ(parse_input_format("xlsx", error), InputFormat::Xlsx);
  EXPECT_FALSE(parse_input_format("xls", error));
}

TEST(ParseShare, ANumberFromZeroToOne) {
  UsageError error;
  EXPECT_EQ(parse_share("0.5", error), 0.5);
  EXPECT_EQ(parse_share("0", error), 0.0);
  EXPECT_EQ(parse_share("1", error), 1.0);
  EXPECT_FALSE(parse_share("1.5", error));
  EXPECT_FALSE(parse_share("-0.1", error));
  EXPECT_FALSE(parse_share("half", error));
  EXPECT_FALSE(parse_share("50%", error));
  EXPECT_NE(error.message.find("`--max-invalid 50%` is not a share from 0 to 1"),
            std::string::npos)
      << error.message;
}

TEST(ParseDelimiter, CommaSemicolonOrTab) {
  UsageError error;
  EXPECT_EQ(parse_delimiter(",", error), ',');
  EXPECT_EQ(parse_delimiter(";", error), ';');
  EXPECT_EQ(parse_delimiter("tab", error), '\t');
  EXPECT_EQ(parse_delimiter("\t", error), '\t');
  EXPECT_FALSE(parse_delimiter("|", error));
  EXPECT_NE(error.message.find("--delimiter"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace dealgate::cli
