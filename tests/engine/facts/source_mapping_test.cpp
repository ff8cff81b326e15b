// Sources (engine/facts/source_mapping.cpp, and engine/facts/csv_facts.cpp reading through one):
// each cell format, the messages for bad values, header names with spaces and case, the footer and
// blank rows of a report; and that the shipped presets read the fixture exports of the same 50
// deals into the same results as their JSON Lines.
#include "engine/facts/source_mapping.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "engine/compiled_rules.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/eval/explain.hpp"
#include "engine/facts/csv_facts.hpp"
#include "engine/facts/csv_records.hpp"
#include "engine/facts/json_facts.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRules = R"gate(
facts {
  id: string
  amount: number
  currency: string
  probability: number
  close_on: date
  reviewed_on: date
  signed: bool
  products: list<string>
}
source crm "A CRM report" {
  "Opportunity ID" -> id
  "Amount" -> amount as money
  currency = "USD"
  "Probability (%)" -> probability as percent
  "Close Date" -> close_on as date "MM/DD/YYYY"
  "Review Date" -> reviewed_on as date "DD.MM.YYYY"
  "Signed" -> signed as bool
  "Products" -> products as list ";"
  footer "Grand Totals", "Confidential Information"
}
milestone reviewed { require held: exists(reviewed_on) else "the review has not happened" }
gate ready { requires reviewed  require closing: close_on >= @2026-01-01 }
)gate";

class SourceMappingTest : public testing::CompiledRulesTest {
 protected:
  SourceMappingTest() : CompiledRulesTest(kRules) {}
  void SetUpPlan() override { ASSERT_EQ(plan().sources.size(), 1u); }
  const SourceColumn& column(std::string_view header) const {
    const SourceColumn* c = find_source_column(plan().sources[0], header);
    EXPECT_NE(c, nullptr) << header;
    return *c;
  }
  // The JSON a cell becomes, or "<bad>".
  std::string convert(std::string_view header, std::string_view cell) const {
    std::string json;
    return convert_source_cell(column(header), cell, json) ? json : "<bad>";
  }
  using Seen = testing::SeenRecord;
  std::vector<Seen> read(const std::string& csv) {
    CsvReaderOptions options;
    options.sources = {&plan().sources[0]};
    options.on_warning = [&](const CsvWarning& w) { warnings_.push_back(w); };
    return testing::read_csv_records(plan().schema, csv, options, status_);
  }
  const FactValue& at(const Seen& s, std::string_view path) const {
    return testing::fact_at(plan().schema, s, path);
  }

  ReadStatus status_;
  std::vector<CsvWarning> warnings_;
};

TEST_F(SourceMappingTest, MoneyTakesSymbolsCodesSeparatorsAndSigns) {
  EXPECT_EQ(convert("Amount", "$1,200,000.00"), "1200000");
  EXPECT_EQ(convert("Amount", "USD 640,000.00"), "640000");
  EXPECT_EQ(convert("Amount", "640,000.50 USD"), "640000.5");
  EXPECT_EQ(convert("Amount", "\xE2\x82\xAC 1,234"), "1234");
  EXPECT_EQ(convert("Amount", "1200000"), "1200000");
  EXPECT_EQ(convert("Amount", "-$5.25"), "-5.25");
  EXPECT_EQ(convert("Amount", "($5.25)"), "-5.25");
  EXPECT_EQ(convert("Amount", "1,20,000.00"), "<bad>");  // groups of three only
  EXPECT_EQ(convert("Amount", "12.5.3"), "<bad>");
  EXPECT_EQ(convert("Amount", "about 5"), "<bad>");
}

TEST(SourceNumberPatternTest, ADecimalCommaSampleReadsEuropeanAmounts) {
  std::optional<NumberPattern> p = parse_number_pattern("1.234,56");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->group, '.');
  EXPECT_EQ(p->decimal, ',');
  SourceColumn c;
  c.format = CellFormat::Money;
  c.number = *p;
  std::string json;
  ASSERT_TRUE(convert_source_cell(c, "1.200.000,00 \xE2\x82\xAC", json));
  EXPECT_EQ(json, "1200000");
  json.clear();
  ASSERT_TRUE(convert_source_cell(c, "EUR 1.200,5", json));
  EXPECT_EQ(json, "1200.5");
  EXPECT_EQ(format_example(c), "$1.200.000,00");
  EXPECT_FALSE(parse_number_pattern("abc"));
}

