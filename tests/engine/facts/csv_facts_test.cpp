// Reading deals from CSV (engine/facts/csv_facts.cpp): cell conversions by declared type, the
// header and its warnings, error rows, line numbers, streaming; and that the example deals as CSV
// give the same results as the same deals as JSON Lines.
#include "engine/facts/csv_facts.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "engine/compiled_rules.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/csv_records.hpp"
#include "engine/facts/json_facts.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFacts = R"(
facts {
  id: string
  flag: bool
  n: number
  name: string
  day: date
  tags: list<string>
  people: list<{ role: string, engaged: bool }>
  value: { price: number, confirmed: bool, terms: { months: number } }
}
)";

using Seen = testing::SeenRecord;

class CsvFactsTest : public testing::CompiledRulesTest {
 protected:
  CsvFactsTest() : CompiledRulesTest(kFacts) {}
  const Schema& schema() const { return plan().schema; }

  std::vector<Seen> read(const std::string& csv, std::size_t chunk = 1 << 20,
                         std::string id_field = "id", TextEncoding encoding = TextEncoding::Auto) {
    CsvReaderOptions options;
    options.encoding = encoding;
    options.chunk_bytes = chunk;
    options.id_field = std::move(id_field);
    options.on_warning = [&](const CsvWarning& w) { warnings_.push_back(w.message); };
    warnings_.clear();
    return testing::read_csv_records(schema(), csv, options, status_);
  }
  const FactValue& at(const Seen& s, std::string_view path) const {
    return testing::fact_at(schema(), s, path);
  }
  FactState state(const Seen& s, std::string_view path) const { return at(s, path).state; }
  // What an input without records held, as the read says.
  InputShape shape_without_records(const std::string& input) {
    EXPECT_TRUE(read(input).empty()) << input;
    return status_.shape;
  }
  // A one-column file with a header and one cell.
  Seen cell(std::string_view column, std::string_view text) {
    std::vector<Seen> seen = read(std::string(column) + "\n" + std::string(text) + "\n");
    EXPECT_EQ(seen.size(), 1u);
    return seen.empty() ? Seen{} : seen[0];
  }

  ReadStatus status_;
  std::vector<std::string> warnings_;
};

TEST(CsvCellTest, Bools) {
  for (const char* yes : {"true", "TRUE", "True", "yes", "YES", "Yes", "1", " true "}) {
    EXPECT_EQ(parse_csv_bool(yes), true) << yes;
  }
  for (const char* no : {"false", "FALSE", "no", "No", "0", "\tno"}) {
    EXPECT_EQ(parse_csv_bool(no), false) << no;
  }
  for (const char* bad : {"", "y", "n", "t", "f", "2", "on", "off", "truee", "yes!", "-1", "1.0"}) {
    EXPECT_EQ(parse_csv_bool(bad), std::nullopt) << bad;
  }
}

