#include "lsp/diagnostics.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "lsp/uri.hpp"

namespace dealgate::lsp {
namespace {

namespace fs = std::filesystem;

// UTF-16 code units in `text`, counted here independently of lsp/positions.cpp.
std::uint32_t utf16_units(std::string_view text) {
  std::uint32_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

// Every file of tests/golden/check (one diagnostic kind each): the editor gets the diagnostics
// `dealgate check` prints, with the same code, message, help and place.
TEST(PublishDiagnostics, GivesWhatCheckGivesForEveryGoldenCase) {
  const fs::path golden = fs::path(DEALGATE_SOURCE_DIR) / "tests" / "golden" / "check";
  std::size_t cases = 0, diagnostics = 0;
  DocumentStore documents;
  for (const auto& entry : fs::directory_iterator(golden)) {
    if (entry.path().extension() != ".gate") continue;
    const std::vector<std::pair<std::string, std::string>> files =
        read_rule_inputs({entry.path().string()}).files;
    const Compilation check = compile(files);
    const std::vector<Json> published = publish_diagnostics_params(analyze(files), documents);
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0]["uri"], uri_from_path(entry.path().string()));
    const Json& list = published[0]["diagnostics"];
    ASSERT_EQ(list.size(), check.diagnostics.items().size()) << entry.path();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Diagnostic& d = check.diagnostics.items()[i];
      const SourceFile& file = check.sources.file(d.span.file);
      const LineColumn at = file.locate(d.span.begin);
      EXPECT_EQ(list[i]["code"], d.code);
      EXPECT_EQ(list[i]["message"], d.help.empty() ? d.message : d.message + "\nhelp: " + d.help);
      EXPECT_EQ(list[i]["severity"], d.severity == Severity::Error ? 1 : 2);
      EXPECT_EQ(list[i]["range"]["start"]["line"], at.line - 1) << entry.path();
      EXPECT_EQ(list[i]["range"]["start"]["character"],
                utf16_units(file.line(at.line).substr(0, at.column - 1)))
          << entry.path();
      EXPECT_EQ(list[i]["source"], "dealgate");
      ++diagnostics;
    }
    ++cases;
  }
  EXPECT_GT(cases, 50u);
  EXPECT_GT(diagnostics, 50u);
}

TEST(PublishDiagnostics, EveryFileOfTheRuleSetGetsAListEmptyOrNot) {
  DocumentStore documents;
  documents.open("file:///r/b%20c.gate", "gate m { require x }", 4);
  const Analysis analysis = analyze({{"/r/a.gate", "facts { ok: bool }\ngate g { require ok }"},
                                     {"/r/b c.gate", "gate m { require x }"}});
  const std::vector<Json> published = publish_diagnostics_params(analysis, documents);
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[0]["uri"], "file:///r/a.gate");
  EXPECT_TRUE(published[0]["diagnostics"].empty());
  EXPECT_FALSE(published[0].contains("version")) << "not open: no version";
  EXPECT_EQ(published[1]["uri"], "file:///r/b%20c.gate") << "the editor's own URI";
  EXPECT_EQ(published[1]["version"], 4);
  EXPECT_EQ(published[1]["diagnostics"][0]["code"], "unknown-name");
}

TEST(DiagnosticJson, NotesBecomeRelatedInformation) {
  DocumentStore documents;
  const Analysis analysis = analyze({{"/r/a.gate", "facts { ok: bool }\ngate m { require ok }\n"},
                                     {"/r/b.gate", "\ngate m { require ok }\n"}});
  ASSERT_EQ(analysis.diagnostics.items().size(), 1u);
  const Diagnostic& duplicate = analysis.diagnostics.items()[0];
  ASSERT_EQ(duplicate.code, "duplicate-name");
  const Json json = diagnostic_json(duplicate, analysis.sources, documents);
  ASSERT_EQ(json["relatedInformation"].size(), 1u);
  EXPECT_EQ(json["relatedInformation"][0]["location"]["uri"], "file:///r/a.gate");
  EXPECT_EQ(json["relatedInformation"][0]["location"]["range"]["start"]["line"], 1);
  EXPECT_EQ(json["relatedInformation"][0]["location"]["range"]["start"]["character"], 5);
  EXPECT_EQ(json["relatedInformation"][0]["message"], "`m` was first declared here");
  EXPECT_EQ(json["range"]["start"]["line"], 1);
}

TEST(UriFor, PrefersTheOpenDocumentsUri) {
  DocumentStore documents;
  documents.open("file:///x/%61.gate", "", 1);  // %61 is `a`, spelled as this client spells it
  EXPECT_EQ(uri_for("/x/a.gate", documents), "file:///x/%61.gate");
  EXPECT_EQ(uri_for("/x/b.gate", documents), "file:///x/b.gate");
  documents.open("untitled:7", "", 1);
  EXPECT_EQ(uri_for("untitled:7", documents), "untitled:7");
}

}  // namespace
}  // namespace dealgate::lsp
