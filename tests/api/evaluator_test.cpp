// Evaluator and Evaluation: options checked as values, one deal, batches, the SPEC §7 record
// (byte-equal to the `dealgate` program's), threads sharing one RuleSet.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <thread>

#include "api/api_fixtures.hpp"

namespace {

using dealgate_test::kSpecDeal;
using dealgate_test::read_text;
using dealgate_test::source_path;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

dealgate::Options on_spec_day() {
  dealgate::Options options;
  options.today = "2026-11-26";
  return options;
}

TEST(Evaluator, TheSpecDealFailsOnTheAcidTest) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  ASSERT_TRUE(evaluator.ok()) << evaluator.error();
  EXPECT_EQ(evaluator.today(), "2026-11-26");
  const dealgate::Evaluation e = evaluator.evaluate(kSpecDeal);
  ASSERT_TRUE(e.ok()) << e.error;
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(e.id_json, "\"T1\"");
  EXPECT_EQ(e.id(), "T1");
  EXPECT_FALSE(e.passed());
  ASSERT_EQ(e.gates.size(), 1u);
  const dealgate::GateResult* gate = e.gate("enter_delivery");
  ASSERT_NE(gate, nullptr);
  EXPECT_EQ(gate->status, dealgate::Status::Fail);
  EXPECT_THAT(gate->failed, ElementsAre("acid_test.1"));
  EXPECT_TRUE(gate->unknown.empty());
  EXPECT_TRUE(gate->warnings.empty());
  ASSERT_EQ(gate->milestones.size(), 6u);
  EXPECT_EQ(gate->milestones.back(),
            std::make_pair(std::string("acid_test"), dealgate::Status::Fail));
  EXPECT_EQ(gate->milestones.front(),
            std::make_pair(std::string("causes_confirmed"), dealgate::Status::Pass));
  EXPECT_EQ(e.to_jsonl(),
            R"({"id":"T1","line":1,"gates":{"enter_delivery":{"status":"fail",)"
            R"("failed":["acid_test.1"],"unknown":[],"missing":[],"invalid":[],)"
            R"("milestones":{"causes_confirmed":"pass","consequences_confirmed":"pass",)"
            R"("solution_defined":"pass","value_confirmed":"pass","mutual_fit":"pass",)"
            R"("acid_test":"fail"},"warnings":[],"messages":[]}}})");
  EXPECT_EQ(dealgate::to_string(gate->status), std::string("fail"));
}

// A waiver for the deal: its acid test counts as satisfied and is listed in `waived`; the record
// gains the waiver.
TEST(Evaluator, AWaiverForTheDealIsReportedAsWaived) {
  std::string rules =
      read_text(source_path("examples/enterprise.gate")) +
      "waiver t1 { deal \"T1\" waives acid_test approved by \"Dana Lee\" until @2026-12-31 }\n";
  dealgate::CompileResult compiled = dealgate::RuleSet::compile_source("w.gate", rules);
  ASSERT_TRUE(compiled.rules) << compiled.rendered();
  dealgate::Evaluator evaluator(*compiled.rules, on_spec_day());
  const dealgate::Evaluation e = evaluator.evaluate(kSpecDeal);
  ASSERT_TRUE(e.ok()) << e.error;
  const dealgate::GateResult* gate = e.gate("enter_delivery");
  ASSERT_NE(gate, nullptr);
  EXPECT_EQ(gate->status, dealgate::Status::Pass);
  EXPECT_TRUE(gate->failed.empty());
  EXPECT_THAT(gate->waived, ElementsAre("acid_test.1"));
  EXPECT_THAT(e.to_jsonl(), HasSubstr(R"("waived":["acid_test.1"]}},"waivers":[{"id":"t1",)"));
}

