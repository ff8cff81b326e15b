// Decoding CRM exports to UTF-8 (engine/facts/text_decoder.cpp): UTF-16 with a byte order mark in
// any chunking, surrogate pairs, UTF-8 passed through, Windows-1252 cells.
#include "engine/facts/text_decoder.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

std::string decode(std::string_view bytes, std::size_t chunk,
                   TextEncoding encoding = TextEncoding::Auto) {
  TextDecoder decoder(encoding);
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

TEST(TextDecoderTest, ForcedUtf16WithoutAByteOrderMark) {
  const std::string le("\xE9\x00\x3D\xD8\x00\xDE", 6);
  const std::string be("\x00\xE9\xD8\x3D\xDE\x00", 6);
  for (std::size_t chunk : {1, 3, 100}) {
    EXPECT_EQ(decode(le, chunk, TextEncoding::Utf16Le), "\xC3\xA9\xF0\x9F\x98\x80") << chunk;
    EXPECT_EQ(decode(be, chunk, TextEncoding::Utf16Be), "\xC3\xA9\xF0\x9F\x98\x80") << chunk;
  }
  // A leading mark is dropped, a later U+FEFF is text.
  EXPECT_EQ(decode(std::string("\xFF\xFE\x41\x00\xFF\xFE", 6), 1, TextEncoding::Utf16Le),
            "A\xEF\xBB\xBF");
}

TEST(TextDecoderTest, ForcedWindows1252ReadsValidUtf8AsItsLetters) {
  // `Ã©` in Windows-1252 is C3 A9, which is also `é` in UTF-8: only forcing tells them apart.
  EXPECT_EQ(decode("Ren\xC3\xA9", 1), "Ren\xC3\xA9");
  EXPECT_EQ(decode("Ren\xC3\xA9", 1, TextEncoding::Windows1252), "Ren\xC3\x83\xC2\xA9");
}

TEST(TextDecoderTest, ForcedUtf8LeavesAUtf16MarkAlone) {
  const std::string marked = std::string("\xFF\xFE", 2) + "a";
  EXPECT_EQ(decode(marked, 1, TextEncoding::Utf8), marked);
}

TEST(TextDecoderTest, RepairUtf8ReplacesEachMaximalSubpart) {
  std::string out;
  repair_utf8("a\xC3\xA9\xE9z\xE2\x82\xF0\x9F\x98\x80\xC0\xAF\xED\xA0\x80", out);
  // é kept; lone E9 → FFFD; truncated E2 82 → one FFFD; 😀 kept; C0 and AF → two; ED A0 80 (a
  // surrogate) → ED, A0, 80 each one.
  EXPECT_EQ(out,
            "a\xC3\xA9\xEF\xBF\xBDz\xEF\xBF\xBD\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBD"
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace dealgate
