// JSON → slot conversion (engine/facts/facts_convert.cpp), driven through FactsReader::read_object.
#include <gtest/gtest.h>

#include <string>

#include "engine/facts/json_facts.hpp"

namespace dealgate {
namespace {

// The spec's enterprise schema, in part, plus a list of lists and a timestamp.
struct Fixture {
  Schema schema;
  NodeIndex id, stage, count, flag, contact, tags, stakeholders, role, engaged, meetings, value,
      price, terms, net_days, matrix, matrix_row, scores;

  Fixture() {
    id = schema.add_field(kNoNode, "id", ValueType::String, {});
    stage = schema.add_field(kNoNode, "stage", ValueType::String, {});
    count = schema.add_field(kNoNode, "count", ValueType::Number, {});
    flag = schema.add_field(kNoNode, "flag", ValueType::Bool, {});
    contact = schema.add_field(kNoNode, "contact", ValueType::Date, {});
    tags = schema.add_field(kNoNode, "tags", ValueType::List, {});
    schema.set_element(tags, ValueType::String, {});
    stakeholders = schema.add_field(kNoNode, "stakeholders", ValueType::List, {});
    NodeIndex s = schema.set_element(stakeholders, ValueType::Record, {});
    role = schema.add_field(s, "role", ValueType::String, {});
    engaged = schema.add_field(s, "engaged", ValueType::Bool, {});
    meetings = schema.add_field(s, "meetings", ValueType::List, {});
    schema.set_element(meetings, ValueType::Date, {});
    value = schema.add_field(kNoNode, "value", ValueType::Record, {});
    price = schema.add_field(value, "price", ValueType::Number, {});
    terms = schema.add_field(value, "terms", ValueType::Record, {});
    net_days = schema.add_field(terms, "net_days", ValueType::Number, {});
    matrix = schema.add_field(kNoNode, "matrix", ValueType::List, {});
    matrix_row = schema.set_element(matrix, ValueType::List, {});
    schema.set_element(matrix_row, ValueType::Number, {});
    scores = schema.add_field(kNoNode, "scores", ValueType::List, {});
    schema.set_element(scores, ValueType::Number, {});
  }
  const FactValue& top(const ReadRecord& r, NodeIndex n) const {
    return r.facts.top[schema.node(n).slot];
  }
};

class FactsConvertTest : public ::testing::Test {
 protected:
  ReadRecord read(std::string_view json) {
    ReadRecord record;
    ok_ = reader_.read_object(json, record);
    return record;
  }
  // Reads `records` in order, twice over (the second time after the last one), checking each.
  template <std::size_t N, typename Check>
  void read_all_twice(const char* (&records)[N], Check check) {
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i = 0; i < N; ++i) {
        SCOPED_TRACE(records[i]);
        ReadRecord r = read(records[i]);
        ASSERT_TRUE(ok_) << r.error;
        check(i, r);
      }
    }
  }
  // `count` and `stage` as read; a negative count and a null stage mean missing.
  void expect_count_and_stage(const ReadRecord& r, double count, const char* stage) const {
    if (count < 0) {
      EXPECT_EQ(f_.top(r, f_.count).state, FactState::Missing);
    } else {
      EXPECT_EQ(f_.top(r, f_.count).number, count);
    }
    if (stage == nullptr) {
      EXPECT_EQ(f_.top(r, f_.stage).state, FactState::Missing);
    } else {
      EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), stage);
    }
  }
  Fixture f_;
  FactsReader reader_{f_.schema};
  bool ok_ = false;
};

TEST_F(FactsConvertTest, ScalarsOfEveryType) {
  ReadRecord r =
      read(R"({"id":"D1","stage":"Design","count":12.5,"flag":true,"contact":"2026-11-20"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.line, 1u);
  EXPECT_EQ(f_.top(r, f_.stage).state, FactState::Present);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), "Design");
  EXPECT_EQ(f_.top(r, f_.count).number, 12.5);
  EXPECT_TRUE(f_.top(r, f_.flag).boolean);
  EXPECT_EQ(f_.top(r, f_.contact).state, FactState::Present);
  EXPECT_EQ(f_.top(r, f_.contact).date, days_from_civil(2026, 11, 20));
}

TEST_F(FactsConvertTest, FalseAndNegativeAndEscapedString) {
  ReadRecord r = read(R"({"flag":false,"count":-3e2,"stage":"a\"b\u00e9\n"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.flag).state, FactState::Present);
  EXPECT_FALSE(f_.top(r, f_.flag).boolean);
  EXPECT_EQ(f_.top(r, f_.count).number, -300);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), "a\"b\xC3\xA9\n");
}