TEST(CsvCellTest, Numbers) {
  const std::vector<std::pair<const char*, double>> good = {
      {"0", 0},           {"42", 42},
      {"-3", -3},         {"+4", 4},
      {"12.5", 12.5},     {".5", 0.5},
      {"5.", 5},          {"1e3", 1000},
      {"2.5E-2", 0.025},  {"1e+2", 100},
      {"1_000", 1000},    {"1_000_000.25", 1000000.25},
      {" 7 ", 7},         {"007", 7},
      {"-0.001", -0.001}, {"1.7976931348623157e308", 1.7976931348623157e308}};
  for (const auto& [text, value] : good) {
    std::optional<double> d = parse_csv_number(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(*d, value) << text;
  }
  for (const char* bad :
       {"",        "-",     "+",     ".",    "e3",     "1e",   "1e+",   "1,000", "1 000",
        "1.000,5", "_1",    "1_",    "1__0", "1._5",   "0x10", "NaN",   "nan",   "inf",
        "-inf",    "1e400", "12abc", "€12",  "12 EUR", "--1",  "1.2.3", "true"}) {
    EXPECT_EQ(parse_csv_number(bad), std::nullopt) << bad;
  }
}

TEST_F(CsvFactsTest, BoolCells) {
  Seen s = cell("flag", "Yes");
  EXPECT_EQ(state(s, "flag"), FactState::Present);
  EXPECT_TRUE(at(s, "flag").boolean);
  s = cell("flag", "0");
  EXPECT_EQ(state(s, "flag"), FactState::Present);
  EXPECT_FALSE(at(s, "flag").boolean);
  s = cell("flag", "maybe");
  EXPECT_EQ(state(s, "flag"), FactState::Invalid);
  EXPECT_EQ(s.facts.text(at(s, "flag")), "\"maybe\"");
  EXPECT_EQ(s.error, "");
}

TEST_F(CsvFactsTest, NumberCells) {
  Seen s = cell("n", "-12.5");
  EXPECT_EQ(state(s, "n"), FactState::Present);
  EXPECT_EQ(at(s, "n").number, -12.5);
  s = cell("n", "1_000_000");
  EXPECT_EQ(at(s, "n").number, 1000000);
  s = cell("n", "0.1");
  EXPECT_EQ(at(s, "n").number, 0.1);  // exactly the double 0.1, through its shortest text
  s = cell("n", "\"1,000\"");
  EXPECT_EQ(state(s, "n"), FactState::Invalid);
  EXPECT_EQ(s.facts.text(at(s, "n")), "\"1,000\"");
  s = cell("n", "1e400");
  EXPECT_EQ(state(s, "n"), FactState::Invalid);
}

TEST_F(CsvFactsTest, StringCellsAreKeptAsWritten) {
  Seen s = cell("name", "\"  Nordhafen, \"\"Logistics\"\"\n GmbH \"");
  EXPECT_EQ(state(s, "name"), FactState::Present);
  EXPECT_EQ(s.facts.text(at(s, "name")), "  Nordhafen, \"Logistics\"\n GmbH ");
  s = cell("name", "Zoë \\ Ærø\t");
  EXPECT_EQ(s.facts.text(at(s, "name")), "Zoë \\ Ærø\t");
}

TEST_F(CsvFactsTest, DateCells) {
  Seen s = cell("day", "2026-11-20");
  EXPECT_EQ(state(s, "day"), FactState::Present);
  EXPECT_EQ(at(s, "day").date, days_from_civil(2026, 11, 20));
  s = cell("day", " 2026-11-20T09:23:00Z ");
  EXPECT_EQ(at(s, "day").date, days_from_civil(2026, 11, 20));
  for (const char* bad : {"18/10/2026", "2026-02-30", "yesterday", "20261120"}) {
    s = cell("day", bad);
    EXPECT_EQ(state(s, "day"), FactState::Invalid) << bad;
    EXPECT_EQ(s.facts.text(at(s, "day")), "\"" + std::string(bad) + "\"");
  }
}

TEST_F(CsvFactsTest, EmptyCellsAreMissing) {
  std::vector<Seen> seen =
      read("id,flag,n,name,day,tags\nD1,,,,,\nD2, , , ,\t,  \n\"\",\"\",\"\",\"\",\"\",\"\"\n");
  ASSERT_EQ(seen.size(), 3u);
  for (const char* path : {"flag", "n", "day", "tags"}) {
    EXPECT_EQ(state(seen[0], path), FactState::Missing) << path;
    EXPECT_EQ(state(seen[1], path), FactState::Missing) << path;
    EXPECT_EQ(state(seen[2], path), FactState::Missing) << path;
  }
  EXPECT_EQ(state(seen[0], "name"), FactState::Missing);
  // A string of spaces is a string.
  EXPECT_EQ(state(seen[1], "name"), FactState::Present);
  EXPECT_EQ(seen[1].facts.text(at(seen[1], "name")), " ");
  EXPECT_EQ(seen[2].id, "null");
}

TEST_F(CsvFactsTest, ListCellsHoldJsonArrays) {
  std::vector<Seen> seen = read(
      "tags,people\n"
      "\"[\"\"uptime\"\", "
      "\"\"cost\"\"]\",\"[{\"\"role\"\":\"\"cfo\"\",\"\"engaged\"\":true,\"\"name\"\":\"\"x\"\"},"
      "{\"\"role\"\":\"\"user\"\"}]\"\n"
      "[],\"[{\"\"role\"\": 7}]\"\n"
      "see project plan,\"{\"\"role\"\":\"\"cfo\"\"}\"\n"
      "\"[1, \"\"a\"\"]\",[\n");
  ASSERT_EQ(seen.size(), 4u);
  ASSERT_EQ(state(seen[0], "tags"), FactState::Present);
  const ListRef& tags = seen[0].facts.lists[at(seen[0], "tags").list];
  ASSERT_EQ(tags.count, 2u);
  EXPECT_EQ(seen[0].facts.text(*seen[0].facts.element(tags, 1)), "cost");
  const ListRef& people = seen[0].facts.lists[at(seen[0], "people").list];
  ASSERT_EQ(people.count, 2u);
  EXPECT_EQ(seen[0].facts.text(seen[0].facts.element(people, 0)[1]), "cfo");
  EXPECT_TRUE(seen[0].facts.element(people, 0)[2].boolean);
  EXPECT_EQ(seen[0].facts.element(people, 1)[2].state, FactState::Missing);
  // An empty list is a list; a bad element is an invalid element of a present list.
  EXPECT_EQ(state(seen[1], "tags"), FactState::Present);
  EXPECT_EQ(seen[1].facts.lists[at(seen[1], "tags").list].count, 0u);
  const ListRef& bad_people = seen[1].facts.lists[at(seen[1], "people").list];
  EXPECT_EQ(seen[1].facts.element(bad_people, 0)[1].state, FactState::Invalid);
  // Not JSON, or JSON that is not an array: the list is invalid, the cell kept.
  EXPECT_EQ(state(seen[2], "tags"), FactState::Invalid);
  EXPECT_EQ(seen[2].facts.text(at(seen[2], "tags")), "\"see project plan\"");
  EXPECT_EQ(state(seen[2], "people"), FactState::Invalid);
  EXPECT_EQ(seen[2].facts.text(at(seen[2], "people")), R"({"role":"cfo"})");
  EXPECT_EQ(state(seen[3], "tags"), FactState::Present);
  const ListRef& mixed = seen[3].facts.lists[at(seen[3], "tags").list];
  EXPECT_EQ(seen[3].facts.element(mixed, 0)->state, FactState::Invalid);
  EXPECT_EQ(seen[3].facts.element(mixed, 1)->state, FactState::Present);
  EXPECT_EQ(state(seen[3], "people"), FactState::Invalid);
  EXPECT_EQ(seen[3].facts.text(at(seen[3], "people")), "\"[\"");
  for (const Seen& s : seen) EXPECT_EQ(s.error, "");
}

// A JSON cell found broken part way (after an element was stored) leaves nothing of it behind:
// the fact is invalid with the cell kept, and the cells after it are read as usual.
TEST_F(CsvFactsTest, ABrokenJsonCellLeavesNothingBehind) {
  std::vector<Seen> seen = read(
      "people,tags\n"
      "\"[{\"\"role\"\":\"\"cfo\"\",\"\"engaged\"\":true}, tru]\",\"[\"\"a\"\"]\"\n"
      "\"[{\"\"role\"\":\"\"cfo\"\"}] [2]\",\"1,2\"\n");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].error, "");
  EXPECT_EQ(state(seen[0], "people"), FactState::Invalid);
  EXPECT_EQ(seen[0].facts.text(at(seen[0], "people")),
            R"("[{\"role\":\"cfo\",\"engaged\":true}, tru]")");
  ASSERT_EQ(state(seen[0], "tags"), FactState::Present);
  // Only the tags list is stored: one list, one element.
  EXPECT_EQ(seen[0].facts.lists.size(), 1u);
  EXPECT_EQ(seen[0].facts.pool.size(), 1u);
  EXPECT_EQ(seen[0].facts.text(*seen[0].facts.element(seen[0].facts.lists[0], 0)), "a");
  // Text after the value, and two values, are not one JSON value either.
  EXPECT_EQ(state(seen[1], "people"), FactState::Invalid);
  EXPECT_EQ(state(seen[1], "tags"), FactState::Invalid);
  EXPECT_EQ(seen[1].facts.text(at(seen[1], "tags")), "\"1,2\"");
  EXPECT_TRUE(seen[1].facts.lists.empty());
}

// A JSON cell nested deeper than the limit is an error record, as a JSON record is.
TEST_F(CsvFactsTest, AJsonCellNestedTooDeeplyIsAnErrorRecord) {
  const std::string deep = std::string(2000, '[') + std::string(2000, ']');
  std::vector<Seen> seen = read("id,tags\nD1," + deep + "\nD2,[]\n");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].error, "invalid JSON: nested too deeply");
  EXPECT_EQ(seen[0].id, "null");
  for (const FactValue& v : seen[0].facts.top) EXPECT_EQ(v.state, FactState::Missing);
  EXPECT_EQ(seen[1].error, "");
  EXPECT_EQ(seen[1].id, "\"D2\"");
  EXPECT_EQ(state(seen[1], "tags"), FactState::Present);
  EXPECT_EQ(status_.bad_records, 1u);
}

