#include "lsp/source_text.hpp"

#include <gtest/gtest.h>

#include "grammar/parser.hpp"
#include "sample_rules.hpp"

namespace dealgate::lsp {
namespace {

class SourceTextTest : public ::testing::Test {
 protected:
  SourceTextTest() {
    id = sources.add("s.gate", testing::kSampleRules);
    file = *parse_rule_file(sources, id, diagnostics);
  }
  Span span_of(const std::string& text) const {
    auto at = static_cast<std::uint32_t>(testing::kSampleRules.find(text));
    return {id, at, static_cast<std::uint32_t>(at + text.size())};
  }

  SourceSet sources;
  FileId id = 0;
  Diagnostics diagnostics;
  ast::File file;
};

TEST_F(SourceTextTest, TextOfASpan) {
  EXPECT_EQ(text_of(sources, span_of("min_roi")), "min_roi");
}

TEST_F(SourceTextTest, ACommentAfterTheDeclarationOnItsLine) {
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("amount: number")),
            "price of the proposal");
}

TEST_F(SourceTextTest, CommentLinesRightAbove) {
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("value: {")),
            "The customer's view of the value");
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("const deciders")),
            "Roles who can decide.");
}

TEST_F(SourceTextTest, NoCommentAcrossABlankLineOrCode) {
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("param min_roi")), "");
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("milestone value_confirmed")), "");
  EXPECT_EQ(doc_comment(file, sources.file(id), span_of("ruleset")), "");
}

TEST_F(SourceTextTest, TypesAsWritten) {
  const auto& facts = std::get<ast::FactsDecl>(file.decls[2]);
  EXPECT_EQ(type_text(*facts.fields[2].type), "{ confirmed: bool, annual_benefit: number }");
  EXPECT_EQ(type_text(*facts.fields[3].type), "list<{ role: string, engaged: bool }>");
  EXPECT_EQ(type_text(*facts.fields[0].type), "string");
}

}  // namespace
}  // namespace dealgate::lsp
