// `dealgate report RULES... --facts FILE -o report.html`: evaluate every deal (with the "to pass
// this gate" checklists) and write the pipeline review page (cli/report_html.hpp).
#pragma once

#include "cli/command_line.hpp"
#include "cli/io.hpp"

namespace dealgate::cli {

int run_report(const ReportArgs& args, const Io& io);

}  // namespace dealgate::cli
