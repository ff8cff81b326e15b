// `dealgate lsp`: the language server (lsp/) on standard input and output.
#pragma once

#include <istream>

#include "cli/io.hpp"

namespace dealgate::cli {

// Serves until the client's `exit` or the end of `in`; returns the protocol's exit code.
int run_lsp(std::istream& in, const Io& io);

}  // namespace dealgate::cli
