// Rendering a comparison (cli/diff_report.cpp): the text table and lists, colour that keeps the
// columns aligned, JSON with null for a gate that is not there, CSV with error rows in input order.
#include "cli/diff_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace dealgate::cli {
namespace {

// Gates `a` (both sides), `gone` (old only), `fresh` (new only).
Plan make_plan(bool old_side) {
  Plan plan;
  auto gate = [&](const std::string& name, std::vector<std::string> conditions) {
    PlanBlock b;
    b.name = name;
    b.is_gate = true;
    plan.blocks.push_back(b);
    const auto index = static_cast<BlockIndex>(plan.blocks.size() - 1);
    plan.gates.push_back(index);
    for (std::string& id : conditions) {
      PlanCondition c;
      c.id = std::move(id);
      c.block = index;
      plan.conditions.push_back(c);
      plan.blocks[index].conditions.push_back(
          static_cast<ConditionIndex>(plan.conditions.size() - 1));
    }
  };
  if (old_side) {
    gate("a", {"a.1", "a.roi"});
    gate("gone", {"gone.1"});
  } else {
    gate("fresh", {"fresh.1"});
    gate("a", {"a.roi", "a.1", "a.new"});
  }
  return plan;
}

// A result for the gates of `plan` named in `statuses`, failing the named conditions.
DealResult result(const Plan& plan, std::uint64_t line, const std::string& id,
                  std::vector<std::pair<std::string, Status>> statuses,
                  std::vector<std::string> failed = {}) {
  DealResult r;
  r.line = line;
  r.id_json = id.empty() ? "null" : "\"" + id + "\"";
  for (const auto& [name, status] : statuses) {
    GateResult g;
    g.gate = plan.find_block(name);
    g.status = status;
    for (const std::string& c : failed) {
      for (ConditionIndex i = 0; i < plan.conditions.size(); ++i) {
        if (plan.conditions[i].id == c && plan.conditions[i].block == g.gate) g.failed.push_back(i);
      }
    }
    r.gates.push_back(g);
  }
  return r;
}

class DiffReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // D1: a pass → fail on a.new; D2: a fail → fail, a.roi → a.new; D3 unchanged on a.
    add(result(old_, 2, "D1", {{"a", Status::Pass}, {"gone", Status::Pass}}),
        result(new_, 2, "D1", {{"fresh", Status::Fail}, {"a", Status::Fail}},
               {"a.new", "fresh.1"}));
    report_.errors.emplace_back(3, "the row has 1 cell, the header has 4");
    add(result(old_, 4, "D2", {{"a", Status::Fail}, {"gone", Status::Unknown}}, {"a.roi"}),
        result(new_, 4, "D2", {{"fresh", Status::Pass}, {"a", Status::Fail}}, {"a.new"}));
    add(result(old_, 5, "", {{"a", Status::Pass}, {"gone", Status::Pass}}),
        result(new_, 5, "", {{"fresh", Status::Pass}, {"a", Status::Pass}}));
    report_.old_rules = "old/";
    report_.new_rules = "new/";
    report_.today = days_from_civil(2026, 11, 26);
    report_.diff = &diff_;
  }
  void add(const DealResult& before, const DealResult& after) {
    DealChanges changes = diff_.compare(before, after);
    if (!changes.gates.empty()) report_.changes.push_back(std::move(changes));
  }

  Plan old_ = make_plan(true);
  Plan new_ = make_plan(false);
  RuleDiff diff_{old_, new_};
  DiffReport report_;
};

