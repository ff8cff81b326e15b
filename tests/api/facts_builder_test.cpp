// FactsBuilder: typed facts without JSON, checked against the declarations, evaluating exactly as
// the same deal written as JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "api/api_fixtures.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

dealgate::FactsBuilder spec_deal(const dealgate::RuleSet& rules) {
  dealgate::FactsBuilder deal(rules);
  deal.set("id", "T1")
      .set("stage", "Design")
      .set("diagnosis.causes_confirmed", true)
      .set("diagnosis.consequences_confirmed", true)
      .set("diagnosis.confirmed_by", "sponsor")
      .set("solution.parameters_agreed", true)
      .set("solution.parameters", {"uptime", "cost"})
      .set("value.confirmed", true)
      .set("value.annual_benefit", 900000)
      .set("value.price", 100000.0)
      .set("fit.customer_believes_fit", true)
      .set("fit.seller_believes_fit", true)
      .set("acid_test.would_buy_ourselves", false)
      .set("last_customer_contact", dealgate::Date{2026, 11, 20});
  deal.add("stakeholders").set("role", "economic_buyer").set("engaged", true);
  return deal;
}

TEST(FactsBuilder, BuildsTheSameDealAsItsJson) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  const dealgate::FactsBuilder deal = spec_deal(rules);
  ASSERT_TRUE(deal.ok()) << deal.errors().front();
  dealgate::Options options;
  options.today = "2026-11-26";
  dealgate::Evaluator evaluator(rules, options);
  EXPECT_EQ(evaluator.evaluate(deal).to_jsonl(),
            evaluator.evaluate(dealgate_test::kSpecDeal).to_jsonl());
  EXPECT_EQ(deal.json(), R"({"id":"T1","stage":"Design","diagnosis":{"causes_confirmed":true,)"
                         R"("consequences_confirmed":true,"confirmed_by":"sponsor"},)"
                         R"("solution":{"parameters_agreed":true,"parameters":["uptime","cost"]},)"
                         R"("value":{"confirmed":true,"annual_benefit":900000,"price":100000},)"
                         R"("fit":{"customer_believes_fit":true,"seller_believes_fit":true},)"
                         R"("acid_test":{"would_buy_ourselves":false},)"
                         R"("stakeholders":[{"role":"economic_buyer","engaged":true}],)"
                         R"("last_customer_contact":"2026-11-20"})");
}

TEST(FactsBuilder, UnsetFactsAreMissingAndNullClearsOne) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  dealgate::FactsBuilder deal(rules);
  deal.set("value.price", 5).set("value.price", nullptr).set("stage", "x\"y");
  EXPECT_TRUE(deal.ok());
  EXPECT_EQ(deal.json(), R"({"stage":"x\"y","value":{"price":null}})");
  dealgate::Options options;
  options.today = "2026-11-26";
  dealgate::Evaluator evaluator(rules, options);
  const dealgate::Evaluation e = evaluator.evaluate(deal);
  EXPECT_EQ(e.gates.at(0).status, dealgate::Status::Unknown);
  EXPECT_THAT(e.gates.at(0).missing, ::testing::Contains("value.price"));
}

TEST(FactsBuilder, MistakesAreReportedAndNotStored) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  dealgate::FactsBuilder deal(rules);
  deal.set("value.prise", 1);
  deal.set("value.price", "cheap");
  deal.set("value", 3);
  deal.set("stage.name", "x");
  deal.set("last_customer_contact", dealgate::Date{2026, 2, 30});
  deal.set("last_customer_contact", "yesterday");
  deal.set("solution.parameters", {"a", 2});
  deal.set("stakeholders", {"a"});
  deal.set("stage", {"a"});
  deal.add("solution.parameters").set("anything", 1);
  deal.add("stakeholders").set("rol", "sponsor");
  deal.set("value.price", std::numeric_limits<double>::infinity());
  // What each error, in the order of the set() and add() calls above, says in part.
  const std::vector<std::string> expected_errors = {"did you mean `price`",
                                                    "declared number, and a string does not fit",
                                                    "is a record",
                                                    "has no field `name`",
                                                    "2026-02-30 is not a day",
                                                    "not a date",
                                                    "element 2",
                                                    "add() its elements",
                                                    "not a list",
                                                    "list of strings",
                                                    "did you mean `role`",
                                                    "finite"};
  ASSERT_EQ(deal.errors().size(), expected_errors.size());
  for (std::size_t i = 0; i < expected_errors.size(); ++i) {
    EXPECT_THAT(deal.errors()[i], HasSubstr(expected_errors[i])) << "error " << i;
  }
  EXPECT_EQ(deal.json(), R"({"stakeholders":[{}]})");

  dealgate::Evaluator evaluator(rules);
  const dealgate::Evaluation e = evaluator.evaluate(deal);
  EXPECT_FALSE(e.ok());
  EXPECT_THAT(e.error, HasSubstr("the facts builder reported problems"));
  EXPECT_THAT(e.to_jsonl(), HasSubstr(R"({"line":1,"error":)"));

  deal.clear();
  EXPECT_TRUE(deal.ok());
  EXPECT_EQ(deal.json(), "{}");
}

TEST(FactsBuilder, DatesAcceptTimestampsAndTheIdNeedNotBeDeclared) {
  auto compiled = dealgate::RuleSet::compile_source(
      "d.gate", "facts { seen: date, tags: list<date> }\ngate g { require seen < @2027-01-01 }\n");
  ASSERT_TRUE(compiled.ok()) << compiled.rendered();
  dealgate::FactsBuilder deal(*compiled.rules);
  deal.set_id("K-9").set("seen", "2026-11-20T09:23:00Z").set("tags", {dealgate::Date{2026, 1, 2}});
  ASSERT_TRUE(deal.ok()) << deal.errors().front();
  EXPECT_EQ(deal.json(), R"({"id":"K-9","seen":"2026-11-20T09:23:00Z","tags":["2026-01-02"]})");
  dealgate::Evaluator evaluator(*compiled.rules);
  const dealgate::Evaluation e = evaluator.evaluate(deal);
  EXPECT_EQ(e.id(), "K-9");
  EXPECT_TRUE(e.passed());
}

TEST(FactsBuilder, ElementBuildersSurviveAMove) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  dealgate::FactsBuilder deal(rules);
  dealgate::FactsBuilder& stakeholder = deal.add("stakeholders");
  dealgate::FactsBuilder moved = std::move(deal);
  stakeholder.set("rol", "sponsor").set("role", "sponsor");
  ASSERT_EQ(moved.errors().size(), 1u);
  EXPECT_EQ(moved.json(), R"({"stakeholders":[{"role":"sponsor"}]})");
}

TEST(FactsBuilder, BelongsToItsRuleSet) {
  const dealgate::RuleSet a = dealgate_test::spec_rules();
  const dealgate::RuleSet b = dealgate_test::spec_rules();  // compiled again: another rule set
  dealgate::FactsBuilder deal(a);
  dealgate::Evaluator evaluator(b);
  EXPECT_THAT(evaluator.evaluate(deal).error, HasSubstr("another rule set"));
}

TEST(Date, ParsesAndPrints) {
  EXPECT_EQ(dealgate::Date::parse("2026-11-26"), (dealgate::Date{2026, 11, 26}));
  EXPECT_FALSE(dealgate::Date::parse("2026-11-31"));
  EXPECT_FALSE(dealgate::Date::parse("26-11-2026"));
  EXPECT_EQ((dealgate::Date{2026, 1, 5}).to_string(), "2026-01-05");
}

}  // namespace
