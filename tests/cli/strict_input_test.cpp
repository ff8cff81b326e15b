// Strict input (cli/strict_input.cpp): an input without deals, a CSV header that names nothing the
// rules read, and a column over --max-invalid are input errors (exit 3) with a message that says
// what was seen; --allow-empty lets a batch shard be empty. Through the program, as a batch job
// runs it, and the counting on its own.
#include "cli/strict_input.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "run_binary.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;
using testing::run_dealgate;
using testing::slurp;

constexpr const char* kRules = R"(
facts {
  id: string
  value: { price: number, confirmed: bool }
}
gate g { require value.confirmed and value.price > 0 }
)";

// A folder with the rules above and the input files a test writes.
class Folder {
 public:
  Folder() {
    dir_ = fs::path(::testing::TempDir()) /
           ("strict_input_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("r.gate", kRules);
  }
  ~Folder() { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return "'" + (dir_ / name).string() + "'";
  }
  std::string rules() const { return "'" + (dir_ / "r.gate").string() + "'"; }

 private:
  fs::path dir_;
};

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// `n` deals whose price is written as money, which a number fact does not take.
std::string deals_with_money_prices(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "{\"id\":\"D" + std::to_string(i) + "\",\"value\":{\"confirmed\":true,\"price\":\"$1," +
           std::to_string(100 + i) + "\"}}\n";
  }
  return out;
}

TEST(StrictInput, AnEmptyFileIsAnInputError) {
  Folder f;
  const std::string facts = f.write("deals.jsonl", "");
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts);
  EXPECT_TRUE(testing::exited_saying(run, 3, "deals.jsonl` is empty: it holds no deals"));
  EXPECT_NE(run.err.find("pass --allow-empty"), std::string::npos) << run.err;
}

TEST(StrictInput, AJsonLinesFileOfBlankLinesIsAnInputError) {
  Folder f;
  const std::string facts = f.write("deals.jsonl", "\n  \n\r\n");
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts + " --format jsonl");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("deals.jsonl` holds only blank lines: no deals"), std::string::npos)
      << run.err;
}

TEST(StrictInput, AnEmptyJsonArrayIsAnInputError) {
  Folder f;
  const std::string facts = f.write("deals.json", " [ ]\n");
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts);
  EXPECT_TRUE(testing::exited_saying(run, 3, "deals.json` is an empty JSON array `[]`: no deals"));
}

TEST(StrictInput, AHeaderOnlyCsvIsAnInputErrorThatNamesTheHeader) {
  Folder f;
  const std::string facts = f.write("deals.csv", "id,value.price\r\n");
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts);
  EXPECT_TRUE(testing::exited_saying(
      run, 3, "deals.csv` holds only a header row (`id`, `value.price`): no deals"));
}

TEST(StrictInput, StandardInputWithoutDealsIsNamedSo) {
  Folder f;
  auto run = run_dealgate("eval " + f.rules() + " --facts -", "");
  EXPECT_TRUE(testing::exited_saying(run, 3, "error: standard input is empty: it holds no deals"));
}

TEST(StrictInput, AllowEmptyMakesZeroRecordsAnAllClear) {
  Folder f;
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"a.jsonl", ""}, {"b.json", "[]"}, {"c.csv", "id,value.price\n"}}) {
    const std::string facts = f.write(name, text);
    auto run = run_dealgate("eval " + f.rules() + " --facts " + facts + " --allow-empty");
    EXPECT_EQ(run.exit_code, 0) << name << run.err;
    EXPECT_EQ(run.err.find("error"), std::string::npos) << name << run.err;
    EXPECT_NE(run.out.find("no records"), std::string::npos) << run.out;
  }
}

TEST(StrictInput, AHeaderThatNamesNoFactIsAnErrorWithTheNearestNames) {
  Folder f;
  const std::string facts =
      f.write("deals.csv", "Opportunity Nme,valu.price,Stage\nD1,12,Design\nD2,13,Design\n");
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts + " --format jsonl");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(run.out, "");  // no deal of all-missing facts reported as unknown
  for (const char* part : {
           "error: cannot read the facts: no column of the header (line 1) is a declared fact or "
           "a column of a source",
           "= note: the header has 3 columns: `Opportunity Nme`, `valu.price`, `Stage`",
           "= note: column 2 `valu.price`: did you mean `value.price`?",
           "= note: column 3 `Stage`: nothing declared is near; the nearest is `",
       }) {
    EXPECT_NE(run.err.find(part), std::string::npos) << part << "\n" << run.err;
  }
}

TEST(StrictInput, AHeaderIsOfferedTheSourcesColumnsToo) {
  // The shipped Salesforce source: a header cell one letter off a source column is told which.
  Folder f;
  const std::string facts =
      f.write("report.csv", "\"Opportunty ID\",\"Ammount\"\n\"006A\",\"1\"\n");
  auto run = run_dealgate("eval rules/ --facts " + facts);
  EXPECT_TRUE(
      testing::exited_saying(run, 3, "column 1 `Opportunty ID`: did you mean `Opportunity ID`?"));
  EXPECT_NE(run.err.find("column 2 `Ammount`: did you mean `amount`?"), std::string::npos)
      << run.err;
}