TEST(Evaluator, MissingAndInvalidFactsMakeConditionsUnknown) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  const dealgate::Evaluation e = evaluator.evaluate(
      R"({"id":7,"value":{"price":"lots"},"last_customer_contact":"2026-10-01"})");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.id(), "7");
  const dealgate::GateResult& g = e.gates.at(0);
  EXPECT_EQ(g.status, dealgate::Status::Unknown);
  EXPECT_THAT(g.invalid, ElementsAre("value.price"));
  EXPECT_THAT(g.missing, ::testing::Contains("acid_test.would_buy_ourselves"));
  EXPECT_THAT(g.warnings, ElementsAre("enter_delivery.recent_contact"));
  EXPECT_THAT(g.messages, ::testing::Contains("last customer contact was 56 days ago"));
}

TEST(Evaluator, ParamsAndGatesComeFromTheOptions) {
  dealgate::Options options = on_spec_day();
  options.params["min_roi"] = "10";  // 900000 < 10 x 100000: value_confirmed.roi fails
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), options);
  ASSERT_TRUE(evaluator.ok()) << evaluator.error();
  const dealgate::Evaluation e = evaluator.evaluate(kSpecDeal);
  EXPECT_THAT(e.gates.at(0).failed, ElementsAre("value_confirmed.roi", "acid_test.1"));
  EXPECT_THAT(e.gates.at(0).messages, ElementsAre("benefit 900000 is below 10x the price 100000"));
}

TEST(Evaluator, BadOptionsAreValuesAndNothingIsEvaluated) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  auto error_for = [&](dealgate::Options options) {
    dealgate::Evaluator evaluator(rules, options);
    EXPECT_FALSE(evaluator.ok());
    const dealgate::Evaluation e = evaluator.evaluate(kSpecDeal);
    EXPECT_EQ(e.error, evaluator.error());
    EXPECT_TRUE(e.gates.empty());
    std::string out;
    EXPECT_EQ(evaluator.evaluate_jsonl(kSpecDeal, out), 2);
    EXPECT_EQ(out, "");
    const dealgate::BatchSummary summary = evaluator.evaluate_lines_jsonl("{}\n{}\n", out);
    EXPECT_EQ(summary.code(), 2);
    EXPECT_EQ(summary.records, 0u);
    return evaluator.error();
  };
  dealgate::Options bad_day;
  bad_day.today = "2026-02-30";
  EXPECT_THAT(error_for(bad_day), HasSubstr("YYYY-MM-DD"));
  dealgate::Options bad_gate;
  bad_gate.gates = {"enter_delivey"};
  EXPECT_THAT(error_for(bad_gate), HasSubstr("did you mean `enter_delivery`"));
  dealgate::Options milestone;
  milestone.gates = {"acid_test"};
  EXPECT_THAT(error_for(milestone), HasSubstr("is a milestone, not a gate"));
  dealgate::Options bad_param;
  bad_param.params["min_roi"] = "three";
  EXPECT_THAT(error_for(bad_param), HasSubstr("is a number"));
  dealgate::Options unknown_param;
  unknown_param.params["max_roi"] = "3";
  EXPECT_THAT(error_for(unknown_param), HasSubstr("unknown param `max_roi`"));
}

TEST(Evaluator, MalformedJsonIsAnErrorRecord) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  const dealgate::Evaluation e = evaluator.evaluate(R"({"id": "D1", "stage": )");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.line, 1u);
  EXPECT_TRUE(e.gates.empty());
  EXPECT_THAT(e.to_jsonl(), HasSubstr(R"({"line":1,"error":")"));
  const dealgate::Evaluation array = evaluator.evaluate("[1,2]");
  EXPECT_THAT(array.error, HasSubstr("not a JSON object"));
  std::string out;
  EXPECT_EQ(evaluator.evaluate_jsonl("nonsense", out), 3);
  EXPECT_EQ(out.back(), '\n');
}

