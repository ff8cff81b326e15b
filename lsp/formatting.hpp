// `textDocument/formatting`: the layout of `dealgate fmt`, as one edit of the whole document.
#pragma once

#include "grammar/source.hpp"
#include "lsp/json_rpc.hpp"

namespace dealgate::lsp {

// The TextEdits that format `source`: none when it is formatted already. A text that does not
// parse is left alone: RpcError(RequestFailed) says where it stops.
Json format_document(const SourceFile& source);

}  // namespace dealgate::lsp
