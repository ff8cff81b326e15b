// The SPEC §7 record, rendered from an engine result: the one renderer that the program's jsonl
// writer and the embedding API share.
#include "engine/eval/record_json.hpp"

#include <gtest/gtest.h>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

const char* kRules = R"(
facts { id: string, n: number, note: string, when: date }
milestone big { require n > 10 else "only {n}, noted \"{note}\"" }
gate g {
  requires big
  require has_note: exists(note)
  warn recent: today - when <= 30 else "{today - when} days"
}
)";

class RecordJsonTest : public testing::CompiledRulesTest {
 protected:
  RecordJsonTest() : CompiledRulesTest(kRules) {}
  std::string render(const std::string& json) {
    FactsReader reader(plan().schema);
    ReadRecord record;
    DealResult result;
    result.line = 7;
    if (reader.read_object(json, record)) {
      result.id_json = record.id_json;
      Evaluator(plan()).evaluate(record.facts, testing::options_on(), result);
    } else {
      result.error = record.error;
    }
    std::string out;
    RecordJson(plan()).append(out, result);
    return out;
  }
};

TEST_F(RecordJsonTest, FailedRecordListsEverythingInSpecOrder) {
  EXPECT_EQ(render(R"({"id":"D\"1","n":3,"note":"tab\there","when":"2026-10-01"})"),
            R"({"id":"D\"1","line":7,"gates":{"g":{"status":"fail","failed":["big.1"],)"
            R"("unknown":[],"missing":[],"invalid":[],"milestones":{"big":"fail"},)"
            R"("warnings":["g.recent"],"messages":["only 3, noted \"tab\there\"","56 days"]}}})");
}

// `missing` counts the paths behind unknown `warn`s too (`when`, null here).
TEST_F(RecordJsonTest, UnknownRecordNamesMissingAndInvalidPaths) {
  EXPECT_EQ(render(R"({"n":"many","when":null})"),
            R"({"id":null,"line":7,"gates":{"g":{"status":"fail","failed":["g.has_note"],)"
            R"("unknown":["big.1"],"missing":["when"],"invalid":["n"],)"
            R"("milestones":{"big":"unknown"},)"
            R"("warnings":["g.recent"],"messages":["<missing> days"]}}})");
}

TEST_F(RecordJsonTest, UnreadableRecordIsAnErrorRecord) {
  const std::string out = render("{\"id\":");
  EXPECT_EQ(out.rfind(R"({"line":7,"error":")", 0), 0u) << out;
  EXPECT_EQ(out.back(), '}');
}

// Records are written into room reserved from the result's sizes: a message made only of
// characters that need the longest escape (`\u0001`, six bytes for one) must still fit, whole.
TEST_F(RecordJsonTest, MessageOfControlCharactersIsEscapedWhole) {
  std::string note_json, note_escaped;
  for (int i = 0; i < 300; ++i) {
    note_json += "\\u0001";
    note_escaped += "\\u0001";
  }
  const std::string out =
      render(R"({"id":"D1","n":3,"note":")" + note_json + R"(","when":"2026-11-20"})");
  EXPECT_NE(out.find(R"("messages":["only 3, noted \")" + note_escaped + R"(\""]}}})"),
            std::string::npos)
      << out;
}

// With waivers the record gains `waived` per gate and `waivers` per record (an addition to SPEC
// §7): every waiver that names the deal, in force or expired.
TEST(RecordJsonWaivers, WaivedPerGateAndWaiversPerRecord) {
  Compilation c = compile({{"w.gate", std::string(kRules) + R"(
waiver pilot "W-9: \"pilot\"" {
  deal "D1"
  waives big
  approved by "Dana Lee"
  until @2026-12-31
}
waiver old {
  deal "D1"
  waives g.has_note
  approved by "Sam Ortiz"
  reason "legacy deal"
  until @2026-01-31
}
)"}});
  ASSERT_TRUE(c.ok()) << testing::rendered_diagnostics(c);
  const Plan& plan = *c.plan;
  auto render = [&](const char* json) {
    DealResult result = testing::evaluate_deal(plan, json);
    result.line = 3;
    std::string out;
    RecordJson(plan).append(out, result);
    return out;
  };
  EXPECT_EQ(render(R"({"id":"D1","n":3,"when":"2026-11-20"})"),
            R"({"id":"D1","line":3,"gates":{"g":{"status":"fail","failed":["g.has_note"],)"
            R"("unknown":[],"missing":[],"invalid":[],"milestones":{"big":"pass"},)"
            R"("warnings":[],"messages":[],"waived":["big.1"]}},"waivers":[)"
            R"({"id":"pilot","label":"W-9: \"pilot\"","approver":"Dana Lee","reason":null,)"
            R"("expires":"2026-12-31","waives":["big"],"expired":false},)"
            R"({"id":"old","label":null,"approver":"Sam Ortiz","reason":"legacy deal",)"
            R"("expires":"2026-01-31","waives":["g.has_note"],"expired":true}]})");
  EXPECT_EQ(render(R"({"id":"D2","n":30,"note":"x","when":"2026-11-20"})"),
            R"({"id":"D2","line":3,"gates":{"g":{"status":"pass","failed":[],"unknown":[],)"
            R"("missing":[],"invalid":[],"milestones":{"big":"pass"},"warnings":[],"messages":[],)"
            R"("waived":[]}},"waivers":[]})");
}

TEST(AppendJsonString, EscapesQuotesBackslashesAndControls) {
  std::string out;
  append_json_string(out, "plain");
  append_json_string(out, "a\"b\\c\n\x01");
  EXPECT_EQ(out, R"("plain""a\"b\\c\n\u0001")");
}

}  // namespace
}  // namespace dealgate