TEST(Evaluator, BatchesKeepEveryRecordInOrder) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  const std::string buffer = std::string(kSpecDeal) + "\n\nnot json\n" + R"({"id":"D3"})" + "\n";
  std::vector<std::uint64_t> lines;
  std::vector<std::string> ids;
  const dealgate::BatchSummary summary =
      evaluator.evaluate_lines(buffer, [&](const dealgate::Evaluation& e) {
        lines.push_back(e.line);
        ids.push_back(e.ok() ? e.id() : "error");
      });
  EXPECT_THAT(lines, ElementsAre(1u, 3u, 4u));  // blank lines are counted, not records
  EXPECT_THAT(ids, ElementsAre("T1", "error", "D3"));
  EXPECT_EQ(summary.records, 3u);
  EXPECT_EQ(summary.unreadable, 1u);
  EXPECT_EQ(summary.not_passed, 2u);
  EXPECT_EQ(summary.code(), 3);

  // The vector form and the `_jsonl` form agree record by record.
  const std::vector<dealgate::Evaluation> all = evaluator.evaluate_lines(buffer);
  std::string joined;
  for (const auto& e : all) joined += e.to_jsonl() + "\n";
  std::string direct;
  evaluator.evaluate_lines_jsonl(buffer, direct);
  EXPECT_EQ(joined, direct);
  EXPECT_EQ(evaluator.evaluate_lines("").size(), 0u);
}

TEST(Evaluator, AJsonArrayIsReadLikeTheProgramReadsIt) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  const auto all = evaluator.evaluate_lines(std::string("[") + kSpecDeal + ", {\"id\":\"B\"}]");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].line, 2u);
  EXPECT_EQ(all[1].id(), "B");
}

TEST(Evaluator, IdFieldComesFromTheOptions) {
  dealgate::Options options = on_spec_day();
  options.id_field = "stage";
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), options);
  EXPECT_EQ(evaluator.evaluate(kSpecDeal).id(), "Design");
  EXPECT_EQ(evaluator.evaluate(R"({"id":"x"})").id_json, "null");
}

