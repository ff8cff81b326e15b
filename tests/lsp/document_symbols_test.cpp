#include "lsp/document_symbols.hpp"

#include <gtest/gtest.h>

#include "grammar/parser.hpp"
#include "sample_rules.hpp"

namespace dealgate::lsp {
namespace {

bool contains(const Json& outer, const Json& inner) {
  auto before = [](const Json& a, const Json& b) {
    return a["line"] < b["line"] || (a["line"] == b["line"] && a["character"] <= b["character"]);
  };
  return before(outer["start"], inner["start"]) && before(inner["end"], outer["end"]);
}

TEST(DocumentSymbols, TheOutlineOfTheSample) {
  SourceSet sources;
  FileId id = sources.add("s.gate", testing::kSampleRules);
  Diagnostics diagnostics;
  Json outline = document_symbols(*parse_rule_file(sources, id, diagnostics), sources.file(id));
  std::vector<std::string> names;
  for (const Json& s : outline)
    names.push_back(s["name"].get<std::string>() + ":" + std::to_string(s["kind"].get<int>()));
  EXPECT_EQ(names, (std::vector<std::string>{"Sample:3", "phases:10", "facts:23", "deciders:14",
                                             "min_roi:13", "value_confirmed:5", "enter_delivery:11",
                                             "no value:6"}));
  const Json& facts = outline[2];
  ASSERT_EQ(facts["children"].size(), 4u);
  EXPECT_EQ(facts["children"][3]["name"], "stakeholders");
  EXPECT_EQ(facts["children"][3]["detail"], "list<{ role: string, engaged: bool }>");
  EXPECT_EQ(facts["children"][3]["children"][0]["name"], "role");
  const Json& milestone = outline[5];
  EXPECT_EQ(milestone["detail"], "milestone: Value confirmed");
  ASSERT_EQ(milestone["children"].size(), 2u);
  EXPECT_EQ(milestone["children"][0]["name"], "value_confirmed.1");
  EXPECT_EQ(milestone["children"][1]["name"], "value_confirmed.roi");
  EXPECT_EQ(outline[4]["detail"], "param: number");
  for (const Json& s : outline) {
    EXPECT_TRUE(contains(s["range"], s["selectionRange"])) << s["name"];
    for (const Json& child : s.value("children", Json::array())) {
      EXPECT_TRUE(contains(s["range"], child["range"])) << child["name"];
    }
  }
}

TEST(DocumentSymbols, AWaiver) {
  SourceSet sources;
  FileId id = sources.add("w.gate", "waiver w1 \"DD-1\" {\n  deal \"D-1\"\n  waives g\n}\n");
  Diagnostics diagnostics;
  Json outline = document_symbols(*parse_rule_file(sources, id, diagnostics), sources.file(id));
  ASSERT_EQ(outline.size(), 1u);
  EXPECT_EQ(outline[0]["name"], "w1");
  EXPECT_EQ(outline[0]["detail"], "waiver: DD-1");
  EXPECT_EQ(outline[0]["kind"], 24);
}

}  // namespace
}  // namespace dealgate::lsp