TEST_F(CsvFactsTest, NestedPathsMakeRecords) {
  std::vector<Seen> seen = read(
      "value.price,value.confirmed,value.terms.months\n"
      "100,yes,12\n"
      ",,\n"
      ",no,\n"
      "abc,,\n");
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(state(seen[0], "value"), FactState::Present);
  EXPECT_EQ(state(seen[0], "value.terms"), FactState::Present);
  EXPECT_EQ(at(seen[0], "value.terms.months").number, 12);
  EXPECT_EQ(at(seen[0], "value.price").number, 100);
  // No cell below a record: the record is missing, as if the key were absent in JSON.
  EXPECT_EQ(state(seen[1], "value"), FactState::Missing);
  EXPECT_EQ(state(seen[1], "value.terms"), FactState::Missing);
  EXPECT_EQ(state(seen[2], "value"), FactState::Present);
  EXPECT_EQ(state(seen[2], "value.terms"), FactState::Missing);
  EXPECT_EQ(state(seen[2], "value.price"), FactState::Missing);
  // An invalid cell still makes its record present.
  EXPECT_EQ(state(seen[3], "value"), FactState::Present);
  EXPECT_EQ(state(seen[3], "value.price"), FactState::Invalid);
}

TEST_F(CsvFactsTest, RecordColumnHoldsAJsonObject) {
  std::vector<Seen> seen = read(
      "value,value.price\n"
      "\"{\"\"price\"\": 5, \"\"terms\"\": {\"\"months\"\": 3}}\",99\n"
      "not json,99\n");
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_EQ(warnings_[0], "column `value.price` lies inside the record column `value` (column 1)");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(at(seen[0], "value.price").number, 5);
  EXPECT_EQ(at(seen[0], "value.terms.months").number, 3);
  EXPECT_EQ(state(seen[1], "value"), FactState::Invalid);
  EXPECT_EQ(state(seen[1], "value.price"), FactState::Invalid);
}

