// LSP positions: 0-based lines, and columns counted in UTF-16 code units (the protocol's default
// encoding), where the engine counts bytes of UTF-8. Invalid UTF-8 (a file on disk) counts one
// unit a byte, as its replacement character would.
#pragma once

#include <cstdint>
#include <optional>

#include "grammar/source.hpp"
#include "lsp/json_rpc.hpp"

namespace dealgate::lsp {

Position position_at(const SourceFile& file, std::uint32_t offset);

// The byte offset of `position`. A character past the end of its line means the line's end (as
// the protocol says); a line past the last one is no position in the file: nullopt.
std::optional<std::uint32_t> offset_at(const SourceFile& file, Position position);

// offset_at, or RpcError(InvalidParams) saying the position is outside the document.
std::uint32_t offset_or_throw(const SourceFile& file, Position position);

Json position_json(Position position);
Json range_json(const SourceFile& file, Span span);

}  // namespace dealgate::lsp
