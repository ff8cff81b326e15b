// `dealgate history` in its three formats: text for people, one JSON document, CSV rows.
#pragma once

#include <ostream>
#include <string>

#include "cli/options.hpp"
#include "history/changes.hpp"

namespace dealgate::cli {

void write_history(const history::HistoryAnswers& answers, const std::string& path,
                   int stale_within, OutputFormat format, std::ostream& out);

}  // namespace dealgate::cli