// What the `dealgate` program writes for the same input.
std::string program_output(const std::string& arguments) {
  const std::string command = std::string(DEALGATE_BINARY) + " " + arguments + " 2>/dev/null";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> chunk;
  std::size_t n;
  while ((n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0) out.append(chunk.data(), n);
  pclose(pipe);
  return out;
}

TEST(Evaluator, RecordsAreByteEqualToTheProgramsJsonLines) {
  const std::string deals = source_path("examples/deals.jsonl");
  const std::string expected =
      program_output("eval " + source_path("rules") + " --facts " + deals +
                     " --format jsonl --today 2026-11-26 --param min_roi=4");
  ASSERT_FALSE(expected.empty());
  auto compiled = dealgate::RuleSet::compile_files({source_path("rules")});
  ASSERT_TRUE(compiled.ok());
  dealgate::Options options;
  options.today = "2026-11-26";
  options.params["min_roi"] = "4";
  dealgate::Evaluator evaluator(*compiled.rules, options);
  const std::string buffer = read_text(deals);
  std::string direct;
  evaluator.evaluate_lines_jsonl(buffer, direct);
  EXPECT_EQ(direct, expected);
  std::string rendered;
  for (const auto& e : evaluator.evaluate_lines(buffer)) rendered += e.to_jsonl() + "\n";
  EXPECT_EQ(rendered, expected);

  const std::string one_gate =
      program_output("eval " + source_path("rules") + " --facts " + deals +
                     " --format jsonl --today 2026-11-26" + " --gate relationship_built");
  dealgate::Options gate_options;
  gate_options.today = "2026-11-26";
  gate_options.gates = {"relationship_built"};
  dealgate::Evaluator gate_evaluator(*compiled.rules, gate_options);
  std::string gate_out;
  gate_evaluator.evaluate_lines_jsonl(buffer, gate_out);
  EXPECT_EQ(gate_out, one_gate);
}

TEST(Evaluator, CsvRecordsAreByteEqualToTheProgramsCsvReading) {
  const std::string deals = source_path("examples/deals.csv");
  const std::string expected = program_output("eval " + source_path("rules") + " --facts " + deals +
                                              " --format jsonl --today 2026-11-26");
  ASSERT_FALSE(expected.empty());
  dealgate::Evaluator evaluator(*dealgate::RuleSet::compile_files({source_path("rules")}).rules,
                                on_spec_day());
  std::string out;
  std::vector<std::string> warnings;
  const dealgate::BatchSummary summary =
      evaluator.evaluate_csv_jsonl(read_text(deals), out, &warnings);
  EXPECT_EQ(out, expected);
  EXPECT_EQ(summary.records, 45u);
  EXPECT_EQ(summary.code(), 1);
  EXPECT_TRUE(warnings.empty());  // every column of the example is a declared fact

  // Columns that name no declared fact are named in one warning, as the program prints it.
  out.clear();
  evaluator.evaluate_csv_jsonl("id,crm_owner,crm_region\nD1,Ann,EMEA\n", out, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "2 columns are not declared facts: `crm_owner`, `crm_region`");
}

TEST(Evaluator, CsvRowsThatCannotBeReadAreErrorRecordsWithTheirLine) {
  dealgate::Evaluator evaluator(dealgate_test::spec_rules(), on_spec_day());
  std::string out;
  const dealgate::BatchSummary summary =
      evaluator.evaluate_csv_jsonl("id,stage\nD1,Design\nD2,Design,extra\n", out);
  EXPECT_EQ(summary.records, 2u);
  EXPECT_EQ(summary.unreadable, 1u);
  EXPECT_EQ(out.substr(0, out.find('\n')).rfind(R"({"id":"D1","line":2,)", 0), 0u);
  EXPECT_NE(out.find(R"({"line":3,"error":)"), std::string::npos);
  dealgate::Options bad = on_spec_day();
  bad.gates = {"no_such_gate"};
  std::string none;
  EXPECT_EQ(
      dealgate::Evaluator(dealgate_test::spec_rules(), bad).evaluate_csv_jsonl("id\n", none).code(),
      2);
  EXPECT_EQ(none, "");
}

TEST(Evaluator, ThreadsShareOneRuleSet) {
  const auto compiled = dealgate::RuleSet::compile_files({source_path("rules")});
  ASSERT_TRUE(compiled.ok());
  const dealgate::RuleSet rules = *compiled.rules;
  const std::string buffer = read_text(source_path("examples/deals.jsonl"));
  std::string single;
  dealgate::Evaluator(rules, on_spec_day()).evaluate_lines_jsonl(buffer, single);
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::string& out : outputs) {
    threads.emplace_back([&rules, &buffer, &out] {
      dealgate::Evaluator evaluator(rules, on_spec_day());  // one per thread
      for (int round = 0; round < 5; ++round) {
        out.clear();
        evaluator.evaluate_lines_jsonl(buffer, out);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : outputs) EXPECT_EQ(out, single);
}

TEST(Evaluation, ADefaultEvaluationRendersAsAnErrorRecord) {
  dealgate::Evaluation e;
  EXPECT_TRUE(e.passed());  // no gate reported, none failed (as for rules without gates)
  EXPECT_EQ(e.id(), "");
  EXPECT_EQ(e.gate("x"), nullptr);
  e.error = "bad \"input\"";
  EXPECT_FALSE(e.passed());
  EXPECT_EQ(e.to_jsonl(), R"({"line":0,"error":"bad \"input\""})");
}

TEST(Evaluation, IdDecodesJsonStrings) {
  dealgate::Evaluation e;
  e.id_json = R"("caf\u00e9 \"q\" \ud83d\ude00")";
  EXPECT_EQ(e.id(), "caf\xc3\xa9 \"q\" \xf0\x9f\x98\x80");
}

}  // namespace