TEST_F(FactsConvertTest, TimestampUsesItsDatePart) {
  ReadRecord r = read(R"({"contact":"2026-11-20T14:03:00Z"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.contact).state, FactState::Present);
  EXPECT_EQ(f_.top(r, f_.contact).date, days_from_civil(2026, 11, 20));
  r = read(R"({"contact":"2026-11-20 14:03:00+02:00"})");
  EXPECT_EQ(f_.top(r, f_.contact).date, days_from_civil(2026, 11, 20));
}

TEST_F(FactsConvertTest, BadDatesAreInvalidWithTheirRawText) {
  ReadRecord r = read(R"({"contact":"2026-02-30"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.contact).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.contact)), R"("2026-02-30")");
  r = read(R"({"contact":"yesterday"})");
  EXPECT_EQ(r.facts.text(f_.top(r, f_.contact)), R"("yesterday")");
  r = read(R"({"contact":20261120})");
  EXPECT_EQ(f_.top(r, f_.contact).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.contact)), "20261120");
}

TEST_F(FactsConvertTest, MissingVersusNullVersusInvalid) {
  ReadRecord r = read(R"({"count":null,"flag":"true","stage":42})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.count).state, FactState::Missing);    // null
  EXPECT_EQ(f_.top(r, f_.contact).state, FactState::Missing);  // absent
  EXPECT_EQ(f_.top(r, f_.flag).state, FactState::Invalid);     // a string for a bool
  EXPECT_EQ(r.facts.text(f_.top(r, f_.flag)), R"("true")");
  EXPECT_EQ(f_.top(r, f_.stage).state, FactState::Invalid);  // a number for a string
  EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), "42");
}

TEST_F(FactsConvertTest, NumberInAStringIsInvalid) {
  ReadRecord r = read(R"({"count":"12"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.count).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.count)), R"("12")");
}

TEST_F(FactsConvertTest, InvalidContainersKeepTheirRawJson) {
  ReadRecord r = read(R"({"count": {"a": [1, 2]} , "flag":[true] ,"stage":{}})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.count).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.count)), R"({"a": [1, 2]})");
  EXPECT_EQ(r.facts.text(f_.top(r, f_.flag)), "[true]");
  EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), "{}");
}

TEST_F(FactsConvertTest, ListOfScalarsWithABadElement) {
  ReadRecord r = read(R"({"tags":["a", 7, null, "d"]})");
  ASSERT_TRUE(ok_) << r.error;
  const FactValue& list = f_.top(r, f_.tags);
  ASSERT_EQ(list.state, FactState::Present);
  const ListRef& ref = r.facts.lists[list.list];
  ASSERT_EQ(ref.count, 4u);
  EXPECT_EQ(ref.width, 1u);
  EXPECT_EQ(r.facts.text(*r.facts.element(ref, 0)), "a");
  EXPECT_EQ(r.facts.element(ref, 1)->state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(*r.facts.element(ref, 1)), "7");
  EXPECT_EQ(r.facts.element(ref, 2)->state, FactState::Missing);
  EXPECT_EQ(r.facts.text(*r.facts.element(ref, 3)), "d");
}

TEST_F(FactsConvertTest, EmptyListIsPresent) {
  ReadRecord r = read(R"({"tags":[]})");
  ASSERT_TRUE(ok_) << r.error;
  ASSERT_EQ(f_.top(r, f_.tags).state, FactState::Present);
  EXPECT_EQ(r.facts.lists[f_.top(r, f_.tags).list].count, 0u);
}

