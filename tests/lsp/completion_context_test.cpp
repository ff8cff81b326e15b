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

// What is completed at the `|` of a text; `group` and the case's place in the table name it.
struct WhatAt {
  const char* group;
  const char* text;
  What what;
};
// gtest names a case by its text.
void PrintTo(const WhatAt& at, std::ostream* out) {
  *out << at.text;
}

const WhatAt kWhatAt[] = {
    // Declarations and statements
    {"Declarations", "|", What::Declaration},
    {"Declarations", "ruleset \"x\"\nmile|", What::Declaration},
    {"Declarations", "milestone m {\n  |\n}", What::Statement},
    {"Declarations", "milestone m {\n  require a\n  re|", What::Statement},
    {"Declarations", "test \"t\" {\n  |", What::TestStatement},
    {"Declarations", "milestone m { require a }\n|", What::Declaration},
    // Names after their keywords
    {"Names", "gate g {\n  requires |", What::Blocks},
    {"Names", "gate g {\n  requires a, b|", What::Blocks},
    {"Names", "gate g enters |", What::Phases},
    {"Names", "stages from stage {\n  \"Won\" -> |", What::Phases},
    {"Names", "test \"t\" {\n  expect |", What::Gates},
    {"Names", "test \"t\" {\n  expect g |", What::Status},
    {"Names", "test \"t\" {\n  expect g fail because a, |", What::Blocks},
    {"Names", "test \"t\" {\n  param |", What::Params},
    // Waivers
    {"Waivers", "waiver w {\n  |", What::WaiverStatement},
    {"Waivers", "waiver w {\n  waives |", What::Blocks},
    {"Waivers", "waiver w {\n  when |", What::Expression},
    {"Waivers", "waiver w {\n  reason |", What::Nothing},
    // Types
    {"Types", "facts {\n  id: |", What::Type},
    {"Types", "facts {\n  xs: list<|", What::Type},
    {"Types", "facts {\n  v: { a: bool, b: |", What::Type},
    {"Types", "param p: |", What::Type},
    // a new field's name
    {"Types", "facts {\n  |", What::Nothing},
    // Expressions
    {"Expressions", "milestone m {\n  require |", What::Expression},
    {"Expressions", "milestone m {\n  require lab: a and |", What::Expression},
    // a continued line
    {"Expressions", "milestone m {\n  require a and\n    |", What::Expression},
    {"Expressions", "const c = |", What::Expression},
    {"Expressions", "param p: number = |", What::Expression},
    {"Expressions", "test \"t\" {\n  param p = |", What::Expression},
    // an interpolation
    {"Expressions", "milestone m {\n  require a else \"at {|", What::Expression},
    // Nothing in comments, strings and numbers
    {"Nothing", "milestone m {\n  # require |", What::Nothing},
    {"Nothing", "milestone m {\n  require a else \"some |", What::Nothing},
    {"Nothing", "milestone m {\n  require a > 12.|", What::Nothing},
    {"Nothing", "milestone m \"ti|", What::Nothing},
};

class CompletionWhat : public ::testing::TestWithParam<WhatAt> {};

TEST_P(CompletionWhat, IsWhatTheTextBeforeTheBarCallsFor) {
  EXPECT_EQ(what(GetParam().text), GetParam().what) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(CompletionContext, CompletionWhat, ::testing::ValuesIn(kWhatAt),
                         [](const ::testing::TestParamInfo<WhatAt>& info) {
                           return std::string(info.param.group) + "_" + std::to_string(info.index);
                         });

TEST(CompletionContext, KnowsTheBlockItIsIn) {
  EXPECT_EQ(at_bar("gate g {\n  requires |").block, "g");
}

TEST(CompletionContext, AWaivedBlocksConditionsAreItsMembers) {
  EXPECT_EQ(at_bar("waiver w {\n  waives value_confirmed.|").member_of,
            std::vector<std::string>{"value_confirmed"});
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

TEST(CompletionContext, AnOffsetPastTheTextIsTheEnd) {
  EXPECT_EQ(completion_context("gate g {\n  requires ", 1000).what, What::Blocks);
}

}  // namespace
}  // namespace dealgate::lsp
