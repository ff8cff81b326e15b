// The XLSX row source (cli/xlsx_rows.cpp): workbooks written part by part (xlsx_workbook.hpp)
// become the rows a CSV export of the same sheet would give.
#include "cli/xlsx_rows.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "xlsx_workbook.hpp"

namespace dealgate::cli {
namespace {

using testing::XlsxBook;

struct Rows {
  std::vector<std::uint64_t> lines;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> errors;
  std::string error;  // the workbook's
};

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "xlsx_rows_" + std::to_string(getpid()) + "_" + name;
}

Rows read(const std::string& path, XlsxOptions options = {}) {
  Rows rows;
  rows.error = read_xlsx_rows(path, options, [&](const CsvRow& row) {
    rows.lines.push_back(row.line);
    rows.cells.emplace_back(row.cells.begin(), row.cells.end());
    rows.errors.push_back(row.error);
  });
  return rows;
}

Rows read(const XlsxBook& book, XlsxOptions options = {}) {
  const std::string path = temp_path("book.xlsx");
  testing::write_xlsx(path, book);
  return read(path, std::move(options));
}

using Cells = std::vector<std::string>;

TEST(XlsxRows, SharedAndInlineStringsNumbersAndBooleans) {
  XlsxBook book;
  book.shared_strings = {"<t>id</t>", "<t>amount</t>", "<t>won</t>",
                         "<r><t>Acme </t></r><r><t>GmbH</t></r><rPh><t>ignored</t></rPh>"};
  book.sheets = {{"Deals",
                  R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                  R"(<c r="C1" t="s"><v>2</v></c></row>)"
                  R"(<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>1200000.5</v></c>)"
                  R"(<c r="C2" t="b"><v>1</v></c></row>)"
                  R"(<row r="3"><c r="A3" t="inlineStr"><is><t>D-2</t></is></c>)"
                  R"(<c r="B3"><v>1.5E-3</v></c><c r="C3" t="b"><v>0</v></c></row>)"
                  R"(<row r="4"><c r="A4" t="e"><v>#N/A</v></c></row>)"}};
  Rows rows = read(book);
  EXPECT_EQ(rows.error, "");
  ASSERT_EQ(rows.cells.size(), 4u);
  EXPECT_EQ(rows.cells[0], (Cells{"id", "amount", "won"}));
  EXPECT_EQ(rows.cells[1], (Cells{"Acme GmbH", "1200000.5", "true"}));
  EXPECT_EQ(rows.cells[2], (Cells{"D-2", "1.5E-3", "false"}));
  EXPECT_EQ(rows.cells[3], (Cells{"#N/A", "", ""}));  // padded to the header's width
  EXPECT_EQ(rows.lines, (std::vector<std::uint64_t>{1, 2, 3, 4}));
}

TEST(XlsxRows, SparseCellsAndRowsKeepTheirPlaces) {
  XlsxBook book;
  book.sheets = {{"S", R"(<row r="2"><c r="A2" t="inlineStr"><is><t>id</t></is></c>)"
                       R"(<c r="B2" t="inlineStr"><is><t>x</t></is></c>)"
                       R"(<c r="D2" t="inlineStr"><is><t>y</t></is></c></row>)"
                       R"(<row r="5"><c r="D5"><v>4</v></c><c r="A5"><v>1</v></c></row>)"
                       R"(<row r="6"></row><row r="7"><c r="B7"/></row>)"
                       R"(<row r="9"><c><v>1</v></c><c><v>2</v></c></row>)"}};
  Rows rows = read(book);
  EXPECT_EQ(rows.error, "");
  ASSERT_EQ(rows.cells.size(), 3u);
  EXPECT_EQ(rows.cells[0], (Cells{"id", "x", "", "y"}));
  EXPECT_EQ(rows.cells[1], (Cells{"1", "", "", "4"}));           // cells placed by reference
  EXPECT_EQ(rows.cells[2], (Cells{"1", "2", "", ""}));           // no reference: the next column
  EXPECT_EQ(rows.lines, (std::vector<std::uint64_t>{2, 5, 9}));  // empty rows are skipped
}

TEST(XlsxRows, DateStylesBecomeDays) {
  XlsxBook book;
  book.number_formats = R"(<numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>)"
                        R"(<numFmt numFmtId="165" formatCode="h:mm"/>)"
                        R"(<numFmt numFmtId="166" formatCode="#,##0.00 &quot;d&quot;"/>)";
  book.cell_formats = {0, 14, 164, 165, 166, 22, 4};
  std::string row = R"(<row r="2">)";
  const char* refs[] = {"A", "B", "C", "D", "E", "F", "G"};
  for (int s = 0; s < 7; ++s)
    row += std::string(R"(<c r=")") + refs[s] + R"(2" s=")" + std::to_string(s) +
           R"("><v>46371.75</v></c>)";
  row += "</row>";
  book.sheets = {{"S", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>)"
                       R"(<c r="G1" t="inlineStr"><is><t>g</t></is></c></row>)" +
                           row}};
  Rows rows = read(book);
  EXPECT_EQ(rows.error, "");
  ASSERT_EQ(rows.cells.size(), 2u);
  EXPECT_EQ(rows.cells[1], (Cells{"46371.75", "2026-12-15", "2026-12-15", "46371.75", "46371.75",
                                  "2026-12-15", "46371.75"}));
  book.date1904 = true;
  rows = read(book);
  ASSERT_EQ(rows.cells.size(), 2u);
  EXPECT_EQ(rows.cells[1][1], "2030-12-16");  // 46371 days after 1904-01-01
}

