// `dealgate fmt RULES...`: print, rewrite (--write) or check (--check) the canonical layout.
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_fmt(const FmtArgs& args, const Io& io);

}  // namespace dealgate::cli