TEST_F(CsvFactsTest, IdComesFromItsColumnAsAJsonString) {
  std::vector<Seen> seen = read("n,id\n1,D-1\n2,\n3,\"say \"\"hi\"\"\"\n");
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].id, "\"D-1\"");
  EXPECT_EQ(seen[1].id, "null");
  EXPECT_EQ(seen[2].id, R"("say \"hi\"")");
  // An id field that is not a declared fact is read too (and not warned about).
  seen = read("deal_id,n\n42,1\n", 1 << 20, "deal_id");
  EXPECT_TRUE(warnings_.empty());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, "\"42\"");
  // Without an id column, every id is null.
  seen = read("n\n1\n");
  EXPECT_EQ(seen[0].id, "null");
}

// An id that is a declared fact is its value's JSON: a number as a number, a cell that does not
// fit as the text kept for it.
TEST(CsvIdTest, ADeclaredIdIsItsValuesJson) {
  Compilation compilation = compile({{"facts.gate", "facts { id: number, n: number }"}});
  ASSERT_TRUE(compilation.ok());
  CsvFactsReader reader(compilation.plan->schema);
  std::istringstream in("n,id\n1,042\n2,abc\n3,\n4,1e3\n");
  std::vector<std::string> ids;
  ReadStatus status = reader.read_stream(in, [&](ReadRecord& r) { ids.push_back(r.id_json); });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"42", "\"abc\"", "null", "1000"}));
}

TEST_F(CsvFactsTest, HeaderWarningsComeOnceEachAndTheColumnIsIgnored) {
  std::vector<Seen> seen = read(
      "id,valu.price,people.role,n,n, ,owner,value.price.x\n"
      "D1,5,x,1,2,,Ann,3\n"
      "D2,6,y,3,4,,Bob,4\n");
  EXPECT_EQ(warnings_,
            (std::vector<std::string>{
                "column `valu.price` is not a declared fact; did you mean `value.price`?",
                "column `people.role` is a field inside the list `people`; a list is one "
                "column that holds a JSON array",
                "column `n` appears twice in the header (columns 4 and 5)",
                "column 6 has no name in the header",
                "column `value.price.x` is not a declared fact; did you mean `value.price`?",
                "column `owner` is not a declared fact",
            }));
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(at(seen[0], "n").number, 1);  // the first of two `n` columns
  EXPECT_EQ(state(seen[0], "value"), FactState::Missing);
  EXPECT_EQ(seen[1].error, "");
}

