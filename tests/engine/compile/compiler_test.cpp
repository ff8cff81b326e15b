// compile() and its front half, analyze(): what each keeps of a rule set.
#include "engine/compile/compiler.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

const char* kRules = R"(facts { value: { price: number } }
param min_roi: number = 3
milestone priced { require value.price > min_roi }
)";

TEST(Analyze, ChecksWhenEveryFileParses) {
  Analysis a = analyze({{"a.gate", kRules}});
  ASSERT_TRUE(a.checked.has_value());
  EXPECT_FALSE(a.diagnostics.has_errors());
  EXPECT_EQ(a.files.size(), 1u);
  EXPECT_EQ(a.stats.milestones, 1u);
  EXPECT_NE(a.checked->schema.find_path("value.price"), kNoNode);
}

TEST(Analyze, KeepsTheCheckerResultAlongsideItsErrors) {
  Analysis a =
      analyze({{"a.gate", std::string(kRules) + "milestone m { require value.prise > 1 }\n"}});
  ASSERT_TRUE(a.checked.has_value());
  ASSERT_EQ(a.diagnostics.error_count(), 1u);
  EXPECT_EQ(a.diagnostics.items()[0].code, "unknown-fact");
}

TEST(Analyze, DoesNotCheckAfterASyntaxError) {
  Analysis a = analyze({{"a.gate", kRules}, {"b.gate", "milestone {"}});
  EXPECT_FALSE(a.checked.has_value());
  EXPECT_EQ(a.files.size(), 1u);  // a.gate parsed; b.gate did not
  ASSERT_EQ(a.diagnostics.items().size(), 1u);
  EXPECT_EQ(a.diagnostics.items()[0].span.file, 1u);
}

TEST(Compile, GivesTheDiagnosticsOfAnalyzeAndAPlan) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"a.gate", std::string(kRules) + "milestone lonely { require true }\n"}};
  Analysis a = analyze(files);
  Compilation c = compile(files);
  ASSERT_EQ(a.diagnostics.items().size(), c.diagnostics.items().size());
  for (std::size_t i = 0; i < a.diagnostics.items().size(); ++i) {
    EXPECT_EQ(a.diagnostics.items()[i].message, c.diagnostics.items()[i].message);
  }
  EXPECT_TRUE(c.ok());
  CompileOptions strict;
  strict.strict = true;
  EXPECT_FALSE(compile(files, strict).ok()) << "strict: the warnings are errors";
}

}  // namespace
}  // namespace dealgate
