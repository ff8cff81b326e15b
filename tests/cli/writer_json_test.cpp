#include <gtest/gtest.h>

#include <sstream>

#include "cli/writer.hpp"
#include "sample_plan.hpp"
#include "write_results.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

TEST(JsonWriter, RecordsThenSummaryInOneDocument) {
  const Plan plan = enterprise_plan();
  const std::string out =
      written(OutputFormat::Json, plan,
              {spec_example_result(), error_result(18, "not an object"), unknown_result()});
  std::string unknown_line;
  RecordJson(plan).append(unknown_line, unknown_result());
  EXPECT_EQ(out, "{\"records\":[\n" + kSpecExampleLine + ",\n" +
                     R"({"line":18,"error":"not an object"})" + ",\n" + unknown_line + "\n],\n" +
                     R"("summary":{"records":3,"evaluated":2,"unreadable":1,)"
                     R"("skipped":{"footer_rows":0,"blank_rows":0},"gates":{)"
                     R"("enter_delivery":{"pass":0,"fail":1,"unknown":1,"blocking":[)"
                     R"({"id":"value_confirmed.roi","failed":1,"unknown":1},)"
                     R"({"id":"causes_confirmed.by_decision_maker","failed":0,"unknown":1},)"
                     R"({"id":"acid_test.1","failed":1,"unknown":0},)"
                     R"({"id":"enter_delivery.buyer_engaged","failed":0,"unknown":1}],)"
                     R"("missing":[{"path":"diagnosis.confirmed_by","deals":1},)"
                     R"({"path":"stakeholders[].role","deals":1}],)"
                     R"("invalid":[{"path":"value.price","deals":1}]}}}})"
                     "\n");
}

TEST(JsonWriter, StreamsEachRecordAsItComes) {
  const Plan plan = enterprise_plan();
  std::ostringstream out;
  auto writer = make_writer(OutputFormat::Json, plan, out);
  writer->write(spec_example_result());
  EXPECT_EQ(out.str(), "{\"records\":[\n" + kSpecExampleLine);
}

TEST(JsonWriter, TheSummaryCountsTheRowsASourceSkipped) {
  const Plan plan = enterprise_plan();
  std::ostringstream out;
  auto writer = make_writer(OutputFormat::Json, plan, out);
  writer->set_skipped(SkippedRows{7, 1});
  writer->finish();
  EXPECT_NE(out.str().find(R"("skipped":{"footer_rows":7,"blank_rows":1})"), std::string::npos)
      << out.str();
}

TEST(JsonWriter, AnEmptyRunIsStillADocument) {
  EXPECT_EQ(written(OutputFormat::Json, enterprise_plan(), {}),
            "{\"records\":[],\n"
            R"("summary":{"records":0,"evaluated":0,"unreadable":0,)"
            R"("skipped":{"footer_rows":0,"blank_rows":0},"gates":{}}})"
            "\n");
}

// The summary counts, per waiver, the deals it held for, made the difference to and had expired
// for, and the amount of the deals it held for.
TEST(JsonWriter, SummaryCountsWaivers) {
  const std::string text =
      written(OutputFormat::Json, enterprise_plan_with_waivers(), {waived_result()});
  EXPECT_NE(
      text.find(R"("waivers":[{"id":"pilot","in_force":1,"used":1,"expired":0,"amount":1250000},)"
                R"({"id":"legacy","in_force":0,"used":0,"expired":1,"amount":0}]}})"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("waived":["acid_test.1"])"), std::string::npos) << text;
}

}  // namespace
}  // namespace dealgate::cli
