// `dealgate check RULES... [--strict] [--format text|json]`: compile, report diagnostics,
// summarise.
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_check(const CheckArgs& args, const Io& io);

}  // namespace dealgate::cli
