// `dealgate fmt` changes layout, never meaning: on the shipped rules, the SPEC example and every
// golden case that parses, formatting is idempotent and the formatted rules compile to the same
// diagnostics and give the same results.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"
#include "read_text_file.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;

using testing::read_text_file;

std::vector<fs::path> rule_files() {
  std::vector<fs::path> files;
  fs::path root(DEALGATE_SOURCE_DIR);
  for (const char* dir : {"rules", "examples", "tests/golden/check"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.path().extension() == ".gate") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> format_text(const std::string& path, const std::string& text) {
  SourceSet sources;
  FileId id = sources.add(path, text);
  Diagnostics diagnostics;
  auto file = parse_rule_file(sources, id, diagnostics);
  if (!file || diagnostics.has_errors()) return std::nullopt;
  return format_rule_file(*file, sources.file(id));
}

std::vector<std::string> codes(const Compilation& c) {
  std::vector<std::string> out;
  for (const Diagnostic& d : c.diagnostics.items()) out.push_back(d.code + ": " + d.message);
  return out;
}

TEST(FormatterRoundTrip, IdempotentAndSameDiagnostics) {
  std::size_t formatted = 0;
  for (const fs::path& path : rule_files()) {
    std::string text = read_text_file(path);
    auto once = format_text(path.string(), text);
    if (!once) continue;
    ++formatted;
    auto twice = format_text(path.string(), *once);
    ASSERT_TRUE(twice) << path << " does not parse after formatting:\n" << *once;
    EXPECT_EQ(*twice, *once) << path << " is not stable under fmt";
    EXPECT_EQ(codes(compile({{"f.gate", text}})), codes(compile({{"f.gate", *once}}))) << path;
  }
  EXPECT_GT(formatted, 10u);
}

TEST(FormatterRoundTrip, ShippedRulesGiveTheSameResultsOnEveryExampleDeal) {
  fs::path root(DEALGATE_SOURCE_DIR);
  RuleInputs inputs = read_rule_inputs({(root / "rules").string()});
  ASSERT_TRUE(inputs.io_errors.empty());
  std::vector<std::pair<std::string, std::string>> formatted;
  for (const auto& [path, text] : inputs.files) {
    auto f = format_text(path, text);
    ASSERT_TRUE(f) << path;
    formatted.emplace_back(path, *f);
  }
  Compilation original = compile(inputs.files);
  Compilation reformatted = compile(formatted);
  ASSERT_TRUE(original.ok());
  ASSERT_TRUE(reformatted.ok());

  EvalOptions options;
  options.today = *parse_date("2026-11-26");
  Evaluator a(*original.plan), b(*reformatted.plan);
  FactsReader reader(original.plan->schema);
  std::size_t deals = 0;
  reader.read_file((root / "examples" / "deals.jsonl").string(), [&](ReadRecord& record) {
    if (!record.error.empty()) return;
    DealResult ra, rb;
    a.evaluate(record.facts, options, ra);
    b.evaluate(record.facts, options, rb);
    ASSERT_EQ(ra.gates.size(), rb.gates.size());
    for (std::size_t g = 0; g < ra.gates.size(); ++g) {
      EXPECT_EQ(ra.gates[g].status, rb.gates[g].status) << "line " << record.line;
      EXPECT_EQ(ra.gates[g].failed, rb.gates[g].failed) << "line " << record.line;
      EXPECT_EQ(ra.gates[g].unknown, rb.gates[g].unknown) << "line " << record.line;
      EXPECT_EQ(ra.gates[g].missing, rb.gates[g].missing) << "line " << record.line;
      EXPECT_EQ(ra.gates[g].messages, rb.gates[g].messages) << "line " << record.line;
    }
    ++deals;
  });
  EXPECT_GT(deals, 20u);
}

}  // namespace
}  // namespace dealgate