TEST_F(SourceMappingTest, PercentIsAFraction) {
  EXPECT_EQ(convert("Probability (%)", "15.00%"), "0.15");
  EXPECT_EQ(convert("Probability (%)", "15"), "0.15");
  EXPECT_EQ(convert("Probability (%)", "100 %"), "1");
  EXPECT_EQ(convert("Probability (%)", "high"), "<bad>");
}

TEST_F(SourceMappingTest, DatesFollowTheirPattern) {
  EXPECT_EQ(convert("Close Date", "12/15/2026"), "\"2026-12-15\"");
  EXPECT_EQ(convert("Close Date", "1/5/2026"), "\"2026-01-05\"");
  EXPECT_EQ(convert("Close Date", "15/12/2026"), "<bad>");  // no month 15
  EXPECT_EQ(convert("Close Date", "02/30/2026"), "<bad>");
  EXPECT_EQ(convert("Close Date", "2026-12-15"), "\"2026-12-15\"");  // ISO is read under any
  EXPECT_EQ(convert("Review Date", "15.12.2026"), "\"2026-12-15\"");
  EXPECT_EQ(convert("Review Date", "12/15/2026"), "<bad>");

  std::string error;
  SourceColumn c;
  c.format = CellFormat::Date;
  c.pattern = "YYYY-MM-DD HH:mm";
  c.date = *parse_date_pattern(c.pattern, error);
  std::string json;
  ASSERT_TRUE(convert_source_cell(c, "2026-12-15 17:00", json));
  EXPECT_EQ(json, "\"2026-12-15\"");
  json.clear();
  EXPECT_FALSE(convert_source_cell(c, "2026-12-15 25:00", json));
  c.date = *parse_date_pattern("ISO", error);
  json.clear();
  ASSERT_TRUE(convert_source_cell(c, "2026-12-15T23:30:00.123+01:00", json));
  EXPECT_EQ(json, "\"2026-12-15\"");
  c.date = *parse_date_pattern("MM/DD/YYYY hh:mm A", error);
  json.clear();
  ASSERT_TRUE(convert_source_cell(c, "12/7/2026 9:14 AM", json));
  EXPECT_EQ(json, "\"2026-12-07\"");

  EXPECT_FALSE(parse_date_pattern("MM/YYYY", error));
  EXPECT_NE(error.find("year, the month and the day"), std::string::npos);
  EXPECT_FALSE(parse_date_pattern("DD/MM/YYYY q", error));
}

TEST_F(SourceMappingTest, BoolsInEveryExportsSpelling) {
  for (const char* yes : {"TRUE", "true", "Y", "y", "Yes", "1", "checked", "On"})
    EXPECT_EQ(convert("Signed", yes), "true") << yes;
  for (const char* no : {"FALSE", "N", "no", "0", "Unchecked", "off"})
    EXPECT_EQ(convert("Signed", no), "false") << no;
  EXPECT_EQ(convert("Signed", "maybe"), "<bad>");
}

TEST_F(SourceMappingTest, ListsSplitOnTheSeparator) {
  EXPECT_EQ(convert("Products", "Uptime;Cost"), R"(["Uptime","Cost"])");
  EXPECT_EQ(convert("Products", " Uptime ; ;Cost; "), R"(["Uptime","Cost"])");
  EXPECT_EQ(convert("Products", "One \"quoted\""), R"(["One \"quoted\""])");
}

