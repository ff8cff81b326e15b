// The report's trends section (`report --history FILE`): for each recorded run, oldest first,
// each gate's pass / fail / unknown as the page's stacked bars, the money ready and at risk, the
// regressions since the run before, readiness per phase, and where the rules changed.
#pragma once

#include <string>
#include <vector>

#include "cli/io.hpp"
#include "history/trends.hpp"

namespace dealgate::cli {

std::string trends_html(const std::vector<history::RunTrend>& runs);

// Reads the history at `path` into `html`. False, with the reason printed and `exit_code` set
// (kExitInput), when it cannot be read.
bool read_trends_html(const std::string& path, std::string& html, const Io& io, int& exit_code);

}  // namespace dealgate::cli
