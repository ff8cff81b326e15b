// `textDocument/publishDiagnostics`: the checker's diagnostics, as `dealgate check` words them,
// placed in the editor.
#pragma once

#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"

namespace dealgate::lsp {

// The URI that names `path` to the editor: an open document's own, else one made from the path.
std::string uri_for(const std::string& path, const DocumentStore& documents);

Json diagnostic_json(const Diagnostic& diagnostic, const SourceSet& sources,
                     const DocumentStore& documents);

// The params of one publishDiagnostics for each file of the rule set, in order. A file without
// diagnostics gets an empty list, which clears what the editor showed before.
std::vector<Json> publish_diagnostics_params(const Analysis& analysis,
                                             const DocumentStore& documents);

}  // namespace dealgate::lsp