TEST(XlsxRows, SerialNumbersFollowExcelsCalendar) {
  EXPECT_EQ(excel_serial_date(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_date(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_date(60, false), "1900-02-29");  // Excel's day that never was
  EXPECT_EQ(excel_serial_date(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_date(46371, false), "2026-12-15");
  EXPECT_EQ(excel_serial_date(46371.999, false), "2026-12-15");
  EXPECT_EQ(excel_serial_date(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_date(44909, true), "2026-12-15");
  EXPECT_EQ(excel_serial_date(0, false), "");
  EXPECT_EQ(excel_serial_date(-1, false), "");
  EXPECT_EQ(excel_serial_date(1e12, false), "");
}

TEST(XlsxRows, DateFormatCodes) {
  for (const char* date : {"yyyy-mm-dd", "m/d/yy h:mm", "[$-409]mmmm d, yyyy;@", "mmm-yy"}) {
    EXPECT_TRUE(is_date_format_code(date)) << date;
  }
  for (const char* other : {"h:mm:ss", "[h]:mm", "0.00%", "#,##0 \"days\"", "[Red]0.00"}) {
    EXPECT_FALSE(is_date_format_code(other)) << other;
  }
}

TEST(XlsxRows, SheetByName) {
  XlsxBook book;
  book.sheets = {
      {"Summary", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>total</t></is></c></row>)"},
      {"Deals", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>)"}};
  Rows first = read(book);
  ASSERT_EQ(first.cells.size(), 1u);
  EXPECT_EQ(first.cells[0], (Cells{"total"}));
  XlsxOptions options;
  options.sheet = "Deals";
  Rows second = read(book, options);
  ASSERT_EQ(second.cells.size(), 1u);
  EXPECT_EQ(second.cells[0], (Cells{"id"}));
  options.sheet = "Pipeline";
  Rows missing = read(book, options);
  EXPECT_EQ(missing.cells.size(), 0u);
  EXPECT_NE(missing.error.find("has no sheet `Pipeline`; its sheets are `Summary`, `Deals`"),
            std::string::npos)
      << missing.error;
}

TEST(XlsxRows, TinyReadChunksGiveTheSameRows) {
  XlsxBook book;
  std::string rows_xml;
  for (int r = 1; r <= 200; ++r)
    rows_xml += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                "\" t=\"inlineStr\"><is><t>cell " + std::to_string(r) + "</t></is></c><c r=\"B" +
                std::to_string(r) + "\"><v>" + std::to_string(r * 7) + "</v></c></row>";
  book.sheets = {{"S", rows_xml}};
  XlsxOptions tiny;
  tiny.chunk_bytes = 3;
  Rows whole = read(book), split = read(book, tiny);
  EXPECT_EQ(split.error, "");
  ASSERT_EQ(split.cells.size(), 200u);
  EXPECT_EQ(split.cells, whole.cells);
  EXPECT_EQ(split.cells[199], (Cells{"cell 200", "1400"}));
}

TEST(XlsxRows, ARowOverTheLimitIsAnErrorRow) {
  XlsxBook book;
  book.sheets = {{"S", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>)"
                       R"(<row r="2"><c r="A2" t="inlineStr"><is><t>)" +
                           std::string(100, 'x') +
                           R"(</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>)"}};
  XlsxOptions options;
  options.max_row_bytes = 50;
  Rows rows = read(book, options);
  ASSERT_EQ(rows.cells.size(), 3u);
  EXPECT_EQ(rows.errors[1], "the row is longer than 50 bytes");
  EXPECT_EQ(rows.errors[2], "");
  EXPECT_EQ(rows.cells[2], (Cells{"3"}));
}

TEST(XlsxRows, BrokenWorkbooksAreErrorsNotCrashes) {
  const std::string text = temp_path("text.xlsx");
  testing::write_zip(text, {});  // replaced below by plain text
  { std::ofstream(text) << "id,amount\nD-1,5\n"; }
  EXPECT_NE(read(text).error.find("is not an .xlsx workbook (not a zip archive"), std::string::npos)
      << read(text).error;

  const std::string no_workbook = temp_path("empty.xlsx");
  testing::write_zip(no_workbook, {{"content.xml", "<office/>"}});
  EXPECT_NE(read(no_workbook).error.find("has no xl/workbook.xml"), std::string::npos);

  XlsxBook book;
  book.sheets = {{"S", R"(<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c>)"}};
  Rows broken = read(book);
  EXPECT_EQ(broken.cells.size(), 1u);  // the rows before the damage
  EXPECT_NE(broken.error.find("is not well-formed XML"), std::string::npos) << broken.error;

  EXPECT_NE(read(temp_path("absent.xlsx")).error.find("cannot open"), std::string::npos);
}

TEST(XlsxRows, DanglingSharedStringIndexIsAnEmptyCell) {
  XlsxBook book;
  book.shared_strings = {"<t>id</t>"};
  book.sheets = {{"S",
                  R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                  R"(<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>x</v></c></row>)"}};
  Rows rows = read(book);
  ASSERT_EQ(rows.cells.size(), 1u);  // a row with only empty cells is blank
  EXPECT_EQ(rows.error, "");
}

}  // namespace
}  // namespace dealgate::cli
