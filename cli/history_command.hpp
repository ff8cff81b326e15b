// `dealgate history HISTORY`: what changed since the last recorded run (history/changes.hpp).
#pragma once

#include "cli/history_options.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_history(const HistoryArgs& args, const Io& io);

}  // namespace dealgate::cli
