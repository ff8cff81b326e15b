#include "lsp/symbol_index.hpp"

#include <gtest/gtest.h>

#include "sample_rules.hpp"

namespace dealgate::lsp {
namespace {

using testing::kSampleRules;

class SymbolIndexTest : public ::testing::Test {
 protected:
  SymbolIndexTest() : analysis(analyze({{"s.gate", kSampleRules}})), index(analysis) {}

  // The offset of the `n`th (0-based) `text` in the sample, plus `shift`.
  static std::uint32_t at(const std::string& text, int n = 0, int shift = 0) {
    std::size_t found = kSampleRules.find(text);
    while (n-- > 0) found = kSampleRules.find(text, found + 1);
    EXPECT_NE(found, std::string::npos) << text;
    return static_cast<std::uint32_t>(found + shift);
  }
  std::vector<std::string> texts(SymbolKind kind, const std::string& name) const {
    std::vector<std::string> out;
    for (const Occurrence* o : index.occurrences(kind, name)) {
      out.push_back(kSampleRules.substr(o->span.begin, o->span.end - o->span.begin) +
                    (o->is_declaration() ? "*" : ""));
    }
    return out;
  }

  Analysis analysis;
  SymbolIndex index;
};

TEST_F(SymbolIndexTest, MilestonesAreDeclaredRequiredAndNamedByTests) {
  EXPECT_EQ(texts(SymbolKind::Block, "value_confirmed"),
            (std::vector<std::string>{"value_confirmed*", "value_confirmed", "value_confirmed"}));
  EXPECT_EQ(texts(SymbolKind::Block, "enter_delivery").size(), 2u);
  EXPECT_EQ(texts(SymbolKind::Condition, "value_confirmed.roi"),
            (std::vector<std::string>{"roi*", "roi"}));
}

TEST_F(SymbolIndexTest, ConstsAndParamsAreFoundWhereTheCheckerResolvedThem) {
  // min_roi: declared, in a condition, in a message, in a test's param.
  EXPECT_EQ(texts(SymbolKind::Param, "min_roi").size(), 4u);
  EXPECT_EQ(texts(SymbolKind::Const, "deciders"),
            (std::vector<std::string>{"deciders*", "deciders"}));
}

TEST_F(SymbolIndexTest, EachSegmentOfAFactPathNamesItsRecordOrField) {
  EXPECT_EQ(texts(SymbolKind::Fact, "value.annual_benefit"),
            (std::vector<std::string>{"annual_benefit*", "annual_benefit", "annual_benefit"}));
  EXPECT_EQ(texts(SymbolKind::Fact, "value").size(), 4u);  // declared, and three paths through it
  // `s.role` reads the element field of the list `s` ranges over; `s` itself is no fact.
  EXPECT_EQ(texts(SymbolKind::Fact, "stakeholders[].role"),
            (std::vector<std::string>{"role*", "role"}));
  EXPECT_EQ(texts(SymbolKind::Fact, "stakeholders"),
            (std::vector<std::string>{"stakeholders*", "stakeholders"}));
}

TEST_F(SymbolIndexTest, PhasesAreDeclaredAndEntered) {
  EXPECT_EQ(texts(SymbolKind::Phase, "Deliver"), (std::vector<std::string>{"Deliver*", "Deliver"}));
}

TEST_F(SymbolIndexTest, AtFindsTheNameUnderACursorOrJustBeforeIt) {
  const std::uint32_t use = at("min_roi *");
  ASSERT_NE(index.at(0, use), nullptr);
  EXPECT_EQ(index.at(0, use)->name, "min_roi");
  EXPECT_EQ(index.at(0, use + 7)->name, "min_roi") << "just after the name";
  EXPECT_EQ(index.at(0, use + 8), nullptr) << "on the space after it";
  EXPECT_EQ(index.at(0, at("value.confirmed\n", 0, 7))->name, "value.confirmed");
  EXPECT_EQ(index.at(0, at("value.confirmed\n", 0, 2))->name, "value");
  EXPECT_EQ(index.at(1, use), nullptr) << "another file";
}

TEST_F(SymbolIndexTest, TheDeclaredStartOfAPathWithAnErrorStillNamesItsFacts) {
  Analysis typo =
      analyze({{"a.gate", "facts { v: { ok: bool } }\nmilestone m { require v.okk }\n"}});
  ASSERT_TRUE(typo.diagnostics.has_errors());
  SymbolIndex partial(typo);
  EXPECT_EQ(partial.occurrences(SymbolKind::Fact, "v").size(), 2u);
  EXPECT_EQ(partial.occurrences(SymbolKind::Fact, "v.ok").size(), 1u) << "the declaration only";
}

TEST_F(SymbolIndexTest, AWaiverNamesTheBlocksAndConditionsItWaives) {
  Analysis waived = analyze({{"w.gate", kSampleRules + R"(
waiver w1 "desk" {
  deal "D-1"
  waives value_confirmed.roi
  approved by "VP"
  reason "why"
  until @2027-01-01
}
)"}});
  SymbolIndex both(waived);
  EXPECT_EQ(both.occurrences(SymbolKind::Block, "value_confirmed").size(), 4u);
  EXPECT_EQ(both.occurrences(SymbolKind::Condition, "value_confirmed.roi").size(), 3u);
}

TEST_F(SymbolIndexTest, DeclarationIsTheFirstAndDeclarationsListEachNameOnce) {
  Analysis twice = analyze({{"a.gate", "facts { x: number }\nmilestone m { require x > 1 }\n"},
                            {"b.gate", "facts { x: number }\n"}});
  SymbolIndex both(twice);
  ASSERT_NE(both.declaration(SymbolKind::Fact, "x"), nullptr);
  EXPECT_EQ(both.declaration(SymbolKind::Fact, "x")->span.file, 0u);
  EXPECT_EQ(both.declarations(SymbolKind::Fact).size(), 1u);
  EXPECT_EQ(both.occurrences(SymbolKind::Fact, "x").size(), 3u);
  EXPECT_EQ(both.declaration(SymbolKind::Block, "nothing"), nullptr);
}

TEST_F(SymbolIndexTest, WithoutTheCheckerNamesInExpressionsAreNotResolved) {
  Analysis broken =
      analyze({{"a.gate", "const c = 1\nmilestone m { require c > 1 }\n"}, {"b.gate", "{"}});
  SymbolIndex partial(broken);
  EXPECT_EQ(partial.occurrences(SymbolKind::Const, "c").size(), 1u) << "the declaration only";
  EXPECT_NE(partial.declaration(SymbolKind::Block, "m"), nullptr);
}

}  // namespace
}  // namespace dealgate::lsp
