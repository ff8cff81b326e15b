// `textDocument/definition` and `textDocument/references` for milestones, gates, conditions,
// consts, params, phases and facts, across the files of the rule set.
#pragma once

#include <cstdint>

#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/workspace.hpp"

namespace dealgate::lsp {

// A Location, or null on no name or a name that is not declared.
Json definition(const CompiledRuleSet& rules, FileId file, std::uint32_t offset,
                const DocumentStore& documents);

// Every Location of the name under the cursor, in rule-file order; empty on no name.
Json references(const CompiledRuleSet& rules, FileId file, std::uint32_t offset,
                bool include_declaration, const DocumentStore& documents);

}  // namespace dealgate::lsp