TEST_F(CsvFactsTest, ColumnsLikeNoDeclaredFactShareOneWarning) {
  std::vector<Seen> seen = read("owner,id,region,n,account_manager\nAnn,D1,EMEA,1,Bob\n");
  EXPECT_EQ(warnings_,
            (std::vector<std::string>{
                "3 columns are not declared facts: `owner`, `region`, `account_manager`"}));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, "\"D1\"");
  EXPECT_EQ(at(seen[0], "n").number, 1);
}

TEST_F(CsvFactsTest, LinesCountTheHeaderAndLineBreaksInCells) {
  std::vector<Seen> seen = read("id,name\r\nD1,a\r\n\r\nD2,\"two\r\nlines\"\r\nD3,c");
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].line, 2u);
  EXPECT_EQ(seen[1].line, 4u);
  EXPECT_EQ(seen[2].line, 6u);
  EXPECT_EQ(seen[1].facts.text(at(seen[1], "name")), "two\r\nlines");
}

TEST_F(CsvFactsTest, BadRowsAreErrorRecordsAndReadingGoesOn) {
  std::vector<Seen> seen = read(
      "id,n\n"
      "D1,1\n"
      "D2,2,extra\n"
      "D3\n"
      "\"D4\"x,4\n"
      "D5,\xff\n"
      "D6,6\n"
      "D7,\"7");
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen[0].error, "");
  EXPECT_EQ(seen[1].error, "the row has 3 cells, the header has 2");
  EXPECT_EQ(seen[1].line, 3u);
  EXPECT_EQ(seen[1].id, "null");
  EXPECT_EQ(seen[2].error, "the row has 1 cell, the header has 2");
  EXPECT_EQ(seen[3].error.rfind("column 1: text after the closing quote", 0), 0u);
  // \xff is not UTF-8: read as Windows-1252 (ÿ), which is not a number: invalid, not an error.
  EXPECT_EQ(seen[4].error, "");
  EXPECT_EQ(state(seen[4], "n"), FactState::Invalid);
  EXPECT_EQ(seen[5].error, "");
  EXPECT_EQ(at(seen[5], "n").number, 6);
  EXPECT_EQ(seen[6].line, 8u);
  EXPECT_EQ(seen[6].error, "a quoted cell is not closed: the input ends inside it");
  EXPECT_TRUE(status_.ok());
  EXPECT_EQ(status_.records, 7u);
  EXPECT_EQ(status_.bad_records, 4u);
  for (const Seen& s : seen) {
    if (!s.error.empty()) {
      for (const FactValue& v : s.facts.top) EXPECT_EQ(v.state, FactState::Missing);
    }
  }
}

TEST_F(CsvFactsTest, ExcelExportsInOtherEncodingsAndSeparators) {
  // Windows-1252 (an accent in an owner's name) keeps the deal, as UTF-8.
  std::vector<Seen> seen = read(
      "id,name\nD1,Ren\xe9"
      "e M\xfcller\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].error, "");
  EXPECT_EQ(at(seen[0], "name").state, FactState::Present);
  // Semicolons (Excel in most of Europe) and tabs are detected from the header, in any chunking.
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 20}) {
    seen = read("id;n;name\nD1;12;\"a;b\"\n", chunk);
    ASSERT_EQ(seen.size(), 1u) << chunk;
    EXPECT_EQ(at(seen[0], "n").number, 12) << chunk;
    EXPECT_TRUE(warnings_.empty()) << chunk;
    seen = read("id\tn\nD1\t7\n", chunk);
    ASSERT_EQ(seen.size(), 1u) << chunk;
    EXPECT_EQ(at(seen[0], "n").number, 7) << chunk;
  }
  // UTF-16 little and big endian with a byte order mark.
  const std::string text = "id,n\nD1,5\n";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : text) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  for (const std::string& input : {le, be}) {
    for (std::size_t chunk : {std::size_t{1}, std::size_t{1} << 20}) {
      seen = read(input, chunk);
      ASSERT_EQ(seen.size(), 1u);
      EXPECT_EQ(at(seen[0], "n").number, 5);
    }
  }
}

