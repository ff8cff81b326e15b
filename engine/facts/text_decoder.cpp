#include "engine/facts/text_decoder.hpp"

namespace dealgate {

namespace {

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

constexpr char32_t kReplacement = 0xFFFD;

// Windows-1252 bytes 0x80..0x9F; 0 marks the undefined ones.
constexpr char16_t kHigh1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

void decode_windows_1252(std::string_view bytes, std::string& out) {
  for (char b : bytes) {
    const auto u = static_cast<unsigned char>(b);
    if (u >= 0x80 && u < 0xA0) {
      const char16_t c = kHigh1252[u - 0x80];
      append_utf8(c == 0 ? kReplacement : c, out);
    } else {
      append_utf8(u, out);
    }
  }
}

void TextDecoder::feed(std::string_view bytes, std::string& out) {
  if (!decided_) {
    held_.append(bytes);
    if (held_.size() < 2) return;
    decided_ = true;
    const auto b0 = static_cast<unsigned char>(held_[0]);
    const auto b1 = static_cast<unsigned char>(held_[1]);
    if (b0 == 0xFF && b1 == 0xFE) {
      encoding_ = TextEncoding::Utf16Le;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      encoding_ = TextEncoding::Utf16Be;
    } else {
      out.append(held_);
      held_.clear();
      return;
    }
    held_.erase(0, 2);
    decode_utf16(out);
    return;
  }
  if (encoding_ == TextEncoding::Utf8) {
    out.append(bytes);
    return;
  }
  held_.append(bytes);
  decode_utf16(out);
}

void TextDecoder::decode_utf16(std::string& out) {
  const bool little = encoding_ == TextEncoding::Utf16Le;
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(held_[i]);
    const auto b = static_cast<unsigned char>(held_[i + 1]);
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  std::size_t i = 0;
  while (i + 2 <= held_.size()) {
    const char32_t c = unit(i);
    if (c >= 0xD800 && c < 0xDC00) {  // a high surrogate: its pair follows
      if (i + 4 > held_.size()) break;
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append_utf8(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00), out);
        i += 4;
      } else {
        append_utf8(kReplacement, out);
        i += 2;
      }
      continue;
    }
    append_utf8(c >= 0xDC00 && c < 0xE000 ? kReplacement : c, out);
    i += 2;
  }
  held_.erase(0, i);
}

void TextDecoder::finish(std::string& out) {
  if (!decided_) {
    out.append(held_);  // fewer than two bytes: not UTF-16
  } else if (encoding_ != TextEncoding::Utf8 && !held_.empty()) {
    append_utf8(kReplacement, out);
  }
  held_.clear();
  decided_ = false;
  encoding_ = TextEncoding::Utf8;
}

}  // namespace dealgate