// A list column's items go straight into the list's elements, each a string.
TEST_F(SourceMappingTest, ListItemsAreTheListsElements) {
  std::vector<Seen> seen = read(
      "Opportunity ID,Products,Signed\n"
      "006A,\" Uptime ;\xC2\xA0; Cost \"\"plus\"\"\",N\n"
      "006B,;,Y\n");
  ASSERT_EQ(seen.size(), 2u);
  ASSERT_EQ(at(seen[0], "products").state, FactState::Present);
  const Facts& facts = seen[0].facts;
  const ListRef& products = facts.lists[at(seen[0], "products").list];
  ASSERT_EQ(products.count, 2u);
  EXPECT_EQ(facts.element(products, 0)->state, FactState::Present);
  EXPECT_EQ(facts.text(*facts.element(products, 0)), "Uptime");
  EXPECT_EQ(facts.text(*facts.element(products, 1)), "Cost \"plus\"");
  EXPECT_FALSE(at(seen[0], "signed").boolean);
  // Only separators: a list without items, not a missing one.
  ASSERT_EQ(at(seen[1], "products").state, FactState::Present);
  EXPECT_EQ(seen[1].facts.lists[at(seen[1], "products").list].count, 0u);
}

TEST_F(SourceMappingTest, HeaderNamesIgnoreCaseAndExtraSpaces) {
  EXPECT_EQ(find_source_column(plan().sources[0], " close  DATE ")->path, "close_on");
  EXPECT_EQ(find_source_column(plan().sources[0], "Closed"), nullptr);
}

TEST_F(SourceMappingTest, ColumnsWithSpacesFillFactsAndConstantsFillTheRest) {
  std::vector<Seen> seen = read(
      "Opportunity ID,Amount,Close Date,Signed,Products\n"
      "006A,\"$1,200,000.00\",12/15/2026,Y,Uptime;Cost\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].error, "");
  EXPECT_EQ(at(seen[0], "amount").number, 1200000);
  EXPECT_EQ(seen[0].facts.text(at(seen[0], "currency")), "USD");
  EXPECT_EQ(at(seen[0], "close_on").state, FactState::Present);
  EXPECT_TRUE(at(seen[0], "signed").boolean);
  EXPECT_EQ(at(seen[0], "products").state, FactState::Present);
}

TEST_F(SourceMappingTest, ABadValueNamesColumnLineValueFormatAndExample) {
  std::vector<Seen> seen = read(
      "Opportunity ID,Close Date\n"
      "006A,12/15/2026\n"
      "006B,15/12/2026\n");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(status_.bad_records, 0u);  // a bad value is an invalid fact, not an unreadable deal
  EXPECT_EQ(at(seen[1], "close_on").state, FactState::Invalid);
  EXPECT_EQ(seen[1].facts.text(at(seen[1], "close_on")), "\"15/12/2026\"");
  const CsvWarning* bad = nullptr;
  for (const CsvWarning& w : warnings_)
    if (w.line == 3) bad = &w;
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->message,
            "column `Close Date`, line 3: `15/12/2026` is not a date in the format MM/DD/YYYY");
  EXPECT_NE(bad->help.find("`12/15/2026`"), std::string::npos) << bad->help;
  EXPECT_EQ(bad->column, 2u);
}

TEST_F(SourceMappingTest, TheFooterAndBlankRowsAreSkippedAndCounted) {
  std::vector<Seen> seen = read(
      "\"Opportunity ID\",\"Amount\"\n"
      "\"006A\",\"USD 1.00\"\n"
      "\"\"\n"
      "\"Grand Totals (1 records)\"\n"
      "\"\"\n"
      "\"Confidential Information - Do Not Distribute\"\n"
      "\"Acme Inc.\"\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(status_.records, 1u);
  EXPECT_EQ(status_.bad_records, 0u);
  ASSERT_FALSE(warnings_.empty());
  EXPECT_TRUE(warnings_.back().note);
  EXPECT_EQ(warnings_.back().message,
            "source `crm`: skipped the report's footer (4 lines from line 4) and 1 blank row; "
            "they are not deals");
}

TEST_F(SourceMappingTest, AnInvalidDateIsNeverExplainedAsAbsent) {
  std::vector<Seen> seen =
      read("Opportunity ID,Review Date,Close Date\n006A,31/12/2026,1/5/2026\n");
  ASSERT_EQ(seen.size(), 1u);
  ASSERT_EQ(at(seen[0], "reviewed_on").state, FactState::Invalid);
  EvalOptions options;
  options.today = days_from_civil(2026, 12, 7);
  const std::string said =
      "correct `reviewed_on` (invalid: \"31/12/2026\"): the value does not fit its type, so "
      "`exists` reads it as not there";
  // In `explain`, and in the checklist of `eval --format text`.
  std::vector<ChecklistItem> items =
      explain_gate(plan(), seen[0].facts, options, plan().gates[0]).checklist;
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, said);
  EXPECT_EQ(items[0].text.find("has not happened"), std::string::npos);
  options.checklist = true;
  Evaluator evaluator(plan());
  DealResult result;
  evaluator.evaluate(seen[0].facts, options, result);
  ASSERT_EQ(result.gates.at(0).checklist.size(), 1u);
  EXPECT_EQ(result.gates[0].checklist[0].text, said);
}

