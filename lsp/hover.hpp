// `textDocument/hover`: what the name under the cursor is. A fact: its declared type and comment;
// a milestone or gate: its title, what it requires and its conditions; a const or param: its
// declaration and type; a condition: its text; a phase: where it stands in the phases.
#pragma once

#include <cstdint>

#include "lsp/json_rpc.hpp"
#include "lsp/workspace.hpp"

namespace dealgate::lsp {

// A Hover, or null when the cursor is on no name.
Json hover(const CompiledRuleSet& rules, FileId file, std::uint32_t offset);

}  // namespace dealgate::lsp
