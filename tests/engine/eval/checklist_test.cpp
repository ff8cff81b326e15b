// The checklist `eval --format text` builds from the outcomes it has worked out must read exactly
// as the one `explain` builds from its own walk: compared item by item over many deals, with
// facts missing, of the wrong type, waived, and over the example rule set.
#include "engine/eval/checklist.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include "engine/compile/compiler.hpp"
#include "engine/eval/explain.hpp"
#include "engine/eval/waivers.hpp"
#include "engine/facts/json_facts.hpp"
#include "grammar/diagnostic_render.hpp"
#include "read_text_file.hpp"

namespace dealgate {
namespace {

const char* kRules = R"(
facts { id: string, amount: number, segment: string, a: bool, b: bool, n: number, d: date,
        items: list<{ kind: string, ok: bool, qty: number }>, tags: list<string>,
        inner: { x: number, y: string } }
param limit: number = 10
milestone first { require a else "a is false for {segment}"
  require inner.x > 0 and inner.y != "" else "x is {inner.x}, y is {inner.y}"
  warn small: n < 5 else "n is {n}" }
milestone lists { requires first
  require any(i in items: i.ok and i.qty > 1) else "no good item among {count(items)}"
  require all(i in items: i.kind in tags)
  require sum(i in items: i.qty) >= limit / 2 }
gate g { requires lists
  require big: n > limit else "n is {n}, needs more than {limit}"
  require b or a
  require recent: d >= @2026-01-01 else "d is {d}" }
gate h { requires first
  require n / (amount - 100) > 1 }

waiver acme { deal "D-3", "D-7" waives g.big approved by "Dana Lee" until @2026-12-31 }
waiver public_sector { when segment == "public" waives first approved by "Sam Ortiz"
  until @2027-06-30 }
waiver old { deal "D-5" waives g.2 approved by "Kim Park" until @2025-01-01 }
)";

// The standard fixes mt19937_64's output (not its distributions'), so every run checks the same
// deals.
struct Random {
  std::mt19937_64 engine;
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(engine() % n); }
};

// A field as a CRM export has it: usually right, sometimes absent, null or of the wrong type.
void field(Random& r, std::string& out, const char* key, const std::string& good) {
  const std::uint32_t roll = r.below(10);
  if (roll == 0) return;
  if (out.size() > 1) out += ',';
  out += '"';
  out += key;
  out += "\":";
  out += roll == 1 ? "null" : roll == 2 ? "\"x\"" : roll == 3 ? "[1]" : good;
}

std::string number(Random& r) {
  return std::to_string(static_cast<int>(r.below(40)) - 5);
}
std::string boolean(Random& r) {
  return r.below(2) ? "true" : "false";
}

std::string random_deal(Random& r, int index) {
  std::string out = "{";
  field(r, out, "id", "\"D-" + std::to_string(index % 10) + "\"");
  field(r, out, "amount", std::to_string(95 + r.below(10)));
  field(r, out, "segment", r.below(3) ? "\"private\"" : "\"public\"");
  field(r, out, "a", boolean(r));
  field(r, out, "b", boolean(r));
  field(r, out, "n", number(r));
  field(r, out, "d", r.below(2) ? "\"2026-03-01\"" : "\"2025-12-01\"");
  std::string items = "[";
  for (std::uint32_t i = 0, n = r.below(4); i < n; ++i) {
    std::string item = "{";
    field(r, item, "kind", r.below(2) ? "\"hw\"" : "\"sw\"");
    field(r, item, "ok", boolean(r));
    field(r, item, "qty", number(r));
    items += (i ? "," : "") + item + "}";
  }
  field(r, out, "items", items + "]");
  field(r, out, "tags", r.below(2) ? "[\"hw\",\"sw\"]" : "[\"hw\"]");
  std::string inner = "{";
  field(r, inner, "x", number(r));
  field(r, inner, "y", r.below(2) ? "\"\"" : "\"y\"");
  field(r, out, "inner", inner + "}");
  return out + "}";
}

std::string describe(const Plan& plan, const ChecklistItem& item) {
  std::string out = plan.blocks[item.block].name + " " + plan.conditions[item.condition].id + ": " +
                    item.text + " [";
  for (const FactReading& f : item.facts) out += f.path + "=" + f.value + ";";
  return out + "]";
}

// Evaluates each deal with the checklist on and explains every gate; returns how many checklist
// items were compared, so a test can see that it compared something.
std::size_t compare(const Plan& plan, const std::vector<std::string>& deals) {
  Evaluator evaluator(plan);
  FactsReader reader(plan.schema);
  EvalOptions options;
  options.today = *parse_date("2026-11-26");
  options.checklist = true;
  std::size_t compared = 0;
  for (const std::string& json : deals) {
    ReadRecord record;
    if (!reader.read_object(json, record)) continue;
    DealResult result;
    result.id_json = record.id_json.empty() ? "null" : record.id_json;
    evaluator.evaluate(record.facts, options, result);
    const std::vector<std::uint32_t> waived_by =
        waiver_by_condition(plan, deal_waivers(plan, record.facts, options, result.id_json));
    for (const GateResult& gate : result.gates) {
      Explanation e = explain_gate(plan, record.facts, options, gate.gate, waived_by);
      EXPECT_EQ(gate.status, e.status) << json;
      std::vector<std::string> from_eval, from_explain;
      for (const ChecklistItem& item : gate.checklist) from_eval.push_back(describe(plan, item));
      for (const ChecklistItem& item : e.checklist) from_explain.push_back(describe(plan, item));
      EXPECT_EQ(from_eval, from_explain) << json;
      compared += from_eval.size();
    }
  }
  return compared;
}

TEST(ChecklistTest, ReadsAsExplainsChecklistOverGeneratedDeals) {
  Compilation c = compile({{"c.gate", kRules}});
  std::string diagnostics;
  for (const auto& d : c.diagnostics.items()) diagnostics += render_text(d, c.sources);
  ASSERT_TRUE(c.ok()) << diagnostics;
  Random r{std::mt19937_64(13)};
  std::vector<std::string> deals;
  for (int i = 0; i < 3000; ++i) deals.push_back(random_deal(r, i));
  EXPECT_GT(compare(*c.plan, deals), 3000u);
}

TEST(ChecklistTest, ReadsAsExplainsChecklistOverTheExamples) {
  const std::string folder = std::string(DEALGATE_SOURCE_DIR) + "/examples/";
  Compilation c =
      compile({{"enterprise.gate", testing::read_text_file(folder + "enterprise.gate")}});
  ASSERT_TRUE(c.ok());
  std::vector<std::string> deals;
  std::istringstream lines(testing::read_text_file(folder + "deals.jsonl"));
  for (std::string line; std::getline(lines, line);) deals.push_back(line);
  ASSERT_GT(deals.size(), 40u);
  EXPECT_GT(compare(*c.plan, deals), 20u);
}

TEST(ChecklistTest, UnknownItemSaysWhatToFillIn) {
  evaluation::Causes why;
  why.missing = {"b", "a"};
  why.invalid = {"c"};
  ChecklistItem item = evaluation::unknown_item(1, 2, why, {});
  EXPECT_EQ(item.text,
            "cannot be decided: correct `c` (its value does not fit its type); fill in `a`; "
            "fill in `b`");
  EXPECT_EQ(evaluation::unknown_item(1, 2, {}, {}).text, "cannot be decided: a fact is missing");
}

}  // namespace
}  // namespace dealgate
