// UTF-8 encoding of one code point. The rule language's `\u{...}` escapes, JSON's `\uXXXX` escapes
// and case mapping all produce code points; this is the one place they become bytes. It lives in
// grammar/, the lowest layer, so engine/, api/ and cli/ can use it too.
#pragma once

#include <string>

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

}  // namespace dealgate