TEST_F(FactsConvertTest, ListThatIsNotAnArrayIsInvalid) {
  ReadRecord r = read(R"({"tags":"a,b"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.tags).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.tags)), R"("a,b")");
}

TEST_F(FactsConvertTest, ListOfRecordsWithNestedLists) {
  ReadRecord r = read(R"({"stakeholders":[
      {"role":"economic_buyer","engaged":true,"meetings":["2026-01-02","2026-02-03T10:00:00Z"]},
      {"role":"sponsor","meetings":["nope"],"extra":{"x":1}},
      "not a record",
      {"engaged":"yes"}],
    "scores":[1,2,3]})");
  ASSERT_TRUE(ok_) << r.error;
  const SchemaNode& element = f_.schema.node(f_.schema.node(f_.stakeholders).element);
  const std::uint32_t role = f_.schema.node(f_.role).slot;
  const std::uint32_t engaged = f_.schema.node(f_.engaged).slot;
  const std::uint32_t meetings = f_.schema.node(f_.meetings).slot;
  const ListRef& list = r.facts.lists[f_.top(r, f_.stakeholders).list];
  ASSERT_EQ(list.count, 4u);
  ASSERT_EQ(list.width, 4u);  // the element, role, engaged, meetings
  const FactValue* s0 = r.facts.element(list, 0);
  EXPECT_EQ(s0[element.slot].state, FactState::Present);
  EXPECT_EQ(r.facts.text(s0[role]), "economic_buyer");
  EXPECT_TRUE(s0[engaged].boolean);
  const ListRef& m0 = r.facts.lists[s0[meetings].list];
  ASSERT_EQ(m0.count, 2u);
  EXPECT_EQ(r.facts.element(m0, 0)->date, days_from_civil(2026, 1, 2));
  EXPECT_EQ(r.facts.element(m0, 1)->date, days_from_civil(2026, 2, 3));

  const FactValue* s1 = r.facts.element(list, 1);
  EXPECT_EQ(r.facts.text(s1[role]), "sponsor");
  EXPECT_EQ(s1[engaged].state, FactState::Missing);
  const ListRef& m1 = r.facts.lists[s1[meetings].list];
  ASSERT_EQ(m1.count, 1u);
  EXPECT_EQ(r.facts.element(m1, 0)->state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(*r.facts.element(m1, 0)), R"("nope")");

  const FactValue* s2 = r.facts.element(list, 2);  // an invalid element: all of its slots
  for (std::uint32_t slot : {element.slot, role, engaged, meetings}) {
    EXPECT_EQ(s2[slot].state, FactState::Invalid);
    EXPECT_EQ(r.facts.text(s2[slot]), R"("not a record")");
  }
  const FactValue* s3 = r.facts.element(list, 3);
  EXPECT_EQ(s3[element.slot].state, FactState::Present);
  EXPECT_EQ(s3[engaged].state, FactState::Invalid);
  EXPECT_EQ(s3[meetings].state, FactState::Missing);

  // A list after the nested lists still reads its own region.
  const ListRef& scores = r.facts.lists[f_.top(r, f_.scores).list];
  ASSERT_EQ(scores.count, 3u);
  EXPECT_EQ(r.facts.element(scores, 2)->number, 3);
}

TEST_F(FactsConvertTest, ListOfLists) {
  ReadRecord r = read(R"({"matrix":[[1,2],[],"x",[3,"4"]]})");
  ASSERT_TRUE(ok_) << r.error;
  const ListRef& outer = r.facts.lists[f_.top(r, f_.matrix).list];
  ASSERT_EQ(outer.count, 4u);
  const ListRef& row0 = r.facts.lists[r.facts.element(outer, 0)->list];
  ASSERT_EQ(row0.count, 2u);
  EXPECT_EQ(r.facts.element(row0, 1)->number, 2);
  EXPECT_EQ(r.facts.lists[r.facts.element(outer, 1)->list].count, 0u);
  EXPECT_EQ(r.facts.element(outer, 2)->state, FactState::Invalid);
  const ListRef& row3 = r.facts.lists[r.facts.element(outer, 3)->list];
  EXPECT_EQ(r.facts.element(row3, 0)->number, 3);
  EXPECT_EQ(r.facts.element(row3, 1)->state, FactState::Invalid);
}

TEST_F(FactsConvertTest, NestedRecords) {
  ReadRecord r = read(R"({"value":{"price":100000,"terms":{"net_days":30},"other":true}})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.value).state, FactState::Present);
  EXPECT_EQ(f_.top(r, f_.price).number, 100000);
  EXPECT_EQ(f_.top(r, f_.terms).state, FactState::Present);
  EXPECT_EQ(f_.top(r, f_.net_days).number, 30);
}

TEST_F(FactsConvertTest, MissingRecordLeavesItsSubtreeMissing) {
  for (std::string_view json : {R"({"id":"x"})", R"({"value":null})"}) {
    ReadRecord r = read(json);
    ASSERT_TRUE(ok_) << r.error;
    for (NodeIndex n : {f_.value, f_.price, f_.terms, f_.net_days}) {
      EXPECT_EQ(f_.top(r, n).state, FactState::Missing) << json;
    }
  }
}

TEST_F(FactsConvertTest, RecordThatIsNotAnObjectMakesItsSubtreeInvalid) {
  ReadRecord r = read(R"({"value":[1, {"price":2}]})");
  ASSERT_TRUE(ok_) << r.error;
  for (NodeIndex n : {f_.value, f_.price, f_.terms, f_.net_days}) {
    EXPECT_EQ(f_.top(r, n).state, FactState::Invalid);
    EXPECT_EQ(r.facts.text(f_.top(r, n)), R"([1, {"price":2}])");
  }
  r = read(R"({"value":{"terms":5}})");
  EXPECT_EQ(f_.top(r, f_.value).state, FactState::Present);
  EXPECT_EQ(f_.top(r, f_.price).state, FactState::Missing);
  EXPECT_EQ(f_.top(r, f_.terms).state, FactState::Invalid);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.net_days)), "5");
}

