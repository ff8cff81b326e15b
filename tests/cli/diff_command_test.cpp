// `dealgate diff` as users run it: the shipped rules against a stricter copy, on the example deals
// as CSV and as JSON Lines; formats, gate selection, params, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "run_binary.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;
using testing::exited_saying;
using testing::holds;
using testing::run_dealgate;
using testing::slurp;

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A copy of the shipped rules with one text replaced, in a folder of its own.
class RulesCopy {
 public:
  RulesCopy(const std::string& name, const std::string& from, const std::string& to) {
    dir_ = fs::path(::testing::TempDir()) / (name + "_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    bool replaced = false;
    for (const char* file : {"delivery.gate", "delivery_entry.gate"}) {
      std::string text = slurp(std::string(DEALGATE_SOURCE_DIR) + "/rules/" + file);
      if (std::size_t at = text.find(from); !from.empty() && at != std::string::npos) {
        text.replace(at, from.size(), to);
        replaced = true;
      }
      std::ofstream(dir_ / file, std::ios::binary) << text;
    }
    EXPECT_TRUE(from.empty() || replaced) << from;
  }
  ~RulesCopy() { fs::remove_all(dir_); }
  std::string path() const { return "'" + dir_.string() + "'"; }
  fs::path dir() const { return dir_; }

 private:
  fs::path dir_;
};

const char* kToday = " --today 2026-11-26";

// enter_delivery's status per deal id, from `eval --format jsonl`.
std::map<std::string, std::string> enter_delivery_statuses(const std::string& jsonl) {
  std::map<std::string, std::string> statuses;
  static const std::regex record(R"re(^\{"id":"([^"]+)".*"enter_delivery":\{"status":"(\w+)")re");
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, record)) statuses[m[1]] = m[2];
  }
  return statuses;
}

// Each example deal's amount and currency by id, read from the deals file with a pattern.
std::map<std::string, std::pair<double, std::string>> deal_money() {
  std::map<std::string, std::pair<double, std::string>> money;
  static const std::regex deal(
      R"re(^\{"id": "([^"]+)".*"amount": ([0-9.]+), "currency": "([A-Z]+)")re");
  std::istringstream in(slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, deal)) money[m[1]] = {std::stod(m[2]), m[3]};
  }
  return money;
}

// 1234567 as 1,234,567 (whole amounts only: the example deals have no cents).
std::string grouped(double amount) {
  std::string digits = std::to_string(static_cast<long long>(amount));
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(at, ",");
  return digits;
}

TEST(DiffCommand, StricterRoiOnTheExampleDeals) {
  RulesCopy stricter("stricter_roi", "param min_roi: number = 3", "param min_roi: number = 4");
  auto run =
      run_dealgate("diff rules/ " + stricter.path() + " --facts examples/deals.csv" + kToday);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.err, "");
  // The summary: only enter_delivery changes, and only through value_confirmed.roi.
  EXPECT_NE(
      run.out.find("45 deals as of 2026-11-26: 40 deals change on 1 gate (20 in status, 20 only "
                   "in conditions).\n"),
      std::string::npos)
      << run.out;
  // With the amount each status change moves, per currency, and the deals' status at the gate to
  // their next phase.
  EXPECT_TRUE(holds(run.out,
                    "gate                change                  deals  amount\n"
                    "complete_sale       unchanged                  45\n"
                    "relationship_built  unchanged                  45\n"
                    "enter_delivery      pass → fail                16  3,700,000 USD + "
                    "2,660,000 EUR + 2,240,000 GBP + 275,000 NOK\n"
                    "                    unknown → fail              4  1,430,000 EUR + "
                    "480,000 USD\n"
                    "                    fail, other conditions     20\n"
                    "                    unchanged                   5\n"
                    "next-phase gate     pass → fail                 2  350,000 EUR + "
                    "275,000 NOK\n"
                    "                    unknown → fail              4  1,430,000 EUR + "
                    "480,000 USD\n"
                    "                    unchanged                  39\n"));
  EXPECT_TRUE(holds(run.out,
                    "\nD-2026-0142 (line 2)\n"
                    "  Nordhafen Logistics · Priya Raman · Solution Design · 350,000 EUR · "
                    "Close date 2027-01-29\n"
                    "  enter_delivery: pass → fail\n    newly failed: value_confirmed.roi\n"
                    "  next-phase gate: pass → fail\n"));
  EXPECT_NE(
      run.out.find(
          "  D-2026-0156 (line 6)  enter_delivery (fail): newly failed value_confirmed.roi\n"),
      std::string::npos);
  EXPECT_EQ(run.out.find("no longer"), std::string::npos);

