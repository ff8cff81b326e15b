#include "lsp/formatting.hpp"

#include <gtest/gtest.h>

#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"

namespace dealgate::lsp {
namespace {

std::string fmt_output(const std::string& text) {
  SourceSet sources;
  FileId id = sources.add("x.gate", text);
  Diagnostics diagnostics;
  return format_rule_file(*parse_rule_file(sources, id, diagnostics), sources.file(id));
}

TEST(FormatDocument, OneEditOfTheWholeDocumentWithWhatFmtPrints) {
  const std::string messy = "facts {ok:bool}\ngate   g{require ok}\n# end\n";
  Json edits = format_document(SourceFile("x.gate", messy));
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0]["newText"], fmt_output(messy));
  EXPECT_NE(edits[0]["newText"], messy);
  EXPECT_EQ(edits[0]["range"],
            Json::parse(R"({"start":{"line":0,"character":0},"end":{"line":3,"character":0}})"));
}

TEST(FormatDocument, AFormattedDocumentNeedsNoEdit) {
  const std::string formatted = fmt_output("facts {ok:bool}\ngate g{require ok}\n");
  EXPECT_TRUE(format_document(SourceFile("x.gate", formatted)).empty());
}

TEST(FormatDocument, ATextThatDoesNotParseIsLeftAloneWithAReason) {
  try {
    format_document(SourceFile("x.gate", "facts { ok: bool }\ngate g {\n  require\n}\n"));
    FAIL() << "no error";
  } catch (const RpcError& e) {
    EXPECT_EQ(e.code, rpc_error::kRequestFailed);
    EXPECT_EQ(std::string(e.what()).rfind("not formatted: line 4: ", 0), 0u) << e.what();
  }
  EXPECT_THROW(format_document(SourceFile("x.gate", "const d = @2026-02-30\n")), RpcError)
      << "an impossible date: the parse goes on, but with an error";
}

}  // namespace
}  // namespace dealgate::lsp