TEST_F(SourceMappingTest, AHeaderOfFactPathsIsReadAsBefore) {
  std::vector<Seen> seen = read("id,amount,close_on\n006A,5,2026-12-15\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(at(seen[0], "amount").number, 5);
  EXPECT_EQ(at(seen[0], "currency").state, FactState::Missing);  // no source, no constant
}

// The issue's acceptance: the same deals through a Salesforce report, a HubSpot export and JSON
// Lines give the same results with the shipped rules.
TEST(SourcePresetsTest, SalesforceHubSpotAndJsonLinesGiveTheSameResults) {
  const fs::path root(DEALGATE_SOURCE_DIR);
  RuleInputs inputs = read_rule_inputs({(root / "rules").string()});
  ASSERT_TRUE(inputs.io_errors.empty());
  Compilation compilation = compile(inputs.files);
  ASSERT_TRUE(compilation.ok());
  const Plan& plan = *compilation.plan;
  ASSERT_EQ(plan.sources.size(), 2u);
  EvalOptions options;
  options.today = days_from_civil(2026, 12, 7);
  auto evaluate_all = [&](auto& reader, const fs::path& path) {
    std::vector<std::string> out;
    Evaluator evaluator(plan);
    ReadStatus status = reader.read_file(path.string(), [&](ReadRecord& record) {
      DealResult result;
      result.id_json = record.id_json;
      result.error = record.error;
      if (record.error.empty()) evaluator.evaluate(record.facts, options, result);
      std::string text = result.id_json + " " + result.error;
      for (const GateResult& g : result.gates) {
        text += " " + std::to_string(static_cast<int>(g.status));
        for (ConditionIndex c : g.failed) text += " f" + std::to_string(c);
        for (ConditionIndex c : g.unknown) text += " u" + std::to_string(c);
        for (const std::string& m : g.messages) text += " " + m;
      }
      out.push_back(text);
    });
    EXPECT_TRUE(status.ok()) << status.error;
    EXPECT_EQ(status.bad_records, 0u);
    return out;
  };
  const fs::path fixtures = root / "tests" / "fixtures" / "crm";
  FactsReader json_reader(plan.schema);
  std::vector<std::string> notes;
  CsvReaderOptions csv_options;
  for (const SourceSpec& s : plan.sources) csv_options.sources.push_back(&s);
  csv_options.on_warning = [&](const CsvWarning& w) { notes.push_back(w.message); };
  CsvFactsReader csv_reader(plan.schema, csv_options);
  std::vector<std::string> from_json = evaluate_all(json_reader, fixtures / "deals.jsonl");
  std::vector<std::string> from_salesforce =
      evaluate_all(csv_reader, fixtures / "salesforce_report.csv");
  ASSERT_EQ(notes.size(), 1u) << notes.front();  // only the footer note: every value read
  EXPECT_EQ(notes[0],
            "source `salesforce`: skipped the report's footer (7 lines from line 53) and 1 blank "
            "row; they are not deals");
  notes.clear();
  std::vector<std::string> from_hubspot = evaluate_all(csv_reader, fixtures / "hubspot_deals.csv");
  EXPECT_TRUE(notes.empty()) << notes.front();
  ASSERT_EQ(from_json.size(), 50u);
  EXPECT_EQ(from_salesforce, from_json);
  EXPECT_EQ(from_hubspot, from_json);
}

}  // namespace
}  // namespace dealgate