TEST_F(FactsConvertTest, DuplicateKeysLastOneWins) {
  ReadRecord r =
      read(R"({"count":1,"count":2,"value":{"price":1,"terms":{"net_days":9}},"value":{"price":5},)"
           R"("tags":["a"],"tags":["b","c"]})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.count).number, 2);
  EXPECT_EQ(f_.top(r, f_.price).number, 5);
  EXPECT_EQ(f_.top(r, f_.terms).state, FactState::Missing);  // the whole earlier record is gone
  EXPECT_EQ(f_.top(r, f_.net_days).state, FactState::Missing);
  const ListRef& tags = r.facts.lists[f_.top(r, f_.tags).list];
  ASSERT_EQ(tags.count, 2u);
  EXPECT_EQ(r.facts.text(*r.facts.element(tags, 0)), "b");
}

TEST_F(FactsConvertTest, EscapedKeysMatchTheirUnescapedNames) {
  ReadRecord r = read(R"({"\u0069d":"D9","cou\u006et":4,"st\u0061ge":"x","t\"x":1})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(r.id_json, R"("D9")");
  EXPECT_EQ(f_.top(r, f_.count).number, 4);
  EXPECT_EQ(r.facts.text(f_.top(r, f_.stage)), "x");
}

TEST_F(FactsConvertTest, UndeclaredKeysAreIgnored) {
  ReadRecord r = read(R"({"owner":{"name":"x","deep":[[[{"y":null}]]]},"count":3,"zzz":"q"})");
  ASSERT_TRUE(ok_) << r.error;
  EXPECT_EQ(f_.top(r, f_.count).number, 3);
}

TEST_F(FactsConvertTest, IdExtraction) {
  EXPECT_EQ(read(R"({"id":"D000123","count":1})").id_json, R"("D000123")");
  EXPECT_EQ(read(R"({"count":1,"id" : 42 })").id_json, "42");
  EXPECT_EQ(read(R"({"count":1})").id_json, "null");
  EXPECT_EQ(read(R"({"id":null})").id_json, "null");
  EXPECT_EQ(read(R"({"id":"a\"b"})").id_json, R"("a\"b")");
  ReadRecord r = read(R"({"id":"D1"})");
  EXPECT_EQ(r.facts.text(f_.top(r, f_.id)), "D1");  // declared too: also a fact
}

TEST(FactsConvertIdField, CustomIdFieldAndContainerIds) {
  Schema schema;
  NodeIndex ref = schema.add_field(kNoNode, "ref", ValueType::Record, {});
  NodeIndex code = schema.add_field(ref, "code", ValueType::String, {});
  FactsReader reader(schema, "ref");
  ReadRecord r;
  ASSERT_TRUE(reader.read_object(R"({"id":"no","ref":{"code":"X"} })", r)) << r.error;
  EXPECT_EQ(r.id_json, R"({"code":"X"})");
  EXPECT_EQ(r.facts.text(r.facts.top[schema.node(code).slot]), "X");
  FactsReader deal_id(schema, "deal_id");
  ASSERT_TRUE(deal_id.read_object(R"({"deal_id":[1,2],"x":1})", r)) << r.error;
  EXPECT_EQ(r.id_json, "[1,2]");
}