TEST(StrictInput, AColumnOverMaxInvalidExits3AfterEveryDealWasWritten) {
  Folder f;
  const std::string facts = f.write("deals.jsonl", deals_with_money_prices(12));
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts + " --format jsonl");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(count_lines(run.out), 12u);  // nothing dropped
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), 'D'), 12);
  EXPECT_NE(run.out.find(R"("invalid":["value.price"])"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("error: fact `value.price`: 12 of 12 values are not a number, such as "
                         "`\"$1,100\"`, `\"$1,101\"`"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("more than --max-invalid 0.5 of the column is invalid"), std::string::npos)
      << run.err;

  // A share the column stays within: the deals are unknown, as without the check.
  auto lenient = run_dealgate("eval " + f.rules() + " --facts " + facts + " --max-invalid 1");
  EXPECT_EQ(lenient.exit_code, 1) << lenient.err;
  EXPECT_EQ(lenient.err.find("error"), std::string::npos) << lenient.err;
}

TEST(StrictInput, HalfAColumnInvalidIsWithinTheDefault) {
  Folder f;
  std::string text = deals_with_money_prices(6);
  for (int i = 0; i < 6; ++i) {
    text += "{\"id\":\"E" + std::to_string(i) + "\",\"value\":{\"confirmed\":true,\"price\":5}}\n";
  }
  const std::string facts = f.write("deals.jsonl", text);
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts);
  EXPECT_EQ(run.exit_code, 1) << run.err;  // 6 of 12: not more than half
  auto stricter = run_dealgate("eval " + f.rules() + " --facts " + facts + " --max-invalid 0.4");
  EXPECT_TRUE(testing::exited_saying(stricter, 3, "6 of 12 values are not a number"));
}

TEST(StrictInput, AFewDealsAreNotJudgedAsAnExport) {
  // One mistyped deal among a handful is that deal's problem: unknown, with the raw value shown.
  Folder f;
  const std::string facts = f.write("deals.jsonl", deals_with_money_prices(3));
  auto run = run_dealgate("eval " + f.rules() + " --facts " + facts + " --max-invalid 0");
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

TEST(StrictInput, ASourceColumnIsNamedWithItsFormat) {
  // The Salesforce fixture with every date rewritten as ISO, which the source reads as M/D/YYYY.
  Folder f;
  const std::string report =
      slurp(std::string(DEALGATE_SOURCE_DIR) + "/tests/fixtures/crm/salesforce_report.csv");
  const std::string iso =
      std::regex_replace(report, std::regex(R"re("(\d+)/(\d+)/(\d{4})")re"), "\"$3-$1-$2\"");
  const std::string facts = f.write("report.csv", iso);
  auto run = run_dealgate("eval rules/ --today 2026-11-26 --format jsonl --facts " + facts);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(count_lines(run.out), 50u);
  EXPECT_NE(run.err.find("error: column `Created Date` (fact `created_on`): 48 of 48 values are "
                         "not a date in the format MM/DD/YYYY, such as `2026-3-28`, `2026-3-23`"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("(expected like `12/15/2026`)"), std::string::npos) << run.err;
}

TEST(StrictInput, InvalidValuesMergeInInputOrder) {
  auto facts_with = [](FactState state, std::string_view raw) {
    Facts facts;
    facts.clear(2);
    facts.top[1].state = state;
    facts.top[1].text = facts.store(raw);
    return facts;
  };
  cli::InvalidValues first, later;
  first.add(facts_with(FactState::Invalid, "\"a\""));
  first.add(facts_with(FactState::Present, ""));
  later.add(facts_with(FactState::Invalid, "\"b\""));
  later.add(facts_with(FactState::Invalid, "\"c\""));
  later.add(facts_with(FactState::Missing, ""));
  first.merge(later);
  ASSERT_EQ(first.slots().size(), 2u);
  EXPECT_EQ(first.slots()[0].values, 0u);
  EXPECT_EQ(first.slots()[1].values, 4u);
  EXPECT_EQ(first.slots()[1].invalid, 3u);
  EXPECT_EQ(first.slots()[1].examples, (std::vector<std::string>{"\"a\"", "\"b\""}));
}

TEST(StrictInput, NoRecordsMessageSaysWhatTheInputHeld) {
  ReadStatus status;
  status.shape = InputShape::HeaderOnly;
  status.header = {"Opportunity ID", "Amount"};
  status.footer_rows = 7;
  EXPECT_EQ(cli::no_records_message("report.csv", status),
            "`report.csv` holds only a header row (`Opportunity ID`, `Amount`) and the report's "
            "footer (7 lines): no deals");
  status.shape = InputShape::Nothing;
  EXPECT_EQ(cli::no_records_message("-", status), "standard input is empty: it holds no deals");
}

}  // namespace
}  // namespace dealgate