TEST_F(CsvFactsTest, AForcedEncodingDecodesTheWholeInput) {
  // UTF-16 without a byte order mark, in any chunking.
  std::string le;
  for (char c : std::string("id,name\nD1,Ren\xE9\n")) {
    le += c;
    le += '\0';
  }
  for (std::size_t chunk : {std::size_t{1}, std::size_t{1} << 20}) {
    std::vector<Seen> seen = read(le, chunk, "id", TextEncoding::Utf16Le);
    ASSERT_EQ(seen.size(), 1u) << chunk;
    EXPECT_EQ(seen[0].facts.text(at(seen[0], "name")), "Ren\xC3\xA9") << chunk;
  }
  // Windows-1252 whose bytes are valid UTF-8: `Ã©` stays two letters.
  std::vector<Seen> seen = read("id,name\nD1,\xC3\xA9\n", 1 << 20, "id", TextEncoding::Windows1252);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].facts.text(at(seen[0], "name")), "\xC3\x83\xC2\xA9");
  // Forced UTF-8: a bad byte is U+FFFD, not a Windows-1252 letter.
  seen = read("id,name\nD1,Ren\xE9\n", 1 << 20, "id", TextEncoding::Utf8);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].facts.text(at(seen[0], "name")), "Ren\xEF\xBF\xBD");
}

TEST_F(CsvFactsTest, EmptyInputOrHeaderOnlyHasNoRecordsAndSaysWhatItHeld) {
  EXPECT_EQ(shape_without_records(""), InputShape::Nothing);
  EXPECT_EQ(shape_without_records("\xEF\xBB\xBF"), InputShape::Nothing);
  EXPECT_EQ(shape_without_records("\n \n"), InputShape::Blank);
  EXPECT_EQ(shape_without_records("id,n\r\n"), InputShape::HeaderOnly);
  EXPECT_TRUE(status_.ok());
  EXPECT_EQ(status_.header, (std::vector<std::string>{"id", "n"}));
}

TEST_F(CsvFactsTest, AHeaderThatNamesNoDeclaredFactIsAnInputError) {
  // Every deal would be all missing facts: nothing is read, and the header is kept for the message.
  std::vector<Seen> seen = read("Deal Name, Amount\nx,1\ny,2\n");
  EXPECT_TRUE(seen.empty());
  EXPECT_TRUE(status_.header_unmatched);
  EXPECT_EQ(status_.header, (std::vector<std::string>{"Deal Name", "Amount"}));
  EXPECT_EQ(status_.error,
            "no column of the header (line 1) is a declared fact or a column of a source");
  EXPECT_TRUE(warnings_.empty());  // the error says it all, once
  // One declared column is enough.
  EXPECT_EQ(read("Deal Name,n\nx,1\n").size(), 1u);
  EXPECT_FALSE(status_.header_unmatched);
}

TEST_F(CsvFactsTest, UnreadableHeaderIsAnInputError) {
  std::vector<Seen> seen = read("id,\"n\n1,2\n");
  EXPECT_TRUE(seen.empty());
  EXPECT_EQ(status_.error,
            "the header row (line 1) cannot be read: a quoted cell is not closed: the input ends "
            "inside it");
}

TEST_F(CsvFactsTest, ChunkSizeChangesNothing) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "id,flag,n,tags,value.price\r\n"
      "D1,yes,1_000,\"[\"\"a\"\",\"\"b,c\"\"]\",12.5\r\n"
      "D2,no,-3,[],\r\n"
      "\"D\r\n3\",maybe,x,,1e3\r\n";
  std::vector<Seen> whole = read(csv);
  ASSERT_EQ(whole.size(), 3u);
  for (std::size_t chunk : {1, 2, 3, 7, 16}) {
    std::vector<Seen> parts = read(csv, chunk);
    ASSERT_EQ(parts.size(), whole.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      EXPECT_EQ(parts[i].line, whole[i].line);
      EXPECT_EQ(parts[i].id, whole[i].id);
      EXPECT_EQ(parts[i].facts.strings, whole[i].facts.strings);
      ASSERT_EQ(parts[i].facts.top.size(), whole[i].facts.top.size());
      for (std::size_t slot = 0; slot < parts[i].facts.top.size(); ++slot) {
        EXPECT_EQ(parts[i].facts.top[slot].state, whole[i].facts.top[slot].state);
      }
    }
  }
  EXPECT_EQ(whole[2].line, 4u);
  EXPECT_EQ(whole[2].id, "\"D\\r\\n3\"");
}

