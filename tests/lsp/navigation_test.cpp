#include "lsp/navigation.hpp"

#include <gtest/gtest.h>

namespace dealgate::lsp {
namespace {

const std::string kFacts = "facts { ok: bool }\nconst limit = 3\nmilestone base { require ok }\n";
const std::string kGates = "gate g {\n  requires base\n  require limit > 2\n}\n";

class NavigationTest : public ::testing::Test {
 protected:
  NavigationTest() : rules(analyze({{"/r/a.gate", kFacts}, {"/r/b.gate", kGates}})) {
    documents.open("file:///r/b.gate", kGates, 1);
  }
  static std::uint32_t in_gates(const std::string& text) {
    return static_cast<std::uint32_t>(kGates.find(text));
  }

  DocumentStore documents;
  CompiledRuleSet rules;
};

TEST_F(NavigationTest, DefinitionGoesToTheDeclarationInAnotherFile) {
  Json to = definition(rules, 1, in_gates("base"), documents);
  EXPECT_EQ(to, Json::parse(R"({"uri":"file:///r/a.gate",
      "range":{"start":{"line":2,"character":10},"end":{"line":2,"character":14}}})"));
  Json limit = definition(rules, 1, in_gates("limit"), documents);
  EXPECT_EQ(limit["range"]["start"], Json::parse(R"({"line":1,"character":6})"));
}

TEST_F(NavigationTest, DefinitionOfADeclarationIsItself) {
  Json self = definition(rules, 1, in_gates("g {"), documents);
  EXPECT_EQ(self["uri"], "file:///r/b.gate") << "the open document's URI";
  EXPECT_EQ(self["range"]["start"]["character"], 5);
}

TEST_F(NavigationTest, NothingToGoTo) {
  EXPECT_TRUE(definition(rules, 1, in_gates("requires"), documents).is_null());
  CompiledRuleSet broken(analyze({{"/r/c.gate", "gate g { requires missing }"}}));
  EXPECT_TRUE(definition(broken, 0, 20, documents).is_null());
}

TEST_F(NavigationTest, ReferencesListEveryUseAcrossFiles) {
  Json all = references(rules, 1, in_gates("base"), true, documents);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["uri"], "file:///r/a.gate");
  EXPECT_EQ(all[1]["uri"], "file:///r/b.gate");
  Json uses =
      references(rules, 0, static_cast<std::uint32_t>(kFacts.find("limit")), false, documents);
  ASSERT_EQ(uses.size(), 1u);
  EXPECT_EQ(uses[0]["range"]["start"], Json::parse(R"({"line":2,"character":10})"));
  EXPECT_TRUE(references(rules, 1, 0, true, documents).empty());
}

}  // namespace
}  // namespace dealgate::lsp
