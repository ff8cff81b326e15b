// The checker's golden corpus (tests/golden/check/): every diagnostic a rule set can get, the
// checker's and the few the parser adds, each checked exactly (file, line, column, message, source
// line, caret, help) against the file beside it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/compile/compiler.hpp"
#include "grammar/diagnostic_render.hpp"
#include "read_text_file.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(DEALGATE_SOURCE_DIR) / "tests" / "golden" / "check";

using testing::read_text_file;

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (entry.is_directory() || entry.path().extension() == ".gate")
      names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string compile_case(const std::string& name) {
  std::vector<std::pair<std::string, std::string>> files;
  fs::path dir = kGoldenDir / name;
  if (fs::is_directory(dir)) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths)
      files.emplace_back(name + "/" + p.filename().string(), read_text_file(p));
  } else {
    files.emplace_back(name + ".gate", read_text_file(kGoldenDir / (name + ".gate")));
  }
  Compilation compilation = compile(files);
  std::string out;
  for (const Diagnostic& d : compilation.diagnostics.items())
    out += render_text(d, compilation.sources);
  return out;
}

class GoldenCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCheck, DiagnosticsMatchExpected) {
  const std::string& name = GetParam();
  std::string actual = compile_case(name);
  fs::path expected_path = kGoldenDir / (name + ".expected");
  if (std::getenv("DEALGATE_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << "no " << expected_path << "; run with DEALGATE_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(read_text_file(expected_path), actual);
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenCheck, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

// Every diagnostic code the checker can emit appears somewhere in the corpus.
TEST(GoldenCorpus, CoversEveryCheckerDiagnostic) {
  std::string codes;
  for (const std::string& name : case_names()) {
    fs::path dir = kGoldenDir / name;
    if (fs::is_directory(dir)) continue;
    Compilation c = compile({{name, read_text_file(kGoldenDir / (name + ".gate"))}});
    for (const Diagnostic& d : c.diagnostics.items()) codes += " " + d.code + " ";
  }
  for (const char* code : {"duplicate-name",     "duplicate-ruleset",   "duplicate-phases",
                           "duplicate-phase",    "conflicting-fact",    "name-clash",
                           "param-type",         "param-default",       "unknown-milestone",
                           "unknown-phase",      "duplicate-label",     "condition-not-bool",
                           "constant-condition", "requires-cycle",      "unreached-milestone",
                           "unused-fact",        "const-cycle",         "message-type",
                           "const-reads-deal",   "list-element",        "not-a-record",
                           "unknown-fact",       "block-in-expression", "unknown-name",
                           "type-mismatch",      "unknown-function",    "missing-variable",
                           "wrong-arity",        "exists-needs-fact",   "no-variable-form",
                           "not-a-list",         "given-type",          "given-unknown-fact",
                           "unknown-param",      "unknown-gate",        "unknown-status",
                           "because-on-pass",    "unknown-condition",   "syntax",
                           "invalid-date",       "pasted-text",         "waiver-deals",
                           "waiver-waives",      "waiver-approver",     "waiver-until",
                           "duplicate-clause",   "show-fact-type",      "duplicate-show",
                           "money-type",         "duplicate-money",     "empty-currency"}) {
    EXPECT_NE(codes.find(std::string(" ") + code + " "), std::string::npos)
        << "no golden case for " << code;
  }
}

}  // namespace
}  // namespace dealgate