TEST_F(DiffReportTest, Text) {
  std::ostringstream out;
  write_diff_text(report_, out, false);
  EXPECT_EQ(out.str(),
            "Old rules: old/\n"
            "New rules: new/\n"
            "3 deals as of 2026-11-26: 3 deals change on 3 gates (3 in status, 0 only in "
            "conditions); 1 record could not be read.\n"
            "\n"
            "gate            change                  deals\n"
            "fresh (added)   none → pass                 2\n"
            "                none → fail                 1\n"
            "a               pass → fail                 1\n"
            "                fail, other conditions      1\n"
            "                unchanged                   1\n"
            "gone (removed)  pass → none                 2\n"
            "                unknown → none              1\n"
            "\n"
            "Deals that change status\n"
            "\n"
            "D1 (line 2)\n"
            "  a: pass → fail\n"
            "    newly failed: a.new\n"
            "\n"
            "Deals that keep their status for other conditions\n"
            "\n"
            "  D2 (line 4)  a (fail): newly failed a.new; no longer failed a.roi\n"
            "\n"
            "Added and removed gates are counted above, not listed deal by deal; `--format json` "
            "or `--format csv` lists them.\n");
}

TEST_F(DiffReportTest, ColourKeepsTheColumnsAligned) {
  std::ostringstream plain, coloured;
  write_diff_text(report_, plain, false);
  write_diff_text(report_, coloured, true);
  std::string stripped = coloured.str();
  for (std::size_t at = stripped.find('\033'); at != std::string::npos;
       at = stripped.find('\033')) {
    stripped.erase(at, stripped.find('m', at) - at + 1);
  }
  EXPECT_NE(coloured.str(), plain.str());
  EXPECT_EQ(stripped, plain.str());
}

TEST_F(DiffReportTest, Json) {
  std::ostringstream out;
  write_diff_json(report_, out);
  EXPECT_EQ(
      out.str(),
      R"({"old_rules":"old/","new_rules":"new/","today":"2026-11-26","deals":3,"changed":3,"unreadable":1,)"
      R"("gates":[{"gate":"fresh","in":"new","transitions":[{"from":null,"to":"pass","deals":2},)"
      R"({"from":null,"to":"fail","deals":1}],"unchanged":0},)"
      R"({"gate":"a","in":"both","transitions":[{"from":"pass","to":"fail","deals":1},)"
      R"({"from":"fail","to":"fail","deals":1}],"unchanged":1},)"
      R"({"gate":"gone","in":"old","transitions":[{"from":"pass","to":null,"deals":2},)"
      R"({"from":"unknown","to":null,"deals":1}],"unchanged":0}],)"
      R"("changes":[{"id":"D1","line":2,"gates":{)"
      R"("fresh":{"from":null,"to":"fail","newly_failed":["fresh.1"],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]},)"
      R"("a":{"from":"pass","to":"fail","newly_failed":["a.new"],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]},)"
      R"("gone":{"from":"pass","to":null,"newly_failed":[],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]}}},)"
      R"({"id":"D2","line":4,"gates":{)"
      R"("fresh":{"from":null,"to":"pass","newly_failed":[],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]},)"
      R"("a":{"from":"fail","to":"fail","newly_failed":["a.new"],"newly_unknown":[],"no_longer_failed":["a.roi"],"no_longer_unknown":[]},)"
      R"("gone":{"from":"unknown","to":null,"newly_failed":[],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]}}},)"
      R"({"id":null,"line":5,"gates":{)"
      R"("fresh":{"from":null,"to":"pass","newly_failed":[],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]},)"
      R"("gone":{"from":"pass","to":null,"newly_failed":[],"newly_unknown":[],"no_longer_failed":[],"no_longer_unknown":[]}}}],)"
      R"("errors":[{"line":3,"error":"the row has 1 cell, the header has 4"}]})"
      "\n");
}

TEST_F(DiffReportTest, CsvMergesErrorRowsInInputOrder) {
  std::ostringstream out;
  write_diff_csv(report_, out);
  EXPECT_EQ(
      out.str(),
      "id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,error\r\n"
      "D1,2,fresh,,fail,fresh.1,,,,\r\n"
      "D1,2,a,pass,fail,a.new,,,,\r\n"
      "D1,2,gone,pass,,,,,,\r\n"
      ",3,,,,,,,,\"the row has 1 cell, the header has 4\"\r\n"
      "D2,4,fresh,,pass,,,,,\r\n"
      "D2,4,a,fail,fail,a.new,,a.roi,,\r\n"
      "D2,4,gone,unknown,,,,,,\r\n"
      ",5,fresh,,pass,,,,,\r\n"
      ",5,gone,pass,,,,,,\r\n");
}