TEST_F(CsvFactsTest, FilesAndUnopenableFiles) {
  const fs::path path =
      fs::temp_directory_path() / ("dealgate_csv_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,n\nD1,1\nD2,2\n";
  }
  CsvFactsReader reader(schema());
  std::vector<std::string> ids;
  ReadStatus status =
      reader.read_file(path.string(), [&](ReadRecord& r) { ids.push_back(r.id_json); });
  fs::remove(path);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"\"D1\"", "\"D2\""}));
  status = reader.read_file(path.string(), [](ReadRecord&) {});
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.error.find("cannot open"), std::string::npos);
}

// --- The example deals: CSV and JSON Lines give the same results
// ----------------------------------

std::string describe(const Plan& plan, const DealResult& r) {
  std::string out = r.id_json + (r.error.empty() ? "" : " error: " + r.error);
  for (const GateResult& g : r.gates) {
    out += "\n  " + plan.blocks[g.gate].name + ": " + status_name(g.status) + "\n    failed:";
    for (ConditionIndex c : g.failed) out += " " + plan.conditions[c].id;
    out += "\n    unknown:";
    for (ConditionIndex c : g.unknown) out += " " + plan.conditions[c].id;
    out += "\n    missing:";
    for (const std::string& p : g.missing) out += " " + p;
    out += "\n    invalid:";
    for (const std::string& p : g.invalid) out += " " + p;
    out += "\n    milestones:";
    for (const auto& [block, status] : g.milestones) {
      out += " " + plan.blocks[block].name + "=" + status_name(status);
    }
    out += "\n    warnings:";
    for (ConditionIndex c : g.warnings) out += " " + plan.conditions[c].id;
    out += "\n    messages:";
    for (const std::string& m : g.messages) out += "\n      " + m;
  }
  return out;
}

TEST(CsvExampleTest, ExampleDealsAsCsvGiveTheSameResultsAsJsonLines) {
  const fs::path root(DEALGATE_SOURCE_DIR);
  RuleInputs inputs = read_rule_inputs({(root / "rules").string()});
  ASSERT_TRUE(inputs.io_errors.empty());
  Compilation compilation = compile(inputs.files);
  ASSERT_TRUE(compilation.ok());
  const Plan& plan = *compilation.plan;
  EvalOptions options;
  options.today = days_from_civil(2026, 11, 26);

  auto evaluate_all = [&](auto& reader, const fs::path& path) {
    std::vector<DealResult> results;
    Evaluator evaluator(plan);
    ReadStatus status = reader.read_file(path.string(), [&](ReadRecord& record) {
      DealResult result;
      result.line = record.line;
      result.id_json = record.id_json;
      result.error = record.error;
      if (record.error.empty()) evaluator.evaluate(record.facts, options, result);
      results.push_back(std::move(result));
    });
    EXPECT_TRUE(status.ok()) << status.error;
    EXPECT_EQ(status.bad_records, 0u);
    return results;
  };
  FactsReader json_reader(plan.schema);
  std::vector<std::string> warnings;
  CsvReaderOptions csv_options;
  csv_options.on_warning = [&](const CsvWarning& w) { warnings.push_back(w.message); };
  CsvFactsReader csv_reader(plan.schema, csv_options);
  std::vector<DealResult> from_json = evaluate_all(json_reader, root / "examples" / "deals.jsonl");
  std::vector<DealResult> from_csv = evaluate_all(csv_reader, root / "examples" / "deals.csv");
  EXPECT_TRUE(warnings.empty()) << warnings.front();

  ASSERT_EQ(from_json.size(), 45u);
  ASSERT_EQ(from_csv.size(), from_json.size());
  std::size_t failing = 0, unknown = 0;
  for (std::size_t i = 0; i < from_json.size(); ++i) {
    // Everything but the line: the JSON Lines file has a deal a line, the CSV a header first.
    EXPECT_EQ(from_csv[i].line, i + 2);
    EXPECT_EQ(describe(plan, from_csv[i]), describe(plan, from_json[i])) << "deal " << i + 1;
    for (const GateResult& g : from_json[i].gates) {
      failing += g.status == Status::Fail;
      unknown += g.status == Status::Unknown;
    }
  }
  // The comparison covers failing and undecided gates, with their reasons, not only passes.
  EXPECT_GT(failing, 50u);
  EXPECT_GT(unknown, 5u);
}

}  // namespace
}  // namespace dealgate
