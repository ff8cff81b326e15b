#include "cli/history_options.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>

namespace dealgate::cli {

void add_record_options(CLI::App& command, RecordArgs& args) {
  command.add_option("--record", args.path, "add this run to a history file (SQLite)")
      ->type_name("FILE")
      ->group("History");
  command
      .add_option("--close-date-field", args.fields.close_date,
                  "the shown date fact --record keeps as the close date (default: close_date)")
      ->type_name("PATH")
      ->group("History");
}

void add_trend_option(CLI::App& report, std::string& path) {
  report.add_option("--history", path, "add trends over the runs of this history file")
      ->type_name("FILE")
      ->group("History");
}

void add_history_options(CLI::App& command, HistoryArgs& args, HistoryOptionTexts& texts) {
  CLI::App* history = &command;
  history->add_option("HISTORY", args.path, "the file `--record` writes")->type_name("");
  history->add_option("--since", texts.since, "compare with the last run on or before DATE")
      ->type_name("DATE");
  history
      ->add_option("--stale-within", texts.stale_within,
                   "confirmations going stale within N days (default: 14)")
      ->type_name("N");
  history->add_option("--format", texts.format, "text (default), json or csv")->type_name("FORMAT");
}

std::optional<UsageError> finish_history_args(HistoryArgs& args, const HistoryOptionTexts& texts) {
  if (args.path.empty()) {
    return UsageError{"no history file given",
                      "name the file that `--record` writes: `dealgate history history.db`"};
  }
  UsageError error;
  if (!texts.since.empty()) {
    args.since = parse_today(texts.since, error);
    if (!args.since) return error;
  }
  const char* end = texts.stale_within.data() + texts.stale_within.size();
  auto [at, ec] = std::from_chars(texts.stale_within.data(), end, args.stale_within);
  if (ec != std::errc() || at != end || args.stale_within < 0 || args.stale_within > 36500) {
    return UsageError{
        fmt::format("`--stale-within {}` is not a number of days", texts.stale_within),
        "give a whole number from 0, e.g. `--stale-within 14`"};
  }
  if (texts.format == "jsonl") {
    return UsageError{"`history` does not write jsonl",
                      "`history --format` takes text, json or csv"};
  }
  const std::optional<OutputFormat> format = parse_eval_format(texts.format, error);
  if (!format) return UsageError{error.message, "`history --format` takes text, json or csv"};
  args.format = *format;
  return std::nullopt;
}

}  // namespace dealgate::cli