// With money: the amount of each status change per currency, each gate's total, the deal's amount
// in json and csv; amounts in two currencies are never added up.
TEST(DiffReportMoney, EveryFormatCarriesTheAmountPerCurrency) {
  Plan old_plan = make_plan(true);
  Plan new_plan = make_plan(false);
  new_plan.shown.push_back({"amount", "Amount", ValueType::Number, 0});
  new_plan.money.emplace();
  RuleDiff diff(old_plan, new_plan);
  std::vector<std::string> only_a = {"a"};
  std::string unknown;
  ASSERT_TRUE(diff.select(only_a, unknown));
  DiffMoney money(diff, old_plan, new_plan, false);
  DiffReport report;
  report.old_rules = "old/";
  report.new_rules = "new/";
  report.today = days_from_civil(2026, 11, 26);
  report.diff = &diff;
  report.money = &money;
  auto add = [&](std::uint64_t line, const char* id, Status from, Status to, double amount,
                 const char* currency) {
    DealResult before = result(old_plan, line, id, {{"a", from}});
    DealResult after =
        result(new_plan, line, id, {{"a", to}},
               to == Status::Fail ? std::vector<std::string>{"a.new"} : std::vector<std::string>{});
    after.has_money = true;
    after.money = amount;
    after.currency = currency;
    DealChanges changes = diff.compare(before, after);
    DealMoney deal = money.add(before, after, changes);
    if (changes.gates.empty()) return;
    report.changes.push_back(std::move(changes));
    report.deal_money.push_back(deal);
  };
  add(1, "D1", Status::Pass, Status::Fail, 350000, "EUR");
  add(2, "D2", Status::Pass, Status::Fail, 820000, "USD");
  add(3, "D3", Status::Pass, Status::Fail, 150000.5, "EUR");
  add(4, "D4", Status::Pass, Status::Pass, 999, "EUR");

  std::ostringstream text;
  write_diff_text(report, text, false);
  EXPECT_NE(text.str().find("gate  change       deals  amount\n"
                            "a     pass → fail      3  820,000 USD + 500,000.50 EUR\n"
                            "      unchanged        1\n"
                            "\n"
                            "Amount of the deals that change status\n"
                            "  a     820,000 USD + 500,000.50 EUR (3 deals)\n"),
            std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("D2 (line 2)\n  820,000 USD\n  a: pass → fail\n"), std::string::npos)
      << text.str();
  EXPECT_EQ(text.str().find("1,320,000"), std::string::npos);

  std::ostringstream json;
  write_diff_json(report, json);
  EXPECT_NE(json.str().find(R"({"gate":"a","in":"both","transitions":[{"from":"pass","to":"fail",)"
                            R"("deals":3,"amount":{"EUR":500000.5,"USD":820000}}],"unchanged":1,)"
                            R"("moved":{"EUR":500000.5,"USD":820000}})"),
            std::string::npos)
      << json.str();
  EXPECT_NE(json.str().find(R"({"id":"D3","line":3,"amount":150000.5,"currency":"EUR","gates")"),
            std::string::npos)
      << json.str();
  EXPECT_EQ(json.str().find("next_phase"), std::string::npos);

  std::ostringstream csv;
  write_diff_csv(report, csv);
  EXPECT_EQ(csv.str(),
            "id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,"
            "error,amount,currency\r\n"
            "D1,1,a,pass,fail,a.new,,,,,350000,EUR\r\n"
            "D2,2,a,pass,fail,a.new,,,,,820000,USD\r\n"
            "D3,3,a,pass,fail,a.new,,,,,150000.5,EUR\r\n");
}

}  // namespace
}  // namespace dealgate::cli