  // The same comparison, made by hand from two eval runs, agrees deal by deal.
  auto before = enter_delivery_statuses(
      run_dealgate("eval rules/ --facts examples/deals.jsonl --format jsonl" + std::string(kToday))
          .out);
  auto after = enter_delivery_statuses(
      run_dealgate("eval rules/ --facts examples/deals.jsonl --format jsonl --param min_roi=4" +
                   std::string(kToday))
          .out);
  ASSERT_EQ(before.size(), 45u);
  std::map<std::string, int> transitions;
  for (const auto& [id, status] : before) {
    if (status != after.at(id)) ++transitions[status + " → " + after.at(id)];
  }
  EXPECT_EQ(transitions, (std::map<std::string, int>{{"pass → fail", 16}, {"unknown → fail", 4}}));

  // The money those deals carry, added up here per currency from the deals file, is what the diff
  // says the change moves.
  const std::map<std::string, std::pair<double, std::string>> money = deal_money();
  std::map<std::string, double> moved;
  for (const auto& [id, status] : before) {
    if (status != after.at(id)) moved[money.at(id).second] += money.at(id).first;
  }
  ASSERT_GE(moved.size(), 2u);
  std::string expected = "  enter_delivery      ";
  std::vector<std::pair<std::string, double>> largest_first(moved.begin(), moved.end());
  std::stable_sort(largest_first.begin(), largest_first.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (std::size_t i = 0; i < largest_first.size(); ++i)
    expected += (i ? " + " : "") + grouped(largest_first[i].second) + " " + largest_first[i].first;
  EXPECT_NE(run.out.find("Amount of the deals that change status\n" + expected + " (20 deals)\n"),
            std::string::npos)
      << expected << "\n"
      << run.out;

  // JSON Lines input gives the same report, but for the lines (no header line).
  auto jsonl =
      run_dealgate("diff rules/ " + stricter.path() + " --facts examples/deals.jsonl" + kToday);
  EXPECT_EQ(jsonl.exit_code, 1);
  EXPECT_EQ(std::regex_replace(jsonl.out, std::regex(R"(\(line \d+\))"), "(line)"),
            std::regex_replace(run.out, std::regex(R"(\(line \d+\))"), "(line)"));
}

TEST(DiffCommand, JsonAndCsvFormats) {
  RulesCopy stricter("stricter_roi_formats", "param min_roi: number = 3",
                     "param min_roi: number = 4");
  auto json = run_dealgate("diff rules/ " + stricter.path() +
                           " --facts examples/deals.csv --format json" + kToday);
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(json.out.rfind(R"({"old_rules":"rules/","new_rules":")", 0), 0u) << json.out;
  EXPECT_NE(
      json.out.find(
          R"("today":"2026-11-26","deals":45,"changed":40,"unreadable":0,"gates":[)"
          R"({"gate":"complete_sale","in":"both","transitions":[],"unchanged":45,"moved":{}},)"),
      std::string::npos);
  EXPECT_NE(
      json.out.find(
          R"({"gate":"enter_delivery","in":"both","transitions":[)"
          R"({"from":"pass","to":"fail","deals":16,"amount":{"EUR":2660000,"GBP":2240000,"NOK":275000,"USD":3700000}},)"
          R"({"from":"unknown","to":"fail","deals":4,"amount":{"EUR":1430000,"USD":480000}},)"
          R"({"from":"fail","to":"fail","deals":20}],"unchanged":5,)"
          R"("moved":{"EUR":4090000,"GBP":2240000,"NOK":275000,"USD":4180000}}],)"
          R"("next_phase":{"transitions":[{"from":"pass","to":"fail","deals":2,"amount":{"EUR":350000,"NOK":275000}},)"
          R"({"from":"unknown","to":"fail","deals":4,"amount":{"EUR":1430000,"USD":480000}}],)"
          R"("unchanged":39,"moved":{"EUR":1780000,"NOK":275000,"USD":480000}},)"),
      std::string::npos)
      << json.out;
  EXPECT_NE(
      json.out.find(
          R"({"id":"D-2026-0142","line":2,"amount":350000,"currency":"EUR","next_phase":{"from":"pass","to":"fail"},)"
          R"("gates":{"enter_delivery":{"from":"pass","to":"fail",)"
          R"("newly_failed":["value_confirmed.roi"],"newly_unknown":[],"no_longer_failed":[],)"
          R"("no_longer_unknown":[],"newly_waived":[],"no_longer_waived":[]}}})"),
      std::string::npos);
  EXPECT_NE(json.out.find(R"("errors":[]})"), std::string::npos);
  EXPECT_EQ(count_lines(json.out), 1u);

  auto csv = run_dealgate("diff rules/ " + stricter.path() +
                          " --facts examples/deals.csv --format csv" + kToday);
  EXPECT_EQ(csv.exit_code, 1);
  // The header, one row per changed deal and gate, one per deal whose next-phase status changes.
  EXPECT_EQ(count_lines(csv.out), 1u + 40u + 6u);
  // The shipped rules have a waiver, so the waivers' two columns come, then the money's.
  EXPECT_EQ(
      csv.out.rfind("id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,"
                    "no_longer_unknown,error,newly_waived,no_longer_waived,amount,currency\r\n"
                    "D-2026-0142,2,enter_delivery,pass,fail,value_confirmed.roi,,,,,,,"
                    "350000,EUR\r\n"
                    "D-2026-0142,2,(next phase),pass,fail,,,,,,,,350000,EUR\r\n",
                    0),
      0u)
      << csv.out;
  EXPECT_TRUE(holds(csv.out,
                    "D-2026-0156,6,enter_delivery,fail,fail,value_confirmed.roi,,,,,,,"
                    "180000,USD\r\n"));
}

// A waiver that lapses in the new rules: the diff lists it with what changed, and the deal it
// covered with the condition no longer waived.
TEST(DiffCommand, ListsTheWaiversAndWhatTheyChange) {
  RulesCopy lapsed("waiver_lapsed", "until @2027-03-31", "until @2026-11-25");
  auto run = run_dealgate("diff rules/ " + lapsed.path() +
                          " --facts examples/deals.jsonl --gate enter_delivery" + kToday);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(holds(run.out,
                    "Waivers\n  `kirin_roi` changed: until 2027-03-31 -> 2026-11-25\n"
                    "      in the new rules: expired for 1 deal\n"));
  EXPECT_NE(
      run.out.find(
          "D-2026-0169 (line 11)\n  Kirin Precision · Tomás Ortega · Proposal · 700,000 USD · "
          "Close date 2026-12-31\n"
          "  enter_delivery: pass → fail\n"
          "    newly failed: value_confirmed.roi\n    no longer waived: value_confirmed.roi\n"),
      std::string::npos)
      << run.out;
  auto json =
      run_dealgate("diff rules/ " + lapsed.path() +
                   " --facts examples/deals.jsonl --gate enter_delivery --format json" + kToday);
  EXPECT_NE(
      json.out.find(
          R"("waivers":[{"id":"kirin_roi","in":"both","changes":["until 2027-03-31 -> 2026-11-25"],)"
          R"("in_force":0,"used":0,"expired":1,"amount":0}])"),
      std::string::npos)
      << json.out;
}

TEST(DiffCommand, NothingChangesExits0) {
  auto run = run_dealgate("diff rules/ rules/ --facts examples/deals.csv" + std::string(kToday));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(holds(run.out, "45 deals as of 2026-11-26: no deal changes on any gate.\n"));
  // --param goes to both sides alike.
  run = run_dealgate(
      "diff rules/ rules/ --facts examples/deals.jsonl --param min_roi=5 --format csv" +
      std::string(kToday));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(count_lines(run.out), 1u);
}

TEST(DiffCommand, OneSidedParamsCompareARuleSetWithItself) {
  // What if min_roi were 4? The same answer as the stricter copy of the rules gives.
  RulesCopy stricter("stricter_roi_params", "param min_roi: number = 3",
                     "param min_roi: number = 4");
  auto copy = run_dealgate("diff rules/ " + stricter.path() +
                           " --facts examples/deals.csv --format csv" + kToday);
  auto what_if = run_dealgate(
      "diff rules/ rules/ --facts examples/deals.csv --format csv --new-param min_roi=4" +
      std::string(kToday));
  EXPECT_EQ(what_if.exit_code, 1) << what_if.err;
  EXPECT_EQ(what_if.out, copy.out);
  // One-sided params win over --param; a name the side does not declare is an error.
  auto back = run_dealgate(
      "diff rules/ " + stricter.path() +
      " --facts examples/deals.csv --param min_roi=5 --new-param min_roi=3 --old-param "
      "min_roi=3" +
      kToday);
  EXPECT_EQ(back.exit_code, 0) << back.out << back.err;
  auto unknown =
      run_dealgate("diff rules/ rules/ --facts examples/deals.csv --old-param min_rio=4");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(
      unknown.err.find("error: the old rules: unknown param `min_rio`; did you mean `min_roi`?"),
      std::string::npos)
      << unknown.err;
}

TEST(DiffCommand, LoosenedRuleAndGateSelection) {
  // The acid test becomes a warning: the deal that failed only on it passes, and a deal that was
  // unknown on it stays unknown for its other missing facts.
  RulesCopy looser("acid_test_warns", "  require would_buy: acid_test.would_buy_ourselves",
                   "  warn would_buy: acid_test.would_buy_ourselves");
  auto run =
      run_dealgate("diff rules/ " + looser.path() +
                   " --facts examples/deals.jsonl --gate enter_delivery --format csv" + kToday);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(
      run.out,
      "id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,error,"
      "newly_waived,no_longer_waived,amount,currency\r\n"
      "D-2026-0174,13,enter_delivery,fail,pass,,,acid_test.would_buy,,,,,380000,EUR\r\n"
      "D-2026-0197,24,enter_delivery,unknown,unknown,,,,acid_test.would_buy,,,,300000,EUR\r\n");
}

TEST(DiffCommand, AddedAndRemovedGates) {
  RulesCopy renamed("renamed_gate", "gate complete_sale", "gate sale_completed");
  fs::path entry = renamed.dir() / "delivery.gate";
  std::string text = slurp(entry.string());
  // relationship_built requires the gate by name: follow the rename.
  for (std::size_t at = text.find("complete_sale"); at != std::string::npos;
       at = text.find("complete_sale")) {
    text.replace(at, 13, "sale_completed");
  }
  std::ofstream(entry, std::ios::binary) << text;
  auto run =
      run_dealgate("diff rules/ " + renamed.path() + " --facts examples/deals.jsonl" + kToday);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // New gates in the new rules' order, then the removed ones.
  // The amount column: a gate that is added or removed moves every deal's money.
  EXPECT_TRUE(holds(run.out,
                    "gate                     change          deals  amount\n"
                    "sale_completed (added)   none → pass        10  1,940,000 USD + "
                    "1,800,000 EUR + 1,045,000 GBP\n"
                    "                         none → fail        32  7,390,000 USD + "
                    "5,370,000 EUR + 2,760,000 GBP + 420,000 SEK + 275,000 NOK\n"
                    "                         none → unknown      3  1,060,000 EUR + "
                    "880,000 USD\n"
                    "relationship_built       unchanged          45\n"
                    "enter_delivery           unchanged          45\n"
                    "complete_sale (removed)  pass → none        10  1,940,000 USD + "
                    "1,800,000 EUR + 1,045,000 GBP\n"
                    "                         fail → none        32  7,390,000 USD + "
                    "5,370,000 EUR + 2,760,000 GBP + 420,000 SEK + 275,000 NOK\n"
                    "                         unknown → none      3  1,060,000 EUR + "
                    "880,000 USD\n"
                    "next-phase gate          unchanged          45\n"));
  EXPECT_NE(run.out.find("Added and removed gates are counted above"), std::string::npos);
  auto csv = run_dealgate("diff rules/ " + renamed.path() +
                          " --facts examples/deals.jsonl --format csv" + kToday);
  EXPECT_TRUE(holds(csv.out, "D-2026-0142,1,sale_completed,,fail,proposal_prepared.prepared"));
  EXPECT_NE(csv.out.find("D-2026-0142,1,complete_sale,fail,,,,proposal_prepared.prepared"),
            std::string::npos);
}

TEST(DiffCommand, UsageAndRuleErrorsExit2) {
  EXPECT_TRUE(exited_saying(run_dealgate("diff rules/ --facts examples/deals.csv"), 2,
                            "error: `diff` compares two rule sets, but 1 was given"));
  EXPECT_TRUE(exited_saying(run_dealgate("diff rules/ rules/"), 2, "--facts is missing"));
  EXPECT_TRUE(
      exited_saying(run_dealgate("diff rules/ rules/ --facts examples/deals.csv --format jsonl"), 2,
                    "`diff` does not write jsonl"));
  EXPECT_TRUE(exited_saying(
      run_dealgate("diff rules/ rules/ --facts examples/deals.csv --gate enter_delivry"), 2,
      "error: `enter_delivry` is not a gate of either rule set\n  = help: did you mean "
      "`enter_delivery`?"));
  auto param = run_dealgate("diff rules/ rules/ --facts examples/deals.csv --param min_rio=4");
  EXPECT_TRUE(exited_saying(param, 2, "neither rule set declares a param `min_rio`"));
  EXPECT_NE(param.err.find("did you mean `min_roi`?"), std::string::npos);
  EXPECT_TRUE(exited_saying(run_dealgate("diff no/such rules/ --facts examples/deals.csv"), 2,
                            "error: no/such: no such file or folder"));

  RulesCopy broken("broken_rules", "require roi:", "require roi: amount and");
  auto run = run_dealgate("diff rules/ " + broken.path() + " --facts examples/deals.csv");
  EXPECT_TRUE(exited_saying(
      run, 2, "error: the new rules (`" + broken.dir().string() + "`) do not compile"));
  EXPECT_EQ(run.out, "");
}

TEST(DiffCommand, UnreadableInputExits3) {
  EXPECT_TRUE(exited_saying(run_dealgate("diff rules/ rules/ --facts no/such/deals.csv"), 3,
                            "cannot read the facts"));
  // A bad row is left out of the comparison and named; the others are compared.
  std::string csv = slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.csv");
  std::size_t second_row = csv.find('\n', csv.find('\n') + 1) + 1;
  csv.insert(second_row, "D-BROKEN,\"unclosed\"x\r\n");
  RulesCopy stricter("stricter_roi_bad_row", "param min_roi: number = 3",
                     "param min_roi: number = 4");
  auto run = run_dealgate(
      "diff rules/ " + stricter.path() + " --facts - --input csv --format json" + kToday, csv);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_TRUE(holds(run.out, R"("deals":45,"changed":40,"unreadable":1)"));
  EXPECT_NE(run.out.find(R"("errors":[{"line":3,"error":"column 2: text after the closing quote)"),
            std::string::npos);
  EXPECT_TRUE(
      holds(run.err, "error: 1 record could not be read (first, line 3: column 2: text after"));
}

TEST(DiffCommand, StandardInputIsReadOnceForBothSides) {
  RulesCopy stricter("stricter_roi_stdin", "param min_roi: number = 3",
                     "param min_roi: number = 4");
  auto run = run_dealgate("diff rules/ " + stricter.path() + " --facts - --format csv" + kToday,
                          slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.jsonl"));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(count_lines(run.out), 47u);
}

TEST(DiffCommand, CsvColumnWarningsComeOnceAndSayWhichSide) {
  // The new rules declare `region`; only the old rules warn about that column. Both warn about
  // the misspelt `amout`, which is printed once.
  RulesCopy with_region("with_region", "  currency: string",
                        "  currency: string\n  region: string");
  const std::string csv = ::testing::TempDir() + "regions_" + std::to_string(getpid()) + ".csv";
  std::ofstream(csv, std::ios::binary) << "id,region,amout\nD1,EMEA,5\n";
  auto run = run_dealgate("diff rules/ " + with_region.path() + " --facts '" + csv + "'" + kToday);
  fs::remove(csv);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string misspelt =
      "warning: column `amout` is not a declared fact; did you mean `amount`?\n  = help: the "
      "column is ignored\n";
  EXPECT_TRUE(holds(run.err, misspelt));
  EXPECT_EQ(run.err.find(misspelt), run.err.rfind(misspelt));
  EXPECT_NE(run.err.find("warning: column `region` is not a declared fact (old rules)\n"),
            std::string::npos);
}

TEST(DiffCommand, AnEmptyInputExits3UnlessAllowed) {
  auto run = run_dealgate("diff rules/ rules/ --facts -" + std::string(kToday), "[]");
  EXPECT_TRUE(exited_saying(run, 3, "error: standard input is an empty JSON array `[]`: no deals"));
  auto allowed =
      run_dealgate("diff rules/ rules/ --facts - --allow-empty" + std::string(kToday), "[]");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
}

TEST(DiffCommand, Help) {
  auto help = run_dealgate("diff --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: dealgate diff OLD_RULES NEW_RULES --facts FILE|- [OPTIONS]"),
            std::string::npos);
  EXPECT_NE(help.out.find("Exit codes: 0 no deal changes, 1 some deal changes"), std::string::npos);
  EXPECT_NE(run_dealgate("--help").out.find("diff"), std::string::npos);
}

}  // namespace
}  // namespace dealgate
