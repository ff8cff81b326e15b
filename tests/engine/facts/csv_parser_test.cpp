// Splitting CSV into rows (engine/facts/csv_parser.cpp): the cases of RFC 4180 section 2, line
// numbers, the byte order mark, malformed rows, and that chunk boundaries change nothing.
#include "engine/facts/csv_parser.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace dealgate {
namespace {

struct Row {
  std::uint64_t line;
  std::vector<std::string> cells;
  std::string error;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Row& row) {
  os << "line " << row.line << " [";
  for (const std::string& cell : row.cells) os << "<" << cell << ">";
  return os << "]" << (row.error.empty() ? "" : " error: " + row.error);
}

// Parses `input` fed in pieces of `chunk` bytes.
std::vector<Row> parse(std::string_view input, std::size_t chunk = 1 << 20,
                       std::size_t max_row = 1 << 20) {
  CsvParser parser(max_row);
  std::vector<Row> rows;
  auto sink = [&](const CsvRow& r) {
    rows.push_back(Row{r.line, std::vector<std::string>(r.cells.begin(), r.cells.end()), r.error});
  };
  for (std::size_t at = 0; at < input.size(); at += chunk)
    parser.feed(input.substr(at, chunk), sink);
  parser.finish(sink);
  return rows;
}

// Every chunk size gives the same rows.
std::vector<Row> parse_all_ways(std::string_view input) {
  std::vector<Row> whole = parse(input);
  for (std::size_t chunk : {1, 2, 3, 5, 7}) {
    EXPECT_EQ(parse(input, chunk), whole) << "chunk size " << chunk;
  }
  return whole;
}

using Cells = std::vector<std::string>;

// RFC 4180 2.1: each record on its own line, ended by CRLF.
TEST(CsvParserTest, RecordsEndWithCrlf) {
  EXPECT_EQ(
      parse_all_ways("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"),
      (std::vector<Row>{{1, Cells{"aaa", "bbb", "ccc"}, ""}, {2, Cells{"zzz", "yyy", "xxx"}, ""}}));
}

// 2.2: the last record may lack its line break.
TEST(CsvParserTest, LastRecordWithoutLineBreak) {
  EXPECT_EQ(
      parse_all_ways("aaa,bbb,ccc\r\nzzz,yyy,xxx"),
      (std::vector<Row>{{1, Cells{"aaa", "bbb", "ccc"}, ""}, {2, Cells{"zzz", "yyy", "xxx"}, ""}}));
}

// 2.3: a header line has the same format as the records (the parser does not tell them apart).
TEST(CsvParserTest, HeaderIsAnOrdinaryRow) {
  EXPECT_EQ(parse_all_ways("field_name,field_name,field_name\r\naaa,bbb,ccc\r\n").size(), 2u);
}

// 2.4: spaces are part of a field; the last field has no comma after it; empty fields count.
TEST(CsvParserTest, SpacesArePartOfTheFieldAndEmptyFieldsCount) {
  EXPECT_EQ(parse_all_ways(" aaa , bbb,ccc \n,,\na,\n"),
            (std::vector<Row>{{1, Cells{" aaa ", " bbb", "ccc "}, ""},
                              {2, Cells{"", "", ""}, ""},
                              {3, Cells{"a", ""}, ""}}));
}

// 2.5: fields may be quoted or not.
TEST(CsvParserTest, QuotedAndUnquotedFields) {
  EXPECT_EQ(
      parse_all_ways("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,\"yyy\",xxx\r\n"),
      (std::vector<Row>{{1, Cells{"aaa", "bbb", "ccc"}, ""}, {2, Cells{"zzz", "yyy", "xxx"}, ""}}));
}

// 2.6: quoted fields hold line breaks, quotes and commas; the next row's line counts the breaks.
TEST(CsvParserTest, QuotedFieldsHoldLineBreaksAndCommas) {
  EXPECT_EQ(
      parse_all_ways("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,\"y, y\",\"x\nx\nx\"\r\nlast,1,2\r\n"),
      (std::vector<Row>{{1, Cells{"aaa", "b\r\nbb", "ccc"}, ""},
                        {3, Cells{"zzz", "y, y", "x\nx\nx"}, ""},
                        {6, Cells{"last", "1", "2"}, ""}}));
}

// 2.7: a quote inside a quoted field is doubled.
TEST(CsvParserTest, DoubledQuotes) {
  EXPECT_EQ(parse_all_ways("\"aaa\",\"b\"\"bb\",\"ccc\"\n\"\"\"\",\"\"\n"),
            (std::vector<Row>{{1, Cells{"aaa", "b\"bb", "ccc"}, ""}, {2, Cells{"\"", ""}, ""}}));
}

TEST(CsvParserTest, LineEndsLfCrlfAndLoneCr) {
  EXPECT_EQ(
      parse_all_ways("a\nb\r\nc\rd"),
      (std::vector<Row>{
          {1, Cells{"a"}, ""}, {2, Cells{"b"}, ""}, {3, Cells{"c"}, ""}, {4, Cells{"d"}, ""}}));
}

TEST(CsvParserTest, BlankLinesAreNotRowsButCount) {
  EXPECT_EQ(parse_all_ways("a,b\n\n  \r\n\t\n1,2\n\n"),
            (std::vector<Row>{{1, Cells{"a", "b"}, ""}, {5, Cells{"1", "2"}, ""}}));
  // A quoted empty cell is a row.
  EXPECT_EQ(parse_all_ways("\"\"\n"), (std::vector<Row>{{1, Cells{""}, ""}}));
  EXPECT_TRUE(parse_all_ways("").empty());
  EXPECT_TRUE(parse_all_ways("\n\r\n").empty());
}

TEST(CsvParserTest, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(parse_all_ways("\xEF\xBB\xBFid,n\r\nD1,2\r\n"),
            (std::vector<Row>{{1, Cells{"id", "n"}, ""}, {2, Cells{"D1", "2"}, ""}}));
  // Only at the start; a partial mark is ordinary text.
  EXPECT_EQ(parse_all_ways("\xEF\xBB,x"), (std::vector<Row>{{1, Cells{"\xEF\xBB", "x"}, ""}}));
  EXPECT_EQ(parse_all_ways("\xEF"), (std::vector<Row>{{1, Cells{"\xEF"}, ""}}));
  EXPECT_EQ(parse_all_ways("\xEF\xBB\xBF"), std::vector<Row>{});
}

TEST(CsvParserTest, QuoteInsideAnUnquotedCellIsKept) {
  EXPECT_EQ(parse_all_ways("12\" screen,a\"\"b\n"),
            (std::vector<Row>{{1, Cells{"12\" screen", "a\"\"b"}, ""}}));
}

TEST(CsvParserTest, TextAfterAClosingQuoteIsAnErrorRow) {
  std::vector<Row> rows = parse_all_ways("a,b\n\"x\"y,z\n1,2\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].error,
            "column 1: text after the closing quote of a quoted cell (write a quote inside a "
            "quoted cell as two quotes: \"\")");
  EXPECT_EQ(rows[2], (Row{3, Cells{"1", "2"}, ""}));
}

TEST(CsvParserTest, UnclosedQuoteAtTheEndIsAnErrorRowOnItsFirstLine) {
  std::vector<Row> rows = parse_all_ways("a,b\n1,\"open\nstill\nopen");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].error, "a quoted cell is not closed: the input ends inside it");
}

