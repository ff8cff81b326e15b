// `dealgate test RULES...`: run the rules' own `test` blocks (SPEC §8).
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_test(const TestArgs& args, const Io& io);

}  // namespace dealgate::cli
