#include "lsp/positions.hpp"

#include <string_view>

namespace dealgate::lsp {
namespace {

struct CodePoint {
  std::uint32_t bytes = 1;
  std::uint32_t units = 1;  // UTF-16 code units
};

// The code point that starts `text`, or a single byte when it is not valid UTF-8 there.
CodePoint next_code_point(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const CodePoint point = lead < 0xC0   ? CodePoint{1, 1}
                          : lead < 0xE0 ? CodePoint{2, 1}
                          : lead < 0xF0 ? CodePoint{3, 1}
                          : lead < 0xF8 ? CodePoint{4, 2}
                                        : CodePoint{1, 1};
  if (point.bytes > text.size()) return {};
  for (std::uint32_t i = 1; i < point.bytes; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return {};
  }
  return point;
}

std::string_view line_text(const SourceFile& file, std::uint32_t line) {
  // SourceFile::line drops the line break; what remains is where columns can be.
  return file.line(line + 1);
}

}  // namespace

Position position_at(const SourceFile& file, std::uint32_t offset) {
  const LineColumn at = file.locate(offset);
  std::string_view line = line_text(file, at.line - 1);
  const std::uint32_t bytes = std::min<std::uint32_t>(at.column - 1, line.size());
  std::uint32_t units = 0;
  for (std::uint32_t i = 0; i < bytes;) {
    CodePoint point = next_code_point(line.substr(i));
    i += point.bytes;
    units += point.units;
  }
  return {at.line - 1, units};
}

std::optional<std::uint32_t> offset_at(const SourceFile& file, Position position) {
  if (position.line >= file.line_count()) return std::nullopt;
  std::string_view line = line_text(file, position.line);
  const auto line_begin = static_cast<std::uint32_t>(line.data() - file.text().data());
  std::uint32_t i = 0, units = 0;
  while (i < line.size()) {
    CodePoint point = next_code_point(line.substr(i));
    // A position inside a surrogate pair means the character it belongs to.
    if (units + point.units > position.character) break;
    i += point.bytes;
    units += point.units;
  }
  return line_begin + i;
}

std::uint32_t offset_or_throw(const SourceFile& file, Position position) {
  if (auto offset = offset_at(file, position)) return *offset;
  throw RpcError(rpc_error::kInvalidParams, "line " + std::to_string(position.line) +
                                                " is past the end of the document (" +
                                                std::to_string(file.line_count()) + " lines)");
}

Json position_json(Position position) {
  return {{"line", position.line}, {"character", position.character}};
}

Json range_json(const SourceFile& file, Span span) {
  return {{"start", position_json(position_at(file, span.begin))},
          {"end", position_json(position_at(file, span.end))}};
}

}  // namespace dealgate::lsp
