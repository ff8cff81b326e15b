#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

void append_utf8(std::string& out, std::uint32_t code) {
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

bool hex4(std::string_view text, std::size_t at, std::uint32_t& code) {
  if (at + 4 > text.size()) return false;
  code = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    char c = text[i];
    code <<= 4;
    if (c >= '0' && c <= '9')
      code |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      code |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      code |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<ResultWriter> make_writer(OutputFormat format, const Plan& plan, std::ostream& out,
                                          const WriterOptions& options) {
  switch (format) {
    case OutputFormat::Jsonl:
      return make_jsonl_writer(plan, out);
    case OutputFormat::Json:
      return make_json_writer(plan, out);
    case OutputFormat::Csv:
      return make_csv_writer(plan, out);
    case OutputFormat::Text:
      break;
  }
  return make_text_writer(plan, out, options);
}

std::string id_text(std::string_view id_json) {
  if (id_json == "null" || id_json.empty()) return {};
  if (id_json.size() < 2 || id_json.front() != '"' || id_json.back() != '"') {
    return std::string(id_json);
  }
  std::string_view body = id_json.substr(1, id_json.size() - 2);
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        std::uint32_t code = 0;
        if (!hex4(body, i + 1, code)) {
          out += "\\u";
          break;
        }
        i += 4;
        std::uint32_t low = 0;
        if (code >= 0xD800 && code < 0xDC00 && i + 2 < body.size() && body[i + 1] == '\\' &&
            body[i + 2] == 'u' && hex4(body, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        append_utf8(out, code);
        break;
      }
      default:
        out += e;  // \" \\ \/
    }
  }
  return out;
}

}  // namespace dealgate::cli
