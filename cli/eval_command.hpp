// `dealgate eval RULES... --facts FILE|-`: compile, then stream every record through the evaluator
// to a writer, in input order.
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_eval(const EvalArgs& args, const Io& io);

}  // namespace dealgate::cli
