// CSV facts through the program (cli/facts_input.cpp): eval and explain read `.csv` files and
// `--input csv`, print header warnings on standard error, and turn bad rows into error records.
#include "cli/facts_input.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "base/calendar.hpp"
#include "engine/facts/csv_parser.hpp"
#include "run_binary.hpp"
#include "xlsx_workbook.hpp"

namespace dealgate {
namespace {

using testing::run_dealgate;
using testing::slurp;

std::string without_lines(const std::string& jsonl) {
  return std::regex_replace(jsonl, std::regex(R"("line":\d+,)"), "");
}

// What an input is read as, by its name or by `--input`: CSV, XLSX or neither (JSON).
TEST(FactsInput, WhichInputsAreCsvAndWhichXlsx) {
  using cli::FactsSource;
  using cli::InputFormat;
  const std::string kInputNames[] = {"auto", "json", "csv", "xlsx"};  // InputFormat's order
  enum ReadAs { Json, Csv, Xlsx };
  const struct {
    FactsSource source;
    ReadAs read_as;
  } cases[] = {
      {FactsSource{"deals.csv"}, Csv},
      {FactsSource{"EXPORT.CSV"}, Csv},
      {FactsSource{"deals.jsonl"}, Json},
      {FactsSource{".csv"}, Json},
      {FactsSource{"-"}, Json},
      {FactsSource{"-", InputFormat::Csv}, Csv},
      {FactsSource{"deals.csv", InputFormat::Json}, Json},
      {FactsSource{"deals.xlsx"}, Xlsx},
      {FactsSource{"REPORT.XLSX"}, Xlsx},
      {FactsSource{"-", InputFormat::Xlsx}, Xlsx},
      {FactsSource{"deals.xlsx", InputFormat::Csv}, Csv},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.source.path + " with --input " + kInputNames[static_cast<int>(c.source.format)]);
    EXPECT_EQ(cli::is_csv(c.source), c.read_as == Csv);
    EXPECT_EQ(cli::is_xlsx(c.source), c.read_as == Xlsx);
  }
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

// examples/deals.csv as a spreadsheet program saves it: text as shared strings, numbers as
// numbers, days as serial numbers in a date style, empty cells left out.
void write_example_deals_xlsx(const std::string& path) {
  testing::XlsxBook book;
  book.cell_formats = {0, 14};
  std::string rows;
  CsvParser parser;
  const auto column_name = [](std::size_t column) {
    std::string name;
    for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
      name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
  };
  const auto escape = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else
        out += c;
    }
    return out;
  };
  const auto on_row = [&](const CsvRow& row) {
    const std::string r = std::to_string(row.line);
    rows += "<row r=\"" + r + "\">";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const std::string_view cell = row.cells[i];
      if (cell.empty()) continue;
      const std::string ref = " r=\"" + column_name(i) + r + "\"";
      const bool number =
          row.line > 1 && cell.find_first_not_of("0123456789.") == std::string::npos;
      if (std::optional<DayNumber> day =
              row.line > 1 && cell.size() == 10 ? parse_date(cell) : std::nullopt) {
        const DayNumber serial = *day - days_from_civil(1899, 12, 30);
        rows += "<c" + ref + " s=\"1\"><v>" + std::to_string(serial) + "</v></c>";
      } else if (number) {
        rows += "<c" + ref + "><v>" + std::string(cell) + "</v></c>";
      } else {
        rows +=
            "<c" + ref + " t=\"s\"><v>" + std::to_string(book.shared_strings.size()) + "</v></c>";
        book.shared_strings.push_back("<t xml:space=\"preserve\">" + escape(cell) + "</t>");
      }
    }
    rows += "</row>";
  };
  parser.feed(slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.csv"), on_row);
  parser.finish(on_row);
  book.sheets = {
      {"Notes", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>exported</t></is></c></row>"},
      {"Deals", rows}};
  testing::write_xlsx(path, book);
}

std::string temp_xlsx(const std::string& name) {
  return ::testing::TempDir() + "facts_input_" + std::to_string(getpid()) + "_" + name;
}

TEST(XlsxInput, TheExampleDealsAsXlsxGiveTheSameRecordsAsCsv) {
  const std::string xlsx = temp_xlsx("deals.xlsx");
  write_example_deals_xlsx(xlsx);
  auto csv =
      run_dealgate("eval rules/ --facts examples/deals.csv --format jsonl --today 2026-11-26");
  auto sheet = run_dealgate("eval rules/ --facts '" + xlsx +
                            "' --sheet Deals --format jsonl --today 2026-11-26");
  EXPECT_EQ(sheet.exit_code, 1) << sheet.err;
  EXPECT_EQ(sheet.err, "");
  EXPECT_FALSE(sheet.out.empty());
  EXPECT_EQ(sheet.out, csv.out);  // line numbers too: sheet row N is CSV line N
  // Several threads read an .xlsx on one reader, with the same result.
  auto threads = run_dealgate("eval rules/ --facts '" + xlsx +
                              "' --sheet Deals --threads 4 --format jsonl --today 2026-11-26");
  EXPECT_EQ(threads.out, csv.out);
  // From standard input, with --input xlsx.
  auto piped = run_dealgate(
      "eval rules/ --facts - --input xlsx --sheet Deals --format jsonl --today 2026-11-26",
      slurp(xlsx));
  EXPECT_EQ(piped.out, csv.out);
}

TEST(XlsxInput, TheFirstSheetUnlessNamed) {
  const std::string xlsx = temp_xlsx("first.xlsx");
  write_example_deals_xlsx(xlsx);
  // The first sheet holds no deal column: an input error that names its header.
  auto run = run_dealgate("eval rules/ --facts '" + xlsx + "' --format jsonl --today 2026-11-26");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("no column of the header (line 1) is a declared fact"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("= note: the header has 1 column: `exported`"), std::string::npos)
      << run.err;
  auto missing = run_dealgate("eval rules/ --facts '" + xlsx + "' --sheet Pipeline --format jsonl");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("has no sheet `Pipeline`; its sheets are `Notes`, `Deals`"),
            std::string::npos)
      << missing.err;
}

