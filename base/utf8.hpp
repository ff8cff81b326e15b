// UTF-8 encoding and decoding of one code point. The rule language's `\u{...}` escapes, JSON's
// `\uXXXX` escapes and case mapping all produce code points; this is the one place they become
// bytes. It lives in grammar/, the lowest layer, so engine/, api/ and cli/ can use it too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dealgate {

// Appends `code` as 1 to 4 bytes. The caller decides what is a valid scalar value: surrogates are
// encoded as they come (three bytes), as a JSON decoder meeting a lone `\ud800` needs.
inline void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The code point that starts at `at` of well-formed UTF-8 (rule files are checked before they are
// parsed), and in `length` how many bytes it takes. A stray continuation byte reads as itself.
inline char32_t decode_utf8(std::string_view text, std::size_t at, std::size_t& length) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > text.size()) length = 1;
  if (length == 1) return lead;
  char32_t code = lead & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i) code = (code << 6) | (byte(at + i) & 0x3F);
  return code;
}

}  // namespace dealgate
