#include "base/text.hpp"

#include <string.h>  // memmem (a GNU extension)

#include "base/utf8.hpp"

namespace dealgate {
namespace {

char32_t lower_code_point(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0 && c != 0x130) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;
  if (c == 0x178) return 0xFF;
  if ((c == 0x179 || c == 0x17B || c == 0x17D)) return c + 1;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

}  // namespace

std::string utf8_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    // Only one- and two-byte sequences hold letters with a mapping here; copy the rest as is.
    if (b < 0x80) {
      out += static_cast<char>(lower_code_point(b));
      ++i;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      append_utf8(out, lower_code_point(c));
      i += 2;
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool text_contains(std::string_view text, std::string_view part) {
  // glibc's memmem is linear in the worst case (the two-way algorithm for long parts). Neither
  // std::string_view::find (|part| comparisons at each place) nor std::boyer_moore_searcher (its
  // table takes time quadratic in a repetitive part) is.
  if (part.empty()) return true;
  return ::memmem(text.data(), text.size(), part.data(), part.size()) != nullptr;
}

}  // namespace dealgate
