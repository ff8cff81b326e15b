// CSV facts through the program (cli/facts_input.cpp): eval and explain read `.csv` files and
// `--input csv`, print header warnings on standard error, and turn bad rows into error records.
#include "cli/facts_input.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "run_binary.hpp"

namespace dealgate {
namespace {

using testing::run_dealgate;
using testing::slurp;

std::string without_lines(const std::string& jsonl) {
  return std::regex_replace(jsonl, std::regex(R"("line":\d+,)"), "");
}

TEST(CsvInput, WhichInputsAreCsv) {
  using cli::FactsSource;
  using cli::InputFormat;
  EXPECT_TRUE(cli::is_csv(FactsSource{"deals.csv"}));
  EXPECT_TRUE(cli::is_csv(FactsSource{"EXPORT.CSV"}));
  EXPECT_FALSE(cli::is_csv(FactsSource{"deals.jsonl"}));
  EXPECT_FALSE(cli::is_csv(FactsSource{".csv"}));
  EXPECT_FALSE(cli::is_csv(FactsSource{"-"}));
  EXPECT_TRUE(cli::is_csv(FactsSource{"-", InputFormat::Csv}));
  EXPECT_FALSE(cli::is_csv(FactsSource{"deals.csv", InputFormat::Json}));
}

TEST(CsvInput, ExampleDealsAsCsvGiveTheSameRecordsAsJsonLines) {
  auto csv =
      run_dealgate("eval rules/ --facts examples/deals.csv --format jsonl --today 2026-11-26");
  auto jsonl =
      run_dealgate("eval rules/ --facts examples/deals.jsonl --format jsonl --today 2026-11-26");
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_EQ(csv.err, "");
  EXPECT_EQ(csv.out.rfind(R"({"id":"D-2026-0142","line":2,"gates":)", 0), 0u)
      << csv.out.substr(0, 200);
  EXPECT_EQ(without_lines(csv.out), without_lines(jsonl.out));
}

TEST(CsvInput, StandardInputWithInputCsv) {
  const std::string deals = slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.csv");
  auto piped =
      run_dealgate("eval rules/ --facts - --input csv --format jsonl --today 2026-11-26", deals);
  auto file =
      run_dealgate("eval rules/ --facts examples/deals.csv --format jsonl --today 2026-11-26");
  EXPECT_EQ(piped.exit_code, 1) << piped.err;
  EXPECT_EQ(piped.out, file.out);
}

TEST(CsvInput, HeaderWarningsGoToStandardError) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts - --input csv --format csv --today 2026-11-26",
      "id,valu.price,region\nD1,5,EMEA\n");
  EXPECT_EQ(run.exit_code, 1);
  // After the rules' own diagnostics (enterprise.gate declares `stage` and never reads it).
  const std::string warnings =
      "warning: column `valu.price` is not a declared fact; did you mean `value.price`?\n"
      "  = help: the column is ignored\n"
      "warning: column `region` is not a declared fact\n"
      "  = help: the column is ignored\n";
  ASSERT_GE(run.err.size(), warnings.size());
  EXPECT_EQ(run.err.substr(run.err.size() - warnings.size()), warnings) << run.err;
  EXPECT_NE(run.out.find("D1,2,enter_delivery,unknown,"), std::string::npos) << run.out;
}

TEST(CsvInput, BadRowsBecomeErrorRecordsAndExit3) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts - --input csv --format jsonl --today 2026-11-26",
      "id,value.price,value.confirmed\r\nD1,100,yes\r\nD2,100\r\nD3,\"1,000\",maybe\r\n");
  EXPECT_EQ(run.exit_code, 3);
  std::istringstream lines(run.out);
  std::string first, second, third;
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  EXPECT_EQ(first.rfind(R"({"id":"D1","line":2,"gates":)", 0), 0u) << first;
  EXPECT_EQ(second, R"({"line":3,"error":"the row has 2 cells, the header has 3"})");
  // Cells that do not fit their type make those facts invalid; the record is read.
  EXPECT_EQ(third.rfind(R"({"id":"D3","line":4,"gates":)", 0), 0u) << third;
  EXPECT_NE(third.find(R"("invalid":["value.confirmed","value.price"])"), std::string::npos)
      << third;
  EXPECT_NE(run.err.find(
                "error: 1 of 3 records could not be read (first, line 3: the row has 2 cells, the "
                "header has 3)"),
            std::string::npos)
      << run.err;
}

TEST(CsvInput, ExplainReadsCsv) {
  auto run = run_dealgate(
      "explain rules/ --facts examples/deals.csv --deal D-2026-0187 --gate enter_delivery --today "
      "2026-11-26");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // The amount written `420 000` is not a number: the ROI cannot be decided.
  EXPECT_NE(run.out.find("420 000"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("value_confirmed.roi"), std::string::npos);
}

TEST(CsvInput, UnreadableHeaderExits3) {
  auto run = run_dealgate("eval examples/enterprise.gate --facts - --input csv --format jsonl",
                          "id,\"value.price\n1,2\n");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(
                "cannot read the facts: the header row (line 1) cannot be read: a quoted cell is "
                "not closed"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace dealgate
