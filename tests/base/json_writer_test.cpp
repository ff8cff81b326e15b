// The one JSON string escaper and the streaming writer every renderer uses.
#include "base/json_writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dealgate {
namespace {

std::string quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonEscape, QuotesAndBackslashes) {
  EXPECT_EQ(json_escape(R"(say "hi")"), R"(say \"hi\")");
  EXPECT_EQ(json_escape(R"(C:\dir\)"), R"(C:\\dir\\)");
  EXPECT_EQ(quoted(R"(a"b\c)"), R"("a\"b\\c")");
}

TEST(JsonEscape, ControlCharactersGetShortOrUnicodeEscapes) {
  EXPECT_EQ(json_escape("a\nb\rc\td"), R"(a\nb\rc\td)");
  EXPECT_EQ(json_escape(std::string_view("\0", 1)), R"(\u0000)");
  EXPECT_EQ(json_escape("\x01\x08\x0c\x1f"), R"(\u0001\u0008\u000c\u001f)");
  // 0x7f (DEL) is not a JSON control character.
  EXPECT_EQ(json_escape("\x7f"), "\x7f");
}

TEST(JsonEscape, NonAsciiPassesThrough) {
  EXPECT_EQ(quoted("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(JsonEscape, InvalidUtf8IsKeptByteForByte) {
  // Not mended and not escaped: the readers reject such input before it reaches a renderer.
  EXPECT_EQ(json_escape("\xC3(\xFF\x80\xED\xA0\x80"), "\xC3(\xFF\x80\xED\xA0\x80");
  EXPECT_EQ(quoted("\xFF\"\n"), "\"\xFF\\\"\\n\"");
}

TEST(JsonEscape, NeedsEscapeOnlyForQuoteBackslashAndControls) {
  EXPECT_FALSE(json_needs_escape("plain text, caf\xC3\xA9 / 'single'"));
  EXPECT_FALSE(json_needs_escape(""));
  EXPECT_TRUE(json_needs_escape("a\"b"));
  EXPECT_TRUE(json_needs_escape("a\\b"));
  EXPECT_TRUE(json_needs_escape("a\x1f"));
  EXPECT_EQ(quoted(""), R"("")");
}

// The scan reads eight bytes at a time: every byte value, at every place of a word and of the
// tail, among bytes on both sides of the boundaries (0x1f/0x20, high bytes of UTF-8) that a wrong
// bit trick would confuse with it.
TEST(JsonEscape, NeedsEscapeFindsEveryByteAtEveryPlace) {
  for (const char filler : {' ', '!', '\x7f', '\x80', '\xff', '#', '[', ']'}) {
    for (std::size_t length = 1; length <= 19; ++length) {
      for (std::size_t place = 0; place < length; ++place) {
        for (int byte = 0; byte < 256; ++byte) {
          std::string text(length, filler);
          text[place] = static_cast<char>(byte);
          const bool expected = byte == '"' || byte == '\\' || byte < 0x20;
          ASSERT_EQ(json_needs_escape(text), expected)
              << "byte " << byte << " at " << place << " of " << length << ", filler "
              << static_cast<int>(static_cast<unsigned char>(filler));
        }
      }
    }
  }
}

TEST(JsonWriter, PlacesCommasInObjectsAndArrays) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("id").string("D1");
  json.key("line").number(std::uint64_t{7});
  json.key("delta").number(std::int64_t{-3});
  json.key("ok").boolean(true);
  json.key("label").string_or_null("");
  json.key("tags").begin_array().string("a").string("b").end_array();
  json.key("empty").begin_array().end_array();
  json.end_object();
  EXPECT_EQ(
      out, R"({"id":"D1","line":7,"delta":-3,"ok":true,"label":null,"tags":["a","b"],"empty":[]})");
}

TEST(JsonWriter, NestsContainersAndKeepsEachLevelsCommas) {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  json.begin_object().key("a").begin_object().key("b").null().end_object().end_object();
  json.begin_object().end_object();
  json.begin_array().begin_array().number(1).end_array().number(2).end_array();
  json.raw(R"({"pre":"rendered"})");
  json.end_array();
  EXPECT_EQ(out, R"([{"a":{"b":null}},{},[[1],2],{"pre":"rendered"}])");
}

TEST(JsonWriter, EscapesKeysAndValuesAndAppendsToWhatIsThere) {
  std::string out = "prefix ";
  JsonWriter(out).begin_object().key("q\"k").string("line\nbreak").end_object();
  EXPECT_EQ(out, R"(prefix {"q\"k":"line\nbreak"})");
}

}  // namespace
}  // namespace dealgate
