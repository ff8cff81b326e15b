#include "base/json_text.hpp"

#include <optional>
#include <utility>

#include "base/utf8.hpp"

namespace dealgate {
namespace {

// The four hex digits at `at` as a number; false when they are not there.
bool hex4(std::string_view text, std::size_t at, char32_t& code) {
  if (at + 4 > text.size()) return false;
  code = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = text[i];
    code <<= 4;
    if (c >= '0' && c <= '9')
      code |= static_cast<char32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      code |= static_cast<char32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      code |= static_cast<char32_t>(c - 'A' + 10);
    else
      return false;
  }
  return true;
}

// Decodes a JSON string's text (without its quotes); nullopt when it holds a bad escape. A lone
// surrogate comes out as its three-byte encoding.
std::optional<std::string> decode_json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i >= s.size()) return std::nullopt;
    switch (s[i]) {
      case '"':
      case '\\':
      case '/':
        out += s[i];
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        char32_t code = 0;
        if (!hex4(s, i + 1, code)) return std::nullopt;
        i += 4;
        char32_t low = 0;
        if (code >= 0xD800 && code < 0xDC00 && i + 6 < s.size() && s[i + 1] == '\\' &&
            s[i + 2] == 'u' && hex4(s, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        append_utf8(out, code);
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::string id_text(std::string_view id_json) {
  if (id_json == "null" || id_json.empty()) return {};
  if (id_json.size() >= 2 && id_json.front() == '"' && id_json.back() == '"') {
    std::optional<std::string> text = decode_json_string(id_json.substr(1, id_json.size() - 2));
    if (text) return std::move(*text);
  }
  return std::string(id_json);
}

}  // namespace dealgate
