#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "cli/writer.hpp"
#include "sample_plan.hpp"
#include "write_results.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

TEST(JsonlWriter, ReproducesTheSpecRecordByteForByte) {
  EXPECT_EQ(written(OutputFormat::Jsonl, enterprise_plan(), {spec_example_result()}),
            kSpecExampleLine + "\n");
}

TEST(JsonlWriter, WritesAnErrorRecordWithLineAndMessage) {
  // Records are written in pieces; finish() writes the rest.
  EXPECT_EQ(written(OutputFormat::Jsonl, enterprise_plan(),
                    {error_result(4, "expected `,` or `}` after \"value\"\tat column 12")}),
            R"({"line":4,"error":"expected `,` or `}` after \"value\"\tat column 12"})"
            "\n");
}

// Output is buffered in pieces, not held to the end: memory stays bounded on a long run, and a
// consumer downstream sees records while the run goes on.
TEST(JsonlWriter, LongRunsAreWrittenAsTheyGo) {
  const Plan plan = enterprise_plan();
  std::ostringstream out;
  auto writer = make_writer(OutputFormat::Jsonl, plan, out);
  std::size_t lines = 0;
  while (out.str().empty() && lines < 100000) writer->write(pass_result(++lines, "1"));
  EXPECT_LT(lines, 100000u) << "nothing written before finish()";
  EXPECT_LE(out.str().size(), std::size_t{1} << 17);  // at most about one piece so far
  writer->finish();
  const std::string text = out.str();
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), lines);
}

TEST(JsonlWriter, OneLinePerRecordInTheOrderGiven) {
  const std::string out =
      written(OutputFormat::Jsonl, enterprise_plan(),
              {pass_result(3, "42"), error_result(4, "not an object"), pass_result(5, "null")});
  const std::string milestones =
      R"("milestones":{"causes_confirmed":"pass","consequences_confirmed":"pass",)"
      R"("solution_defined":"pass","value_confirmed":"pass","mutual_fit":"pass","acid_test":"pass"})";
  const std::string gate = R"({"enter_delivery":{"status":"pass","failed":[],"unknown":[],)"
                           R"("missing":[],"invalid":[],)" +
                           milestones + R"(,"warnings":[],"messages":[]}})";
  EXPECT_EQ(out, R"({"id":42,"line":3,"gates":)" + gate + "}\n" +
                     R"({"line":4,"error":"not an object"})" + "\n" +
                     R"({"id":null,"line":5,"gates":)" + gate + "}\n");
}

TEST(JsonlWriter, ListsUnknownMissingAndInvalid) {
  const Plan plan = enterprise_plan();
  std::string line;
  RecordJson(plan).append(line, unknown_result());
  EXPECT_EQ(
      line,
      R"({"id":"D000124","line":18,"gates":{"enter_delivery":{"status":"unknown","failed":[],)"
      R"("unknown":["causes_confirmed.by_decision_maker","value_confirmed.roi",)"
      R"("enter_delivery.buyer_engaged"],)"
      R"("missing":["diagnosis.confirmed_by","stakeholders[0].role","stakeholders[1].role"],)"
      R"("invalid":["value.price"],)"
      R"("milestones":{"causes_confirmed":"unknown","consequences_confirmed":"pass",)"
      R"("solution_defined":"pass","value_confirmed":"unknown","mutual_fit":"pass",)"
      R"("acid_test":"pass"},"warnings":[],"messages":[]}}})");
}

TEST(JsonlWriter, EscapesMessagesAndANullIdWhenEmpty) {
  const Plan plan = enterprise_plan();
  DealResult r = spec_example_result();
  r.id_json = "";
  r.gates[0].messages = {"say \"hi\"\nback\\slash", "x"};
  std::string line;
  RecordJson(plan).append(line, r);
  EXPECT_NE(line.find(R"({"id":null,"line":17,)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("messages":["say \"hi\"\nback\\slash","x"])"), std::string::npos) << line;
}

TEST(JsonlWriter, NoGatesSelectedGivesAnEmptyObject) {
  const Plan plan = enterprise_plan();
  DealResult r;
  r.line = 1;
  r.id_json = "\"D1\"";
  std::string line;
  RecordJson(plan).append(line, r);
  EXPECT_EQ(line, R"({"id":"D1","line":1,"gates":{}})");
}

TEST(AppendJsonString, QuotesAndEscapesOnlyWhatNeedsIt) {
  std::string out;
  append_json_string(out, "plain text");
  append_json_string(out, "a\"b\\c\x01");
  EXPECT_EQ(out, R"("plain text""a\"b\\c\u0001")");
}

TEST(RecordJson, EscapesNamesFromThePlan) {
  Plan plan = enterprise_plan();
  plan.blocks[kEnterDelivery].name = "odd\"name";
  DealResult r = pass_result(1, "null");
  std::string line;
  RecordJson(plan).append(line, r);
  EXPECT_NE(line.find(R"("gates":{"odd\"name":{)"), std::string::npos) << line;
}

}  // namespace
}  // namespace dealgate::cli
