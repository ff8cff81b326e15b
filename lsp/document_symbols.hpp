// `textDocument/documentSymbol`: the outline of one rule file, its declarations with their
// fields and conditions as children.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "lsp/json_rpc.hpp"

namespace dealgate::lsp {

// DocumentSymbols, in source order.
Json document_symbols(const ast::File& file, const SourceFile& source);

}  // namespace dealgate::lsp
