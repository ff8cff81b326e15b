// RuleSet: compiling files, folders and texts; diagnostics as values; introspection.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/api_fixtures.hpp"

namespace {

using dealgate_test::source_path;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(RuleSet, CompilesTheShippedRulesFolder) {
  dealgate::CompileResult result = dealgate::RuleSet::compile_files({source_path("rules")});
  ASSERT_TRUE(result.ok()) << result.rendered();
  EXPECT_EQ(result.error_count(), 0u);
  const dealgate::RuleSet& rules = *result.rules;
  EXPECT_EQ(rules.title(), "Enterprise sale: Delivery gates");
  std::vector<std::string> gates;
  for (const auto& g : rules.gates()) gates.push_back(g.name);
  // Folders are taken in sorted path order: delivery.gate, delivery_entry.gate, then the CRM
  // source presets in sources/.
  EXPECT_THAT(gates, ElementsAre("complete_sale", "relationship_built", "enter_delivery"));
  ASSERT_EQ(rules.files().size(), 4u);
  EXPECT_THAT(rules.files()[0], HasSubstr("delivery.gate"));
  EXPECT_THAT(rules.files()[1], HasSubstr("delivery_entry.gate"));
  EXPECT_THAT(rules.files()[2], HasSubstr("sources/hubspot.gate"));
  EXPECT_THAT(rules.files()[3], HasSubstr("sources/salesforce.gate"));
}

TEST(RuleSet, IntrospectsTheSpecExample) {
  const dealgate::RuleSet rules = dealgate_test::spec_rules();
  EXPECT_EQ(rules.title(), "Enterprise sale");
  EXPECT_THAT(rules.phases(), ElementsAre("Discover", "Diagnose", "Design", "Deliver"));
  const auto gates = rules.gates();
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_EQ(gates[0].name, "enter_delivery");
  EXPECT_EQ(gates[0].label, "Ready to enter the Delivery phase");
  EXPECT_EQ(gates[0].enters, "Deliver");
  EXPECT_THAT(gates[0].dependencies, ElementsAre("causes_confirmed", "consequences_confirmed",
                                                 "value_confirmed", "mutual_fit", "acid_test"));
  EXPECT_THAT(gates[0].conditions,
              ElementsAre("enter_delivery.buyer_engaged", "enter_delivery.recent_contact"));
  std::vector<std::string> milestones;
  for (const auto& m : rules.milestones()) milestones.push_back(m.name);
  EXPECT_THAT(milestones,
              ElementsAre("causes_confirmed", "consequences_confirmed", "solution_defined",
                          "value_confirmed", "mutual_fit", "acid_test"));
  const auto params = rules.params();
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].name, "min_roi");
  EXPECT_EQ(params[0].type, "number");
  EXPECT_EQ(params[0].default_value, "3");
  bool saw_price = false, saw_role = false;
  for (const auto& f : rules.facts()) {
    if (f.path == "value.price") saw_price = f.type == "number";
    if (f.path == "stakeholders[].role") saw_role = f.type == "string";
  }
  EXPECT_TRUE(saw_price);
  EXPECT_TRUE(saw_role);
}

TEST(RuleSet, SyntaxErrorsAreDiagnosticsWithPlaceAndRenderedText) {
  dealgate::CompileResult result = dealgate::RuleSet::compile_source(
      "broken.gate", "ruleset \"x\"\nmilestone m {\n  require\n}\n");
  EXPECT_FALSE(result.ok());
  ASSERT_FALSE(result.diagnostics.empty());
  const dealgate::Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.severity, dealgate::Severity::Error);
  EXPECT_EQ(d.file, "broken.gate");
  EXPECT_GE(d.line, 3u);
  EXPECT_GT(d.column, 0u);
  EXPECT_FALSE(d.code.empty());
  EXPECT_THAT(d.rendered, HasSubstr("broken.gate:" + std::to_string(d.line) + ":" +
                                    std::to_string(d.column) + ": error: "));
  EXPECT_EQ(result.rendered(), d.rendered + "\n");
  EXPECT_EQ(result.error_count(), result.diagnostics.size());
}

TEST(RuleSet, UnknownFactIsACheckerDiagnosticWithHelp) {
  dealgate::CompileResult result = dealgate::RuleSet::compile_source(
      "typo.gate", "facts { value: { price: number } }\nmilestone m { require value.prise > 0 }\n");
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].code, "unknown-fact");
  EXPECT_EQ(result.diagnostics[0].line, 2u);
  EXPECT_THAT(result.diagnostics[0].help, HasSubstr("value.price"));
}

TEST(RuleSet, SeveralSourcesCompileTogether) {
  dealgate::CompileResult result = dealgate::RuleSet::compile_sources(
      {{"facts.gate", "facts { n: number }\n"}, {"gates.gate", "gate big { require n > 10 }\n"}});
  ASSERT_TRUE(result.ok()) << result.rendered();
  EXPECT_THAT(result.rules->files(), ElementsAre("facts.gate", "gates.gate"));
}

TEST(RuleSet, MissingPathsAndEmptyInputAreDiagnosticsWithoutPlace) {
  dealgate::CompileResult missing =
      dealgate::RuleSet::compile_files({source_path("no/such/rules")});
  EXPECT_FALSE(missing.ok());
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].code, "unreadable-rules");
  EXPECT_EQ(missing.diagnostics[0].line, 0u);
  EXPECT_THAT(missing.diagnostics[0].rendered, HasSubstr("error: "));
  EXPECT_THAT(missing.diagnostics[0].message, HasSubstr("no such file or folder"));

  dealgate::CompileResult none = dealgate::RuleSet::compile_sources({});
  EXPECT_FALSE(none.ok());
  ASSERT_EQ(none.diagnostics.size(), 1u);
  EXPECT_EQ(none.diagnostics[0].code, "no-rules");
}

TEST(RuleSet, StrictTurnsWarningsIntoErrors) {
  // An unused const is a warning (if the checker reports one); strict mode must then fail.
  const std::string text = "facts { n: number }\nconst unused = 3\ngate g { require n > 1 }\n";
  dealgate::CompileResult relaxed = dealgate::RuleSet::compile_source("w.gate", text);
  ASSERT_TRUE(relaxed.ok()) << relaxed.rendered();
  dealgate::CompileResult strict = dealgate::RuleSet::compile_source("w.gate", text, {true});
  EXPECT_EQ(strict.ok(), relaxed.warning_count() == 0);
  EXPECT_EQ(strict.error_count(), relaxed.warning_count());
}

TEST(RuleSet, CopiesShareOnePlan) {
  const dealgate::RuleSet a = dealgate_test::spec_rules();
  const dealgate::RuleSet b = a;  // NOLINT: a copy is the point
  EXPECT_EQ(&a.title(), &b.title());
}

TEST(Version, MatchesTheHeader) {
  EXPECT_STREQ(dealgate::version(), DEALGATE_VERSION_STRING);
}

}  // namespace
