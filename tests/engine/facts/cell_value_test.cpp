// Table cells read as values of their column's type (engine/facts/cell_value.cpp): each plain
// type, what does not fit, and the JSON a value stands for (a record's id).
#include "engine/facts/cell_value.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dealgate {
namespace {

std::string json_of(const CellValue& value) {
  std::string json;
  append_cell_json(value, json);
  return json;
}

TEST(CellValueTest, PlainCellsOfEachType) {
  std::optional<CellValue> v = read_plain_cell(ValueType::Bool, " Yes ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, CellValue::Kind::Bool);
  EXPECT_TRUE(v->boolean);
  v = read_plain_cell(ValueType::Number, "1_000.5");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, CellValue::Kind::Number);
  EXPECT_EQ(v->number, 1000.5);
  v = read_plain_cell(ValueType::String, "  as written ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, CellValue::Kind::Text);
  EXPECT_EQ(v->text, "  as written ");
  v = read_plain_cell(ValueType::Date, " 2026-11-20T09:23:00Z ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, CellValue::Kind::Date);
  EXPECT_EQ(v->date, days_from_civil(2026, 11, 20));
  EXPECT_EQ(v->text, "2026-11-20T09:23:00Z");
  // A list or record cell is JSON, judged when it is converted.
  v = read_plain_cell(ValueType::List, " see plan ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, CellValue::Kind::Json);
  EXPECT_EQ(v->text, "see plan");
}

TEST(CellValueTest, CellsThatDoNotFitHaveNoValue) {
  EXPECT_FALSE(read_plain_cell(ValueType::Bool, "maybe"));
  EXPECT_FALSE(read_plain_cell(ValueType::Number, "1,000"));
  EXPECT_FALSE(read_plain_cell(ValueType::Number, "1e400"));
  EXPECT_FALSE(read_plain_cell(ValueType::Date, "18/10/2026"));
  EXPECT_FALSE(read_plain_cell(ValueType::Date, "2026-02-30"));
}

TEST(CellValueTest, ValuesAsTheJsonOfAnId) {
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::Number, "042")), "42");
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::Number, "0.1")), "0.1");
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::Bool, "no")), "false");
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::String, "say \"hi\"")), R"("say \"hi\"")");
  // A date read as it stands keeps its text, as the JSON reader keeps an id's raw JSON.
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::Date, "2026-11-20T09:00Z")),
            "\"2026-11-20T09:00Z\"");
  EXPECT_EQ(json_of(*cell_value_of(std::optional<DayNumber>(days_from_civil(2026, 12, 15)))),
            "\"2026-12-15\"");
  EXPECT_EQ(json_of(*read_plain_cell(ValueType::List, R"(["a", "b"])")), R"(["a", "b"])");
  CellValue items;
  items.kind = CellValue::Kind::Items;
  items.text = "Uptime; ;Cost\xC2\xA0";
  items.separator = ";";
  EXPECT_EQ(json_of(items), R"(["Uptime","Cost"])");
}

TEST(CellValueTest, ItemsAreTrimmedAndEmptyOnesLeftOut) {
  CellValue items;
  items.kind = CellValue::Kind::Items;
  items.separator = " | ";
  items.text = "a |  | \xE2\x80\xAF b  | c | ";
  std::vector<std::string> seen;
  for_each_item(items, [&](std::string_view item) { seen.emplace_back(item); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace dealgate
