// Record conservation (SPEC §7): however messy the export, every input record comes out once, in
// order, at its line; a record that cannot be read is an error record and costs nothing else.
// Seeded inputs mix the example deals with malformed lines; each one is read by FactsReader and
// evaluated against the shipped rules, and compared with evaluating the good records one by one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;

// Everything a result says, as text, so two results compare with one EXPECT_EQ.
std::string describe(const Plan& plan, const DealResult& r) {
  std::ostringstream out;
  out << "id=" << r.id_json << " error=" << r.error;
  for (const GateResult& g : r.gates) {
    out << "\n" << plan.blocks[g.gate].name << ": " << status_name(g.status) << " failed";
    for (ConditionIndex c : g.failed) out << " " << plan.conditions[c].id;
    out << " unknown";
    for (ConditionIndex c : g.unknown) out << " " << plan.conditions[c].id;
    out << " missing";
    for (const std::string& p : g.missing) out << " " << p;
    out << " invalid";
    for (const std::string& p : g.invalid) out << " " << p;
    out << " milestones";
    for (const auto& [b, s] : g.milestones) out << " " << plan.blocks[b].name << "=" << status_name(s);
    out << " warnings";
    for (ConditionIndex c : g.warnings) out << " " << plan.conditions[c].id;
    for (const std::string& m : g.messages) out << " |" << m;
  }
  return out.str();
}

// Lines that are not records: each must become exactly one error record at its own line.
std::string malformed_line(std::mt19937& rng, const std::vector<std::string>& deals) {
  const std::string& deal = deals[rng() % deals.size()];
  switch (rng() % 12) {
    case 0: return deal.substr(0, 1 + rng() % (deal.size() - 2));  // truncated
    case 1: return "not json at all";
    case 2: return "42";
    case 3: return "\"a string\"";
    case 4: return "[{\"id\": \"in an array\"}]";
    case 5: return "{\"id\": \"D-x\", \"amount\": }";
    case 6: return "{\"id\": \"D-x\", \"stage\": \"bad \xff\xfe utf-8\"}";
    case 7: return std::string(2000, '[') + std::string(2000, ']');  // deeper than the limit
    case 8: return "{\"id\": \"D-x\", \"undeclared\": tru}";
    case 9: return deal + " trailing";
    case 10: return "{\"id\": \"D-x\", \"stage\": \"big\", \"pad\": \"" + std::string(70000, 'x') + "\"}";
    default: return "}" + deal;
  }
}

class RecordConservation : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path root(DEALGATE_SOURCE_DIR);
    RuleInputs inputs = read_rule_inputs({(root / "rules").string()});
    ASSERT_TRUE(inputs.io_errors.empty());
    compilation_ = compile(inputs.files);
    ASSERT_TRUE(compilation_.ok());
    std::ifstream in(root / "examples" / "deals.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) deals_.push_back(line);
    }
    ASSERT_GT(deals_.size(), 20u);
    options_.today = *parse_date("2026-11-26");
  }

  // The result of one record read on its own.
  std::string clean(const std::string& json) {
    const Plan& plan = *compilation_.plan;
    FactsReader reader(plan.schema);
    ReadRecord record;
    EXPECT_TRUE(reader.read_object(json, record)) << record.error;
    Evaluator evaluator(plan);
    DealResult result;
    result.id_json = record.id_json;
    evaluator.evaluate(record.facts, options_, result);
    return describe(plan, result);
  }

  Compilation compilation_;
  std::vector<std::string> deals_;
  EvalOptions options_;
};

TEST_F(RecordConservation, MalformedLinesCostOnlyThemselves) {
  const Plan& plan = *compilation_.plan;
  std::vector<std::string> clean_results;
  for (const std::string& deal : deals_) clean_results.push_back(clean(deal));

  std::size_t checked_good = 0, checked_bad = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    // What each line of the input is: the deal it holds, -1 for a malformed line, -2 for blank.
    std::vector<int> kind;
    std::string input;
    std::size_t lines = 20 + rng() % 80;
    for (std::size_t i = 0; i < lines; ++i) {
      int k;
      std::string text;
      unsigned roll = rng() % 10;
      // The first line is a good record: a broken first line may make the reader take the input
      // for one pretty-printed document, which has its own (tested) rules.
      if (i == 0 || roll < 6) {
        k = static_cast<int>(rng() % deals_.size());
        text = deals_[static_cast<std::size_t>(k)];
      } else if (roll < 9) {
        k = -1;
        text = malformed_line(rng, deals_);
      } else {
        k = -2;
        text = rng() % 2 ? "" : "  \t";
      }
      kind.push_back(k);
      input += text;
      input += seed % 3 == 0 ? "\r\n" : "\n";
    }

    FactsReaderOptions reader_options;
    reader_options.chunk_bytes = 1 + rng() % 4096;  // records split across reads at random
    reader_options.max_record_bytes = 65536;
    FactsReader reader(plan.schema, reader_options);
    Evaluator evaluator(plan);
    std::istringstream in(input);
    std::vector<std::pair<std::uint64_t, std::string>> out;  // line, result or error
    ReadStatus status = reader.read_stream(in, [&](ReadRecord& record) {
      DealResult result;
      result.line = record.line;
      if (!record.error.empty()) {
        out.emplace_back(record.line, "error");
        return;
      }
      result.id_json = record.id_json;
      evaluator.evaluate(record.facts, options_, result);
      out.emplace_back(record.line, describe(plan, result));
    });
    ASSERT_TRUE(status.ok()) << status.error;

    std::vector<std::pair<std::uint64_t, std::string>> expected;
    std::uint64_t bad = 0;
    for (std::size_t i = 0; i < kind.size(); ++i) {
      if (kind[i] == -2) continue;
      if (kind[i] == -1) ++bad;
      expected.emplace_back(i + 1, kind[i] == -1 ? "error" : clean_results[static_cast<std::size_t>(kind[i])]);
    }
    ASSERT_EQ(out.size(), expected.size()) << "seed " << seed << ": records in != records out";
    EXPECT_EQ(status.records, expected.size()) << "seed " << seed;
    EXPECT_EQ(status.bad_records, bad) << "seed " << seed;
    for (std::size_t i = 0; i < out.size(); ++i) {
      ASSERT_EQ(out[i].first, expected[i].first) << "seed " << seed << ", record " << i;
      EXPECT_EQ(out[i].second, expected[i].second) << "seed " << seed << ", line " << out[i].first;
      (expected[i].second == "error" ? checked_bad : checked_good)++;
    }
  }
  // The property was exercised, not vacuously true.
  EXPECT_GT(checked_good, 1000u);
  EXPECT_GT(checked_bad, 300u);
}

}  // namespace
}  // namespace dealgate
