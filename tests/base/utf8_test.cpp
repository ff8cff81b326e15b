// append_utf8: the byte count changes at U+0080, U+0800 and U+10000; decode_utf8 reads it back.
#include "base/utf8.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

struct Encoding {
  char32_t code;
  std::string bytes;
};

TEST(AppendUtf8, OneToFourBytesEitherSideOfEachBoundary) {
  const Encoding cases[] = {
      {0x00, std::string(1, '\0')},
      {U'A', "A"},
      {0x7F, "\x7F"},      // the last of one byte
      {0x80, "\xC2\x80"},  // the first of two
      {U'é', "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},  // the first of three
      {U'€', "\xE2\x82\xAC"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},  // the first of four
      {U'😀', "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xED\xA0\x80"},  // a surrogate too: the caller decides what is valid
  };
  for (const Encoding& c : cases) {
    std::string out;
    append_utf8(out, c.code);
    EXPECT_EQ(out, c.bytes) << "U+" << std::hex << static_cast<unsigned>(c.code);
  }
}

TEST(DecodeUtf8, ReadsBackWhatAppendWrites) {
  for (char32_t code : {U'A', U'\u00A0', U'\u201C', U'\uFEFF', U'\U0001F600'}) {
    std::string text = "x";
    append_utf8(text, code);
    text += 'y';
    std::size_t length = 0;
    EXPECT_EQ(decode_utf8(text, 1, length), code);
    EXPECT_EQ(length, text.size() - 2);
  }
  std::size_t length = 0;
  EXPECT_EQ(decode_utf8("\xE2\x80", 0, length), 0xE2u)
      << "a truncated sequence reads as its lead byte";
  EXPECT_EQ(length, 1u);
}

TEST(AppendUtf8, Appends) {
  std::string out = "caf";
  append_utf8(out, U'é');
  EXPECT_EQ(out, "caf\xC3\xA9");
}

}  // namespace
}  // namespace dealgate
