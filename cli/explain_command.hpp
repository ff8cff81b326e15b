// `dealgate explain RULES... --facts FILE [--deal ID]`: why one deal gets its status, and what
// would make each gate pass.
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_explain(const ExplainArgs& args, const Io& io);

}  // namespace dealgate::cli
