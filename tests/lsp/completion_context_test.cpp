#include "lsp/completion_context.hpp"

#include <gtest/gtest.h>

namespace dealgate::lsp {
namespace {

using What = CompletionContext::What;

// The context at the `|` in `text`.
CompletionContext at_bar(std::string text) {
  const std::size_t bar = text.find('|');
  EXPECT_NE(bar, std::string::npos);
  text.erase(bar, 1);
  return completion_context(text, static_cast<std::uint32_t>(bar));
}

What what(const std::string& text) {
  return at_bar(text).what;
}

TEST(CompletionContext, DeclarationsAndStatements) {
  EXPECT_EQ(what("|"), What::Declaration);
  EXPECT_EQ(what("ruleset \"x\"\nmile|"), What::Declaration);
  EXPECT_EQ(what("milestone m {\n  |\n}"), What::Statement);
  EXPECT_EQ(what("milestone m {\n  require a\n  re|"), What::Statement);
  EXPECT_EQ(what("test \"t\" {\n  |"), What::TestStatement);
  EXPECT_EQ(what("milestone m { require a }\n|"), What::Declaration);
}

TEST(CompletionContext, NamesAfterTheirKeywords) {
  EXPECT_EQ(what("gate g {\n  requires |"), What::Blocks);
  EXPECT_EQ(what("gate g {\n  requires a, b|"), What::Blocks);
  EXPECT_EQ(at_bar("gate g {\n  requires |").block, "g");
  EXPECT_EQ(what("gate g enters |"), What::Phases);
  EXPECT_EQ(what("stages from stage {\n  \"Won\" -> |"), What::Phases);
  EXPECT_EQ(what("test \"t\" {\n  expect |"), What::Gates);
  EXPECT_EQ(what("test \"t\" {\n  expect g |"), What::Status);
  EXPECT_EQ(what("test \"t\" {\n  expect g fail because a, |"), What::Blocks);
  EXPECT_EQ(what("test \"t\" {\n  param |"), What::Params);
}

TEST(CompletionContext, Waivers) {
  EXPECT_EQ(what("waiver w {\n  |"), What::WaiverStatement);
  EXPECT_EQ(what("waiver w {\n  waives |"), What::Blocks);
  EXPECT_EQ(what("waiver w {\n  when |"), What::Expression);
  EXPECT_EQ(what("waiver w {\n  reason |"), What::Nothing);
  EXPECT_EQ(at_bar("waiver w {\n  waives value_confirmed.|").member_of,
            std::vector<std::string>{"value_confirmed"});
}

TEST(CompletionContext, Types) {
  EXPECT_EQ(what("facts {\n  id: |"), What::Type);
  EXPECT_EQ(what("facts {\n  xs: list<|"), What::Type);
  EXPECT_EQ(what("facts {\n  v: { a: bool, b: |"), What::Type);
  EXPECT_EQ(what("param p: |"), What::Type);
  EXPECT_EQ(what("facts {\n  |"), What::Nothing) << "a new field's name";
}

TEST(CompletionContext, Expressions) {
  EXPECT_EQ(what("milestone m {\n  require |"), What::Expression);
  EXPECT_EQ(what("milestone m {\n  require lab: a and |"), What::Expression);
  EXPECT_EQ(what("milestone m {\n  require a and\n    |"), What::Expression) << "a continued line";
  EXPECT_EQ(what("const c = |"), What::Expression);
  EXPECT_EQ(what("param p: number = |"), What::Expression);
  EXPECT_EQ(what("test \"t\" {\n  param p = |"), What::Expression);
  EXPECT_EQ(what("milestone m {\n  require a else \"at {|"), What::Expression)
      << "an interpolation";
}

TEST(CompletionContext, MembersAfterADot) {
  CompletionContext c = at_bar("milestone m {\n  require value.|");
  EXPECT_EQ(c.what, What::Member);
  EXPECT_EQ(c.member_of, std::vector<std::string>{"value"});
  c = at_bar("milestone m {\n  require diagnosis.causes.conf|");
  EXPECT_EQ(c.member_of, (std::vector<std::string>{"diagnosis", "causes"}));
  c = at_bar("milestone m {\n  require x else \"{value.|");
  EXPECT_EQ(c.what, What::Member);
}

TEST(CompletionContext, QuantifierVariablesInScope) {
  CompletionContext c = at_bar("milestone m {\n  require any(s in deal.people: s.|");
  EXPECT_EQ(c.what, What::Member);
  ASSERT_EQ(c.binders.size(), 1u);
  EXPECT_EQ(c.binders[0], std::make_pair(std::string("s"), std::string("deal.people")));
  c = at_bar("milestone m {\n  require any(s in xs: all(t in s.ys: |");
  EXPECT_EQ(c.binders.size(), 2u);
  c = at_bar("milestone m {\n  require any(s in xs: s.a) and |");
  EXPECT_TRUE(c.binders.empty()) << "out of scope after its parenthesis";
}

TEST(CompletionContext, NothingInCommentsStringsAndNumbers) {
  EXPECT_EQ(what("milestone m {\n  # require |"), What::Nothing);
  EXPECT_EQ(what("milestone m {\n  require a else \"some |"), What::Nothing);
  EXPECT_EQ(what("milestone m {\n  require a > 12.|"), What::Nothing);
  EXPECT_EQ(what("milestone m \"ti|"), What::Nothing);
}

TEST(CompletionContext, AnOffsetPastTheTextIsTheEnd) {
  EXPECT_EQ(completion_context("gate g {\n  requires ", 1000).what, What::Blocks);
}

}  // namespace
}  // namespace dealgate::lsp
