// `textDocument/completion`: what may be written at the cursor. Fact paths (and the fields of a
// record after `.`), milestones and gates, consts, params, functions, phases and keywords, each
// where the language allows it.
#pragma once

#include <cstdint>

#include "grammar/source.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/workspace.hpp"

namespace dealgate::lsp {

// A CompletionList. `current` is the document as the editor has it; the names come from `rules`,
// which may be an older version that parsed.
Json complete(const CompiledRuleSet& rules, const SourceFile& current, std::uint32_t offset);

}  // namespace dealgate::lsp