TEST(CsvParserTest, TooLongRowIsAnErrorRowAndReadingGoesOn) {
  std::string input = "a,b\n" + std::string(100, 'x') + ",y\n1,2\n";
  std::vector<Row> rows = parse(input, 7, 50);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].error, "record is larger than the limit of 50 bytes");
  EXPECT_TRUE(rows[1].cells.empty());
  EXPECT_EQ(rows[2], (Row{3, Cells{"1", "2"}, ""}));
}

TEST(CsvParserTest, ParserIsReusableAfterFinish) {
  CsvParser parser;
  std::vector<std::uint64_t> lines;
  auto sink = [&](const CsvRow& r) { lines.push_back(r.line); };
  parser.feed("a\nb\n\"c", sink);
  parser.finish(sink);
  parser.feed("\xEF\xBB\xBFx\ny", sink);
  parser.finish(sink);
  EXPECT_EQ(lines, (std::vector<std::uint64_t>{1, 2, 3, 1, 2}));
}

// Random tables written the RFC 4180 way read back cell for cell, whatever the chunk size, with
// each row on the line its text starts on.
TEST(CsvParserTest, RandomTablesRoundTrip) {
  std::mt19937 random(4180);
  const std::string alphabet = "ab ,\"\r\n\t\xC3\xA9";
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<Row> expected;
    std::string text;
    std::uint64_t line = 1;
    const std::size_t columns = 1 + pick(4);
    for (std::size_t r = 0, rows = 1 + pick(5); r < rows; ++r) {
      Row row{line, {}, ""};
      for (std::size_t c = 0; c < columns; ++c) {
        std::string cell;
        for (std::size_t i = 0, n = pick(6); i < n; ++i) cell += alphabet[pick(alphabet.size())];
        // A row of one blank cell would be a blank line, which is not a row: quote such cells.
        const bool must_quote =
            cell.find_first_of(",\"\r\n") != std::string::npos ||
            (columns == 1 && cell.find_first_not_of(" \t") == std::string::npos);
        if (c > 0) text += ',';
        if (must_quote || pick(4) == 0) {
          text += '"';
          for (char ch : cell) text += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          text += '"';
        } else {
          text += cell;
        }
        row.cells.push_back(cell);
      }
      expected.push_back(row);
      const char* ends[] = {"\r\n", "\n", "\r"};
      text += ends[pick(3)];
      line = 1;  // recount from the text: every CR, LF and CRLF ends a line
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) ++line;
      }
    }
    std::vector<Row> got = parse(text);
    ASSERT_EQ(got, expected) << "round " << round;
    ASSERT_EQ(parse(text, 1 + pick(8)), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace dealgate
