// The history's options, kept apart from the other commands': `--record` and the facts it takes
// (eval, report), `report --history`, and the `history` command itself.
#pragma once

#include <optional>
#include <string>

#include "base/calendar.hpp"
#include "cli/options.hpp"
#include "history/record_layout.hpp"

namespace CLI {
class App;
}

namespace dealgate::cli {

struct RecordArgs {
  std::string path;  // the history file; empty: nothing is recorded
  history::RecordFields fields;
};

struct HistoryArgs {
  std::string path;
  std::optional<DayNumber> since;
  int stale_within = 14;
  OutputFormat format = OutputFormat::Text;  // text, json or csv
};

// The texts of the `history` options, checked by finish_history_args once CLI11 has parsed.
struct HistoryOptionTexts {
  std::string since, stale_within = "14", format = "text";
};

// --record FILE and --close-date-field.
void add_record_options(CLI::App& command, RecordArgs& args);
// report --history FILE.
void add_trend_option(CLI::App& report, std::string& path);
// The arguments of the `history` command.
void add_history_options(CLI::App& command, HistoryArgs& args, HistoryOptionTexts& texts);
std::optional<UsageError> finish_history_args(HistoryArgs& args, const HistoryOptionTexts& texts);

}  // namespace dealgate::cli
