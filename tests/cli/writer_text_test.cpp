#include <gtest/gtest.h>

#include <sstream>

#include "cli/writer.hpp"
#include "sample_plan.hpp"
#include "write_results.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

std::string text_of(const std::vector<DealResult>& results, bool color = false) {
  return written(OutputFormat::Text, enterprise_plan(), results, WriterOptions{color});
}

TEST(TextWriter, ExplainsEachDealAndSummarisesTheRun) {
  EXPECT_EQ(text_of({spec_example_result(), error_result(18, "expected a JSON object"),
                     unknown_result(), pass_result(20, "null")}),
            "D000123 (line 17)\n"
            "  FAIL enter_delivery: Ready to enter the Delivery phase\n"
            "    failed  value_confirmed.roi (Financial value of the solution confirmed)\n"
            "            benefit 250000 is below 3x the price 100000\n"
            "    failed  acid_test.1 (Would you do what you are about to propose, if you were the "
            "customer?)\n"
            "            acid_test.would_buy_ourselves\n"
            "    warning enter_delivery.recent_contact\n"
            "            last customer contact was 41 days ago\n"
            "\n"
            "line 18: could not read this record: expected a JSON object\n"
            "\n"
            "D000124 (line 18)\n"
            "  UNKNOWN enter_delivery: Ready to enter the Delivery phase\n"
            "    unknown causes_confirmed.by_decision_maker (Customer understood and confirmed the "
            "causes of the problems)\n"
            "            diagnosis.confirmed_by in decision_makers\n"
            "    unknown value_confirmed.roi (Financial value of the solution confirmed)\n"
            "            value.annual_benefit >= min_roi * value.price\n"
            "    unknown enter_delivery.buyer_engaged\n"
            "            any(s in stakeholders: s.role == \"economic_buyer\" and s.engaged)\n"
            "    missing diagnosis.confirmed_by, stakeholders[0].role, stakeholders[1].role\n"
            "    invalid value.price\n"
            "\n"
            "line 20 (no id)\n"
            "  PASS enter_delivery: Ready to enter the Delivery phase\n"
            "\n"
            "Summary: 4 records, 3 evaluated, 1 could not be read\n"
            "\n"
            "  gate            pass  fail  unknown\n"
            "  enter_delivery     1     1        1\n"
            "\n"
            "  enter_delivery: most common blocking conditions\n"
            "         2  value_confirmed.roi (1 failed, 1 unknown)\n"
            "         1  causes_confirmed.by_decision_maker (1 unknown)\n"
            "         1  acid_test.1 (1 failed)\n"
            "         1  enter_delivery.buyer_engaged (1 unknown)\n"
            "\n"
            "  enter_delivery: most common missing facts\n"
            "         1  diagnosis.confirmed_by\n"
            "         1  stakeholders[].role\n"
            "\n"
            "  enter_delivery: most common invalid facts\n"
            "         1  value.price\n");
}

TEST(TextWriter, SummaryCountsManyDealsAndListsTheTopFive) {
  std::vector<DealResult> results;
  for (int i = 0; i < 12; ++i) results.push_back(pass_result(i + 1, "null"));
  // Seven different conditions fail, the first most often.
  const std::vector<ConditionIndex> failing = {6, 8, 0, 2, 3, 5, 7};
  for (std::size_t k = 0; k < failing.size(); ++k) {
    for (std::size_t n = 0; n < failing.size() - k; ++n) {
      DealResult r = pass_result(100 + k * 10 + n, "null");
      r.gates[0].status = Status::Fail;
      r.gates[0].failed = {failing[k]};
      results.push_back(r);
    }
  }
  const std::string text = text_of(results);
  const std::string summary = text.substr(text.find("Summary:"));
  EXPECT_EQ(summary,
            "Summary: 40 records\n"
            "\n"
            "  gate            pass  fail  unknown\n"
            "  enter_delivery    12    28        0\n"
            "\n"
            "  enter_delivery: most common blocking conditions\n"
            "         7  value_confirmed.roi (7 failed)\n"
            "         6  acid_test.1 (6 failed)\n"
            "         5  causes_confirmed.1 (5 failed)\n"
            "         4  consequences_confirmed.1 (4 failed)\n"
            "         3  solution_defined.1 (3 failed)\n");
}

