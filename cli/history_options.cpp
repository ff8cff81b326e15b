#include "cli/history_options.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>

namespace dealgate::cli {

namespace {

constexpr const char* kHistoryFooter =
    "What changed since the run before the latest one recorded with `--record` (or since the\n"
    "last run on or before --since): deals newly passing, failing or unknown on each gate and the\n"
    "conditions responsible; how long each deal has been in its stage; close dates that moved\n"
    "later (how often, by how many days); confirmations that go stale within --stale-within days\n"
    "under the rules' freshness conditions (`today - DATE <= LIMIT`). A rule change between the\n"
    "runs compared is said first.\n"
    "\n"
    "Examples:\n"
    "  dealgate eval rules/ --facts deals.jsonl --record history.db     each week\n"
    "  dealgate history history.db\n"
    "  dealgate history history.db --since 2026-11-01 --format json\n"
    "\n"
    "Exit codes: 0 answered, 2 usage error, 3 the history cannot be read.\n"
    "\n";

}  // namespace

void add_record_options(CLI::App& command, RecordArgs& args) {
  command.add_option("--record", args.path, "add this run to a history file (SQLite)")
      ->type_name("FILE")
      ->group("History");
  command
      .add_option("--close-date-field", args.fields.close_date,
                  "the date fact --record keeps as the close date (default: close_date)")
      ->type_name("PATH")
      ->group("History");
  command
      .add_option("--amount-field", args.fields.amount,
                  "the number fact --record keeps as the amount (default: amount)")
      ->type_name("PATH")
      ->group("History");
  command
      .add_option("--field", args.fields.display, "a fact --record keeps for display (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->group("History");
}

void add_trend_option(CLI::App& report, std::string& path) {
  report.add_option("--history", path, "add trends over the runs of this history file")
      ->type_name("FILE")
      ->group("History");
}

CLI::App* add_history_command(CLI::App& app, HistoryArgs& args, HistoryOptionTexts& texts) {
  CLI::App* history =
      app.add_subcommand("history", "what changed since the last recorded run, and trends");
  history->fallthrough();
  history->group("Commands");
  history->footer(kHistoryFooter);
  history->add_option("HISTORY", args.path, "the file `--record` writes")->type_name("");
  history->add_option("--since", texts.since, "compare with the last run on or before DATE")
      ->type_name("DATE");
  history
      ->add_option("--stale-within", texts.stale_within,
                   "confirmations going stale within N days (default: 14)")
      ->type_name("N");
  history->add_option("--format", texts.format, "text (default), json or csv")->type_name("FORMAT");
  return history;
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
