// Diagnostics rendered like a compiler's: location, source line, a caret and the underline after
// it, help, notes.
#include "grammar/diagnostic_render.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

// A syntax error with one note, as the parser reports an unclosed bracket.
Diagnostic syntax_error(Span span, std::string message, std::string help, Note note) {
  return {.code = "syntax",
          .message = std::move(message),
          .span = span,
          .help = std::move(help),
          .notes = {std::move(note)}};
}

TEST(DiagnosticRender, CaretUnderlineAndHelp) {
  SourceSet sources;
  FileId f = sources.add("rules/x.gate", "milestone m {\n  requre a\n}\n");
  Diagnostics diagnostics;
  diagnostics.error("syntax", {f, 16, 22}, "expected a statement", "did you mean `require`?");
  EXPECT_EQ(render_text(diagnostics.items()[0], sources),
            "rules/x.gate:2:3: error: expected a statement\n"
            "   |\n"
            " 2 |   requre a\n"
            "   |   ^~~~~~\n"
            "  = help: did you mean `require`?\n");
}

TEST(DiagnosticRender, EmptySpanGetsOneCaretAndNotesFollowHelp) {
  SourceSet sources;
  FileId f = sources.add("x.gate", "const a = (1\n");
  const Diagnostic d = syntax_error({f, 12, 12}, "expected `)` to close `(`", "add `)`",
                                    {{f, 10, 11}, "`(` opened here"});
  EXPECT_EQ(render_text(d, sources),
            "x.gate:1:13: error: expected `)` to close `(`\n"
            "   |\n"
            " 1 | const a = (1\n"
            "   |             ^\n"
            "  = help: add `)`\n"
            "x.gate:1:11: note: `(` opened here\n"
            "   |\n"
            " 1 | const a = (1\n"
            "   |           ^\n");
}

TEST(DiagnosticRender, TabsAndMultiByteCharactersLineUp) {
  SourceSet sources;
  FileId f = sources.add("x.gate", "\tx = \"\xC3\xA9t\xC3\xA9\" ?\n");
  Diagnostics diagnostics;
  diagnostics.warning("w", {f, 5, 12}, "look");  // the string literal "été"
  EXPECT_EQ(render_text(diagnostics.items()[0], sources),
            "x.gate:1:6: warning: look\n"
            "   |\n"
            " 1 | \tx = \"\xC3\xA9t\xC3\xA9\" ?\n"
            "   | \t    ^~~~~\n");
  diagnostics.warning("w", {f, 13, 14}, "after");  // the `?`, past two two-byte characters
  EXPECT_EQ(render_text(diagnostics.items()[1], sources),
            "x.gate:1:14: warning: after\n"
            "   |\n"
            " 1 | \tx = \"\xC3\xA9t\xC3\xA9\" ?\n"
            "   | \t          ^\n");
}

TEST(DiagnosticRender, Json) {
  SourceSet sources;
  FileId f = sources.add("x.gate", "a\n\"b\"\n");
  const Diagnostic d = syntax_error({f, 2, 5}, "bad \"quote\"", "", {{f, 0, 1}, "here"});
  EXPECT_EQ(
      render_json(d, sources),
      R"({"severity":"error","code":"syntax","message":"bad \"quote\"","file":"x.gate","line":2,)"
      R"("column":1,"end_line":2,"end_column":4,"help":"","notes":[{"message":"here","file":"x.gate",)"
      R"("line":1,"column":1}]})");
  EXPECT_EQ(json_escape("a\tb\x01"), "a\\tb\\u0001");
}

TEST(Diagnostics, CountsAndSort) {
  Diagnostics d;
  d.error("e", {1, 5, 6}, "late");
  d.warning("w", {0, 9, 9}, "other file");
  d.error("e", {1, 2, 3}, "early");
  EXPECT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_TRUE(d.has_errors());
  d.sort();
  EXPECT_EQ(d.items()[0].message, "other file");
  EXPECT_EQ(d.items()[1].message, "early");
  EXPECT_EQ(d.items()[2].message, "late");
}

}  // namespace
}  // namespace dealgate