TEST_F(FactsConvertTest, MalformedJsonIsAnError) {
  for (std::string_view json :
       {R"({"count":1)", R"({"count":tru})", R"({"other":tru})", R"({"other":[1,2,}})",
        R"({"count":1,})", R"({"count" 1})", R"({"count":1} x)", R"({"count":1} {"count":2})",
        R"({"stage":"\q"})", R"({"other":{"\q":1}})", R"({"count":-})", "{\"stage\":\"\xff\"}",
        R"({"stage":"abc})"}) {
    ReadRecord r = read(json);
    EXPECT_FALSE(ok_) << json;
    EXPECT_EQ(r.error.rfind("invalid JSON: ", 0), 0u) << json << " → " << r.error;
    EXPECT_EQ(r.facts.top[0].state, FactState::Missing) << json;  // facts are cleared
  }
}

TEST_F(FactsConvertTest, ErrorMessagesAreInPlainWords) {
  EXPECT_EQ(read(R"({"count":tru})").error, "invalid JSON: an invalid literal (expected `true`)");
  EXPECT_EQ(read(R"({"count":1)").error, "invalid JSON: an object or array that is not closed");
  EXPECT_EQ(read(R"({"count":1} 2)").error.substr(0, 14), "invalid JSON: ");
}

TEST_F(FactsConvertTest, NonObjectRecords) {
  for (std::string_view json : {"[1,2]", "42", R"("D1")", "true", "null"}) {
    ReadRecord r = read(json);
    EXPECT_FALSE(ok_) << json;
    EXPECT_EQ(r.error.rfind("record is not a JSON object", 0), 0u) << json << " → " << r.error;
  }
  EXPECT_EQ(read("[1,2]").error, "record is not a JSON object (it is an array)");
}

TEST_F(FactsConvertTest, DeepNestingIsAnErrorNotACrash) {
  const std::string open(100000, '['), close(100000, ']');
  for (const std::string& json :
       {open, "{\"other\":" + open + "}", "{\"other\":" + open + close + "}",
        "{\"tags\":" + open + close + "}", "{\"count\":" + open + close + "}"}) {
    ReadRecord r = read(json);
    EXPECT_FALSE(ok_);
    EXPECT_FALSE(r.error.empty());
  }
  EXPECT_EQ(read("{\"other\":" + open + close + "}").error, "invalid JSON: nested too deeply");
}

TEST(FactsConvertOptions, UnvalidatedIgnoredValuesAreSkipped) {
  Schema schema;
  schema.add_field(kNoNode, "n", ValueType::Number, {});
  FactsReaderOptions options;
  options.validate_ignored = false;
  FactsReader reader(schema, options);
  ReadRecord r;
  EXPECT_TRUE(reader.read_object(R"({"other":[1,tru,{"x":nul}],"n":1})", r)) << r.error;
  EXPECT_EQ(r.facts.top[0].number, 1);
  const std::string deep =
      "{\"other\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_TRUE(reader.read_object(deep, r)) << r.error;
}

TEST_F(FactsConvertTest, ReusingARecordStartsClean) {
  ReadRecord r;
  ASSERT_TRUE(reader_.read_object(R"({"count":1,"tags":["a"],"stage":"s"})", r));
  ASSERT_TRUE(reader_.read_object(R"({"flag":true})", r));
  EXPECT_EQ(f_.top(r, f_.count).state, FactState::Missing);
  EXPECT_EQ(f_.top(r, f_.tags).state, FactState::Missing);
  EXPECT_TRUE(r.facts.lists.empty());
  EXPECT_TRUE(r.facts.strings.empty());
}

// The reader remembers the key it met at each position of the previous record; records whose keys
// come in another order, or differ from the previous one only late in a long key, must still read
// each key as itself.
TEST_F(FactsConvertTest, KeysAreReadAsThemselvesWhateverTheOrderOfEarlierRecords) {
  const char* records[] = {
      R"({"id":"A","count":1,"stage":"s1","flag":true})",
      R"({"flag":false,"stage":"s2","count":2,"id":"B"})",
      R"({"stage":"s3","flag":true,"id":"C","count":3})",
      R"({"owner":"x","count":4,"stage":"s4","flag":false})",
      R"({"cou\u006et":5,"count":6,"st\u0061ge":"s5","flag":true})",
      R"({"count":7,"stage":"s6","flag":false,"id":"D"})",
      R"({"counts":8,"stag":"x","stages":"y","flag":true})",
  };
  const double counts[] = {1, 2, 3, 4, 6, 7, -1};
  const char* stages[] = {"s1", "s2", "s3", "s4", "s5", "s6", nullptr};
  read_all_twice(records, [&](std::size_t i, const ReadRecord& r) {
    expect_count_and_stage(r, counts[i], stages[i]);
    EXPECT_EQ(f_.top(r, f_.flag).boolean, i % 2 == 0 || i == 6);
  });
}

