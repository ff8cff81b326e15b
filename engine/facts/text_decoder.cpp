#include "engine/facts/text_decoder.hpp"

#include "base/utf8.hpp"

namespace dealgate {

namespace {

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
      append_utf8(out, c == 0 ? kReplacement : c);
    } else {
      append_utf8(out, u);
    }
  }
}

TextDecoder::TextDecoder(TextEncoding encoding) : forced_(encoding) {
  start();
}

void TextDecoder::start() {
  held_.clear();
  at_start_ = true;
  encoding_ = forced_;
  decided_ = forced_ != TextEncoding::Auto;
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
      encoding_ = TextEncoding::Utf8;
      out.append(held_);
      held_.clear();
      return;
    }
    held_.erase(0, 2);
    at_start_ = false;
    decode_utf16(out);
    return;
  }
  switch (encoding_) {
    case TextEncoding::Windows1252:
      decode_windows_1252(bytes, out);
      return;
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be:
      held_.append(bytes);
      decode_utf16(out);
      return;
    case TextEncoding::Auto:
    case TextEncoding::Utf8:
      out.append(bytes);
      return;
  }
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
    if (at_start_) {
      at_start_ = false;
      if (c == 0xFEFF) {  // a byte order mark where the encoding was forced: not text
        i += 2;
        continue;
      }
    }
    if (c >= 0xD800 && c < 0xDC00) {  // a high surrogate: its pair follows
      if (i + 4 > held_.size()) break;
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append_utf8(out, 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
      } else {
        append_utf8(out, kReplacement);
        i += 2;
      }
      continue;
    }
    append_utf8(out, c >= 0xDC00 && c < 0xE000 ? kReplacement : c);
    i += 2;
  }
  held_.erase(0, i);
}

void TextDecoder::finish(std::string& out) {
  if (!decided_) {
    out.append(held_);  // fewer than two bytes: not UTF-16
  } else if ((encoding_ == TextEncoding::Utf16Le || encoding_ == TextEncoding::Utf16Be) &&
             !held_.empty()) {
    append_utf8(out, kReplacement);
  }
  start();
}

void repair_utf8(std::string_view bytes, std::string& out) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      out.push_back(bytes[i++]);
      continue;
    }
    // The length of the sequence `lead` starts, and the range its second byte must be in
    // (Unicode table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    }
    std::size_t taken = 1;
    while (taken < length && i + taken < bytes.size()) {
      const auto next = static_cast<unsigned char>(bytes[i + taken]);
      const bool fits = taken == 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xBF;
      if (!fits) break;
      ++taken;
    }
    if (length != 0 && taken == length) {
      out.append(bytes.substr(i, length));
    } else {
      append_utf8(out, kReplacement);
    }
    i += taken;
  }
}

}  // namespace dealgate