TEST(TextWriter, NoRecords) {
  EXPECT_EQ(text_of({}), "Summary: no records\n");
}

TEST(TextWriter, TheSummaryCountsTheRowsASourceSkipped) {
  const Plan plan = enterprise_plan();
  std::ostringstream out;
  auto writer = make_writer(OutputFormat::Text, plan, out);
  writer->write(pass_result(2, "\"D1\""));
  writer->set_skipped(SkippedRows{7, 1});
  writer->finish();
  EXPECT_NE(out.str().find("Summary: 1 record (skipped: the report's footer, 7 lines, and 1 blank "
                           "row)\n"),
            std::string::npos)
      << out.str();

  std::ostringstream empty;
  auto none = make_writer(OutputFormat::Text, plan, empty);
  none->set_skipped(SkippedRows{0, 2});
  none->finish();
  EXPECT_EQ(empty.str(), "Summary: no records (skipped: 2 blank rows)\n");
}

TEST(TextWriter, ColourMarksStatusesOnlyWhenOn) {
  const std::string plain =
      text_of({pass_result(1, "\"A\""), spec_example_result(), unknown_result()});
  EXPECT_EQ(plain.find('\033'), std::string::npos);
  const std::string colored =
      text_of({pass_result(1, "\"A\""), spec_example_result(), unknown_result()}, true);
  EXPECT_NE(colored.find("\033[32m✓ pass\033[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\033[1;31m✗ fail\033[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\033[33m? unknown\033[0m"), std::string::npos) << colored;
  EXPECT_EQ(colored.find("PASS"), std::string::npos);
}

TEST(TextWriter, FallsBackToAMessageListWhenMessagesDoNotMatchConditions) {
  DealResult r = spec_example_result();
  r.gates[0].messages.push_back("an extra message");
  const std::string text = text_of({r});
  EXPECT_NE(text.find("    failed  value_confirmed.roi (Financial value of the solution "
                      "confirmed)\n            value.annual_benefit >= min_roi * value.price\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("    - benefit 250000 is below 3x the price 100000\n"
                      "    - last customer contact was 41 days ago\n"
                      "    - an extra message\n"),
            std::string::npos)
      << text;
}

// A waived condition is listed as waived, with its waiver; each deal lists the waivers that name
// it (an expired one marked); the summary says how many deals each held for and their amount.
TEST(TextWriter, WaivedConditionsAndWaivers) {
  EXPECT_EQ(
      written(OutputFormat::Text, enterprise_plan_with_waivers(), {waived_result()}),
      "D000125 (line 19)\n"
      "  PASS enter_delivery: Ready to enter the Delivery phase\n"
      "    waived  acid_test.1 (Would you do what you are about to propose, if you were the "
      "customer?)\n"
      "            by `pilot` (W-17: strategic logo), approved by Dana Lee, VP Sales, until "
      "2026-12-31\n"
      "  Waiver: `pilot` (W-17: strategic logo), approved by Dana Lee, VP Sales, until 2026-12-31\n"
      "  Waiver: `legacy`, approved by Sam Ortiz, until 2026-10-31 EXPIRED: it no longer applies\n"
      "\n"
      "Summary: 1 record\n"
      "\n"
      "  gate            pass  fail  unknown\n"
      "  enter_delivery     1     0        0\n"
      "\n"
      "Waivers:\n"
      "  `pilot` (W-17: strategic logo), approved by Dana Lee, VP Sales, until 2026-12-31\n"
      "      in force for 1 deal (waived a failing condition for 1), amount 1,250,000\n"
      "  `legacy`, approved by Sam Ortiz, until 2026-10-31\n"
      "      expired for 1 deal\n");
}

}  // namespace
}  // namespace dealgate::cli
