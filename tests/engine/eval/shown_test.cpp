// The `show` declaration read from one deal: each shown fact as text, the money with the currency
// the deal gives, or the one code written; nothing at all unless the caller asks for it.
#include "engine/eval/shown.hpp"

#include <gtest/gtest.h>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate {
namespace {

const char* kRules = R"(
facts {
  id: string
  account: string
  amount: number
  currency: string
  close: { on: date }
  strategic: bool
}
gate g { require amount > 0 }
show {
  account "Account"
  amount "Amount" as money in currency
  close.on "Close"
  strategic
}
)";

DealResult run(const char* rules, const std::string& json, bool shown = true) {
  Compilation c = compile({{"show.gate", rules}});
  std::string all;
  for (const auto& d : c.diagnostics.items()) all += render_text(d, c.sources);
  EXPECT_TRUE(c.ok()) << all;
  FactsReader reader(c.plan->schema);
  ReadRecord record;
  EXPECT_TRUE(reader.read_object(json, record)) << record.error;
  EvalOptions options;
  options.shown = shown;
  Evaluator evaluator(*c.plan);
  DealResult result;
  evaluator.evaluate(record.facts, options, result);
  return result;
}

TEST(Shown, ReadsEachFactAsTextAndTheMoneyWithItsCurrency) {
  DealResult r = run(kRules,
                     R"({"account": "Nordhafen", "amount": 350000.5, "currency": "EUR",
                         "close": {"on": "2026-12-15"}, "strategic": true})");
  ASSERT_EQ(r.shown.size(), 4u);
  EXPECT_EQ(r.shown[0], "Nordhafen");
  EXPECT_EQ(r.shown[1], "350000.5");
  EXPECT_EQ(r.shown[2], "2026-12-15");
  EXPECT_EQ(r.shown[3], "yes");
  EXPECT_TRUE(r.has_money);
  EXPECT_EQ(r.money, 350000.5);
  EXPECT_EQ(r.currency, "EUR");
}

TEST(Shown, AMissingOrInvalidFactShowsEmptyAndNoMoney) {
  DealResult r = run(kRules, R"({"account": 42, "currency": "USD"})");
  ASSERT_EQ(r.shown.size(), 4u);
  EXPECT_EQ(r.shown[0], "");  // a number where text is declared is invalid
  EXPECT_EQ(r.shown[1], "");
  EXPECT_FALSE(r.has_money);
}

TEST(Shown, OneCodeWrittenIsEveryDealsCurrency) {
  const char* rules = R"(
facts { id: string, price: number }
gate g { require price > 0 }
show { price as money in "NOK" }
)";
  DealResult r = run(rules, R"({"price": 90})");
  EXPECT_TRUE(r.has_money);
  EXPECT_EQ(r.currency, "NOK");
}

TEST(Shown, IsNotReadUnlessAskedFor) {
  DealResult r = run(kRules, R"({"account": "Nordhafen", "amount": 1, "currency": "EUR"})", false);
  EXPECT_TRUE(r.shown.empty());
  EXPECT_FALSE(r.has_money);
}

}  // namespace
}  // namespace dealgate
