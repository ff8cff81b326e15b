// Limits: input at the edge of what dealgate accepts is handled, input past it is a clear
// diagnostic or error record — never a crash, a stack overflow or unbounded memory.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"

namespace dealgate {
namespace {

std::string rendered(const Compilation& c) {
  std::string out;
  for (const Diagnostic& d : c.diagnostics.items()) out += render_text(d, c.sources);
  return out;
}

// Evaluates `json` against the only gate of `c`.
GateResult evaluate(const Compilation& c, const std::string& json) {
  FactsReader reader(c.plan->schema);
  ReadRecord record;
  EXPECT_TRUE(reader.read_object(json, record)) << record.error;
  Evaluator evaluator(*c.plan);
  DealResult result;
  evaluator.evaluate(record.facts, {}, result);
  return result.gates.at(0);
}

const char* kFacts = "facts {\n  id: string\n  b: bool\n  x: number\n}\n";

TEST(Limits, ChainsUpToTheLimitCompileEvaluateAndFormat) {
  for (std::string op : {" and ", " or "}) {
    // As tall as the parser allows: 1022 operators over comparisons over leaves is 1024 levels.
    std::string chain = "b";
    for (int i = 0; i < 1022; ++i) chain += op + "(x > " + std::to_string(i) + ")";
    std::string rules = std::string(kFacts) + "gate g {\n  require c: " + chain +
                        "\n    else \"{x} {x + x + x}\"\n}\n";
    Compilation c = compile({{"r.gate", rules}});
    ASSERT_TRUE(c.ok()) << rendered(c);
    // Unknown on the way in: every operand's causes are collected.
    // (`true or unknown` is true: with `or`, b is false.)
    GateResult unknown = evaluate(c, op == " and " ? R"({"b": true})" : R"({"b": false})");
    EXPECT_EQ(unknown.status, Status::Unknown);
    EXPECT_EQ(unknown.missing, std::vector<std::string>{"x"});
    GateResult decided = evaluate(c, R"({"b": true, "x": 5000})");
    EXPECT_EQ(decided.status, Status::Pass);
    // The formatter recurses over the same tree.
    std::string formatted = format_rule_file(c.files.at(0), c.sources.file(0));
    EXPECT_TRUE(compile({{"r.gate", formatted}}).ok());
  }
}

TEST(Limits, LongChainsAreOneDiagnostic) {
  std::string chain = "b";
  for (int i = 0; i < 100000; ++i) chain += " and b";
  Compilation c = compile({{"r.gate", std::string(kFacts) + "gate g {\n  require " + chain + "\n}\n"}});
  EXPECT_FALSE(c.ok());
  ASSERT_EQ(c.diagnostics.items().size(), 1u);
  EXPECT_EQ(c.diagnostics.items()[0].code, "syntax");
  EXPECT_EQ(c.diagnostics.items()[0].message,
            "expression is too complex (more than 1024 levels of operators)");
}

TEST(Limits, DeeplyNestedExpressionsAreOneDiagnostic) {
  for (std::string open : {"(", "not ", "- ", "lower(", "[", "any(v in xs: "}) {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += open;
    Compilation c = compile({{"r.gate", std::string(kFacts) + "gate g {\n  require " + deep + "b\n}\n"}});
    EXPECT_FALSE(c.ok()) << open;
    ASSERT_EQ(c.diagnostics.items().size(), 1u) << open;
    EXPECT_EQ(c.diagnostics.items()[0].message,
              "expression is nested too deeply (more than 256 levels)")
        << open;
  }
}

TEST(Limits, DeeplyNestedRecordTypes) {
  auto nested = [](int depth) {
    std::string type = "bool";
    for (int i = 0; i < depth; ++i) type = "{ a: " + type + " }";
    return "facts { r: " + type + " }\ngate g { require exists(r) }\n";
  };
  Compilation ok = compile({{"r.gate", nested(200)}});
  EXPECT_TRUE(ok.ok()) << rendered(ok);
  Compilation deep = compile({{"r.gate", nested(10000)}});
  EXPECT_FALSE(deep.ok());
  ASSERT_EQ(deep.diagnostics.items().size(), 1u);
  EXPECT_EQ(deep.diagnostics.items()[0].code, "syntax");
  std::string list = "bool";
  for (int i = 0; i < 10000; ++i) list = "list<" + list + ">";
  EXPECT_FALSE(compile({{"r.gate", "facts { l: " + list + " }\n"}}).ok());
}

TEST(Limits, ManyConditionsAndALongRequiresChain) {
  std::string many = std::string(kFacts) + "gate g {\n";
  for (int i = 0; i < 20000; ++i) many += "  require x > " + std::to_string(i) + "\n";
  many += "}\n";
  Compilation c = compile({{"r.gate", many}});
  ASSERT_TRUE(c.ok()) << rendered(c);
  GateResult r = evaluate(c, R"({"x": 10000.5})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.failed.size(), 9999u);

  // Each milestone requires the one before: the checker and planner walk the chain without
  // recursion, and only the gate stores its reach (a quadratic amount of memory otherwise).
  std::string chain = std::string(kFacts) + "milestone m0 { require b }\n";
  const int n = 50000;
  for (int i = 1; i < n; ++i) {
    chain += "milestone m" + std::to_string(i) + " { requires m" + std::to_string(i - 1) +
             "\n require b }\n";
  }
  chain += "gate g { requires m" + std::to_string(n - 1) + "\n require x > 0 }\n";
  c = compile({{"r.gate", chain}});
  ASSERT_TRUE(c.ok()) << rendered(c).substr(0, 2000);
  r = evaluate(c, R"({"b": false, "x": 1})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.milestones.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(r.failed.size(), static_cast<std::size_t>(n));

  // A cycle through a long chain is found and reported once.
  std::string cycle = std::string(kFacts) + "milestone m0 { requires m49999\n require b }\n" +
                      chain.substr(chain.find("milestone m1 "));
  c = compile({{"r.gate", cycle}});
  EXPECT_FALSE(c.ok());
  ASSERT_EQ(c.diagnostics.error_count(), 1u);
  EXPECT_EQ(c.diagnostics.items()[0].code, "requires-cycle");
}

TEST(Limits, FilesThatAreNotRuleText) {
  // Empty, blank and comment-only files are empty rule sets.
  for (std::string text : {"", "\n\n   \n", "# only\n# comments", "\xEF\xBB\xBF"}) {
    Compilation c = compile({{"r.gate", text}});
    EXPECT_TRUE(c.ok()) << rendered(c);
    EXPECT_TRUE(c.plan->gates.empty());
  }
  // Not UTF-8: Latin-1, UTF-16, a lone continuation byte, a surrogate.
  for (std::string text : {std::string("const a = \"caf\xE9\"\n"), std::string("\xFF\xFE" "c\0o\0n\0", 8),
                           std::string("# \x80\n"), std::string("const a = \"\xED\xA0\x80\"")}) {
    Compilation c = compile({{"r.gate", text}});
    EXPECT_FALSE(c.ok());
    ASSERT_EQ(c.diagnostics.items().size(), 1u);
    EXPECT_EQ(c.diagnostics.items()[0].code, "invalid-utf8");
    EXPECT_FALSE(rendered(c).empty());
  }
  // NUL bytes are valid UTF-8 but no token: a syntax error that renders.
  for (std::string text : {std::string("\0", 1), std::string("const a = 1\0\n", 13),
                           std::string("const a = \"a\0b\"\n", 16), std::string("# a\0b\nconst\0", 12)}) {
    Compilation c = compile({{"r.gate", text}});
    std::string shown = rendered(c);
    if (text == std::string("const a = \"a\0b\"\n", 16)) {
      EXPECT_TRUE(c.ok()) << shown;  // inside a string, a NUL is just a character
      continue;
    }
    EXPECT_FALSE(c.ok());
    EXPECT_EQ(c.diagnostics.items().at(0).code, "syntax") << shown;
    EXPECT_NE(shown.find("r.gate:"), std::string::npos);
  }
  // Binary noise.
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
  EXPECT_FALSE(compile({{"r.gate", noise}}).ok());
}

TEST(Limits, JsonNestingDepthAndRecordSize) {
  Compilation c = compile({{"r.gate", std::string(kFacts) + "gate g { require b }\n"}});
  ASSERT_TRUE(c.ok()) << rendered(c);
  auto read = [&](const std::string& input, FactsReaderOptions options = {}) {
    FactsReader reader(c.plan->schema, options);
    std::istringstream in(input);
    std::vector<std::string> errors;
    ReadStatus status = reader.read_stream(in, [&](ReadRecord& r) { errors.push_back(r.error); });
    EXPECT_EQ(status.records, errors.size());
    return errors;
  };
  // Deep nesting under an undeclared key: up to the limit it is read (and ignored)...
  std::string deep_ok = "{\"b\": true, \"extra\": " + std::string(1000, '[') + std::string(1000, ']') + "}\n";
  std::string too_deep = "{\"b\": true, \"extra\": " + std::string(100000, '[') + std::string(100000, ']') + "}\n";
  std::vector<std::string> errors = read(deep_ok + too_deep + deep_ok);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], "");
  EXPECT_NE(errors[1], "");  // ...past it, one error record
  EXPECT_EQ(errors[2], "");
  // Deep nesting where a scalar is declared: the value is invalid, the record is read.
  errors = read("{\"b\": " + std::string(500, '[') + std::string(500, ']') + "}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "");
  // One record over the size limit is one error record; the next is read.
  FactsReaderOptions small;
  small.max_record_bytes = 1000;
  small.chunk_bytes = 64;
  errors = read("{\"b\": true, \"pad\": \"" + std::string(5000, 'x') + "\"}\n{\"b\": false}\n", small);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0], "");
  EXPECT_EQ(errors[1], "");
}

}  // namespace
}  // namespace dealgate
