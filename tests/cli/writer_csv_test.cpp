#include <gtest/gtest.h>

#include <sstream>

#include "cli/writer.hpp"
#include "sample_plan.hpp"
#include "write_results.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

std::string csv_of(const std::vector<DealResult>& results) {
  return written(OutputFormat::Csv, enterprise_plan(), results);
}

TEST(CsvWriter, HeaderAndOneRowPerDealAndGate) {
  EXPECT_EQ(csv_of({spec_example_result(), unknown_result(), pass_result(19, "7")}),
            "id,line,gate,status,failed,unknown,missing,messages\r\n"
            "D000123,17,enter_delivery,fail,value_confirmed.roi; acid_test.1,,,"
            "benefit 250000 is below 3x the price 100000; last customer contact was 41 days ago\r\n"
            "D000124,18,enter_delivery,unknown,,"
            "causes_confirmed.by_decision_maker; value_confirmed.roi; enter_delivery.buyer_engaged,"
            "diagnosis.confirmed_by; stakeholders[0].role; stakeholders[1].role; "
            "value.price (invalid),\r\n"
            "7,19,enter_delivery,pass,,,,\r\n");
}

TEST(CsvWriter, AnUnreadableRecordIsOneErrorRow) {
  EXPECT_EQ(csv_of({error_result(4, "expected a JSON object")}),
            "id,line,gate,status,failed,unknown,missing,messages\r\n"
            ",4,,error,,,,expected a JSON object\r\n");
}

TEST(CsvWriter, QuotesCommasQuotesAndLineBreaks) {
  DealResult r = pass_result(2, R"("ACME, Inc. \"west\"")");
  r.gates[0].status = Status::Fail;
  r.gates[0].failed = {6};
  r.gates[0].messages = {"benefit 1,000 is below \"3x\"\nthe price", "second\r\nline"};
  EXPECT_EQ(csv_of({r, error_result(3, "bad \"quote\", here")}),
            "id,line,gate,status,failed,unknown,missing,messages\r\n"
            "\"ACME, Inc. \"\"west\"\"\",2,enter_delivery,fail,value_confirmed.roi,,,"
            "\"benefit 1,000 is below \"\"3x\"\"\nthe price; second\r\nline\"\r\n"
            ",3,,error,,,,\"bad \"\"quote\"\", here\"\r\n");
}

TEST(CsvWriter, WritesTheHeaderEvenWithoutRecords) {
  EXPECT_EQ(csv_of({}), "id,line,gate,status,failed,unknown,missing,messages\r\n");
}

// With waivers, two columns more: the gate's waived conditions and the waivers naming the deal.
TEST(CsvWriter, WaiverColumnsOnlyWithWaivers) {
  EXPECT_EQ(
      written(OutputFormat::Csv, enterprise_plan_with_waivers(),
              {waived_result(), error_result(20, "bad")}),
      "id,line,gate,status,failed,unknown,missing,messages,waived,waivers\r\n"
      "D000125,19,enter_delivery,pass,,,,,acid_test.1,"
      "\"pilot: approved by Dana Lee, VP Sales, until 2026-12-31; legacy: expired 2026-10-31\"\r\n"
      ",20,,error,,,,bad,,\r\n");
}

}  // namespace
}  // namespace dealgate::cli