TEST(XlsxInput, ANonZipFileIsAClearErrorAndExit3) {
  const std::string fake = temp_xlsx("fake.xlsx");
  std::ofstream(fake) << "id,amount\nD-1,5\n";
  auto run = run_dealgate("eval rules/ --facts '" + fake + "' --format jsonl");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("is not an .xlsx workbook (not a zip archive"), std::string::npos)
      << run.err;
  auto piped = run_dealgate("eval rules/ --facts - --input xlsx --format jsonl", "garbage");
  EXPECT_EQ(piped.exit_code, 3);
  EXPECT_NE(piped.err.find("`standard input` is not an .xlsx workbook"), std::string::npos)
      << piped.err;
}

TEST(CsvInput, DelimiterOption) {
  const std::string semicolons = "id;value.price\nD1;5\n";
  auto tab = run_dealgate(
      "eval examples/enterprise.gate --facts - --input csv --delimiter tab --format csv "
      "--today 2026-11-26",
      "id\tvalue.price\nD1\t5\n");
  EXPECT_EQ(tab.err.find("not a declared fact"), std::string::npos) << tab.err;
  EXPECT_NE(tab.out.find("D1,2,"), std::string::npos) << tab.out;
  // A given delimiter is used even where the header suggests another.
  auto comma = run_dealgate(
      "eval examples/enterprise.gate --facts - --input csv --delimiter , --format csv "
      "--today 2026-11-26",
      semicolons);
  EXPECT_NE(comma.err.find("column `id;value.price` is not a declared fact"), std::string::npos)
      << comma.err;
  auto bad = run_dealgate("eval examples/enterprise.gate --facts - --delimiter '|'", semicolons);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--delimiter"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace dealgate

namespace dealgate {
namespace {

TEST(CsvInput, TheSalesforceFooterIsCountedInTheSummary) {
  const std::string args =
      "eval rules/ --today 2026-11-26 --facts tests/fixtures/crm/salesforce_report.csv";
  auto text = testing::run_dealgate(args);
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_NE(text.out.find(
                "Summary: 50 records (skipped: the report's footer, 7 lines, and 1 blank row)\n"),
            std::string::npos)
      << text.out;
  auto json = testing::run_dealgate(args + " --format json");
  EXPECT_EQ(json.exit_code, 1) << json.err;
  EXPECT_NE(json.out.find(R"("records":50,"evaluated":50,"unreadable":0,)"
                          R"("skipped":{"footer_rows":7,"blank_rows":1})"),
            std::string::npos)
      << json.out.substr(json.out.rfind("\"summary\""));
}

}  // namespace
}  // namespace dealgate
