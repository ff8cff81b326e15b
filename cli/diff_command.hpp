// `dealgate diff OLD_RULES NEW_RULES --facts FILE`: evaluate every deal with both rule sets and
// report what changes (engine/run/rule_diff.hpp compares, cli/diff_report.hpp renders).
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_diff(const DiffArgs& args, const Io& io);

}  // namespace dealgate::cli
