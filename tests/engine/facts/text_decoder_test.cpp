// Decoding CRM exports to UTF-8 (engine/facts/text_decoder.cpp): UTF-16 with a byte order mark in
// any chunking, surrogate pairs, UTF-8 passed through, Windows-1252 cells.
#include "engine/facts/text_decoder.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

std::string decode(std::string_view bytes, std::size_t chunk) {
  TextDecoder decoder;
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) decoder.feed(bytes.substr(i, chunk), out);
  decoder.finish(out);
  return out;
}

TEST(TextDecoderTest, Utf16LittleAndBigEndian) {
  // "é😀" : U+00E9, U+1F600 (D83D DE00).
  const std::string le("\xFF\xFE\xE9\x00\x3D\xD8\x00\xDE", 8);
  const std::string be("\xFE\xFF\x00\xE9\xD8\x3D\xDE\x00", 8);
  for (std::size_t chunk : {1, 3, 100}) {
    EXPECT_EQ(decode(le, chunk), "\xC3\xA9\xF0\x9F\x98\x80") << chunk;
    EXPECT_EQ(decode(be, chunk), "\xC3\xA9\xF0\x9F\x98\x80") << chunk;
  }
  // A lone surrogate and an odd last byte are replacement characters.
  EXPECT_EQ(decode(std::string("\xFF\xFE\x00\xDC\x41", 5), 1), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TextDecoderTest, Utf8PassesThrough) {
  EXPECT_EQ(decode("\xEF\xBB\xBFid,n\n", 1), "\xEF\xBB\xBFid,n\n");
  EXPECT_EQ(decode("a", 1), "a");
}

TEST(TextDecoderTest, Windows1252) {
  std::string out;
  decode_windows_1252("Ren\xE9\x80\x81", out);
  EXPECT_EQ(out, "Ren\xC3\xA9\xE2\x82\xAC\xEF\xBF\xBD");
}

}  // namespace
}  // namespace dealgate