// An export's records mostly lack a key here and there (a fact left empty): the reader then
// expects the key after the missing one, and the keys after that. Whatever it expected, each key
// must read as itself, and so must the complete records around it.
TEST_F(FactsConvertTest, RecordsLackingOrAddingKeysInTheUsualOrder) {
  const char* records[] = {
      R"({"id":"A","stage":"s1","count":1,"flag":true})",
      R"({"id":"B","count":2,"flag":false})",                          // stage missing
      R"({"id":"C","stage":"s3","count":3,"flag":true})",              // complete again
      R"({"id":"D","stage":"s4","flag":false})",                       // count missing
      R"({"id":"E","count":5,"flag":true})",                           // stage missing
      R"({"id":"F","count":6,"stage":"s6","flag":false})",             // two keys swapped
      R"({"id":"G","owner":"x","stage":"s7","count":7,"flag":true})",  // a key added
      R"({"stage":"s8","count":8,"flag":false})",                      // the first key missing
      R"({"id":"I","stage":"s9","count":9})",                          // the last key missing
      R"({"id":"J","stage":"s10","count":10,"flag":false})",
  };
  const double counts[] = {1, 2, 3, -1, 5, 6, 7, 8, 9, 10};
  const char* stages[] = {"s1", nullptr, "s3", "s4", nullptr, "s6", "s7", "s8", "s9", "s10"};
  const int flags[] = {1, 0, 1, 0, 1, 0, 1, 0, -1, 0};
  read_all_twice(records, [&](std::size_t i, const ReadRecord& r) {
    expect_count_and_stage(r, counts[i], stages[i]);
    if (flags[i] < 0) {
      EXPECT_EQ(f_.top(r, f_.flag).state, FactState::Missing);
    } else {
      EXPECT_EQ(f_.top(r, f_.flag).boolean, flags[i] == 1);
    }
    EXPECT_EQ(r.id_json,
              i == 7 ? std::string("null") : "\"" + std::string(1, char('A' + i)) + "\"");
  });
}

TEST(FactsConvertKeys, LongNamesAndNamesSharingTheirFirstBytes) {
  Schema schema;
  const std::string long_name = "a_fact_name_longer_than_twenty_four_bytes";
  const NodeIndex stage = schema.add_field(kNoNode, "stage", ValueType::Number, {});
  const NodeIndex stages = schema.add_field(kNoNode, "stages", ValueType::Number, {});
  const NodeIndex stagehand = schema.add_field(kNoNode, "stagehand", ValueType::Number, {});
  const NodeIndex longer = schema.add_field(kNoNode, long_name, ValueType::Number, {});
  FactsReader reader(schema);
  auto number = [&](const ReadRecord& r, NodeIndex n) {
    const FactValue& v = r.facts.top[schema.node(n).slot];
    return v.state == FactState::Present ? v.number : -1;
  };
  ReadRecord r;
  for (int pass = 0; pass < 2; ++pass) {
    // Undeclared keys longer than the remembered words, differing only in their last bytes.
    ASSERT_TRUE(reader.read_object(
        R"({"an_undeclared_key_longer_than_24_bytes_1":0,"stage":1,"stages":2,"stagehand":3,)"
        R"(")" +
            long_name + R"(":4})",
        r))
        << r.error;
    EXPECT_EQ(number(r, stage), 1);
    EXPECT_EQ(number(r, stages), 2);
    EXPECT_EQ(number(r, stagehand), 3);
    EXPECT_EQ(number(r, longer), 4);
    ASSERT_TRUE(reader.read_object(
        R"({"an_undeclared_key_longer_than_24_bytes_2":0,"stagehand":5,"stage":6,"stages":7,)"
        R"(")" +
            long_name + R"(X":8,"stag":9})",
        r))
        << r.error;
    EXPECT_EQ(number(r, stage), 6);
    EXPECT_EQ(number(r, stages), 7);
    EXPECT_EQ(number(r, stagehand), 5);
    EXPECT_EQ(number(r, longer), -1);  // the key had one more byte: not the declared name
    ASSERT_TRUE(reader.read_object(R"({")" + long_name.substr(0, 30) + R"(":1,"stage":2})", r))
        << r.error;
    EXPECT_EQ(number(r, longer), -1);
    EXPECT_EQ(number(r, stage), 2);
  }
}

}  // namespace
}  // namespace dealgate
