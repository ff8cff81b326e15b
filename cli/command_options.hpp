// The options several commands share, declared once: the rules, the deals to read (--facts,
// --input, --id-field), the day and params they are judged with (--today, --param), --gate,
// --format and --threads. A command adds the ones it takes, in the order its --help lists them,
// and declares only what is its own; after parsing, finish() turns the typed texts into values.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "cli/options.hpp"
#include "cli/strict_input.hpp"

namespace dealgate::cli {

// What every command that reads deals is given.
struct DealInput {
  std::string facts;  // a path, or `-` for standard input
  InputFormat input = InputFormat::Auto;
  std::optional<DayNumber> today;  // empty: today's UTC date
  std::vector<std::pair<std::string, std::string>> params;
  std::string id_field = "id";
  TableOptions table{};  // --sheet, --delimiter
  std::string source;    // --source: the `source` declaration a CSV export is read with; empty: any
  StrictInput strict{};  // --allow-empty, --max-invalid
};

// `RULES...`: .gate files or folders.
void add_rules(CLI::App& command, std::vector<std::string>& rules,
               const char* description = ".gate files, or folders that hold them");
// `--gate NAME`, repeatable. One value each, so `--gate a rules/` leaves rules/ to RULES.
void add_gates(CLI::App& command, std::vector<std::string>& gates, const char* description);
// `--param NAME=VALUE` into `texts`, repeatable, one value each.
void add_params(CLI::App& command, const std::string& flag, std::vector<std::string>& texts,
                const char* description);
// The first `--param` text that is not NAME=VALUE, or the params.
std::optional<UsageError> parse_params(const std::vector<std::string>& texts,
                                       std::vector<std::pair<std::string, std::string>>& into);
// "no rule files given", for a command run without any.
std::optional<UsageError> need_rules(const CLI::App& command,
                                     const std::vector<std::string>& rules);

// The deal-input options of one command, bound to its DealInput.
class DealOptions {
 public:
  DealOptions(CLI::App& command, DealInput& into) : command_(command), into_(into) {}

  DealOptions& facts(const char* description);
  DealOptions& today(const char* description);
  DealOptions& params(const char* description);
  DealOptions& id_field();
  DealOptions& input();
  // --allow-empty and --max-invalid (cli/strict_input.hpp), for the commands that read a whole run.
  DealOptions& strict();

  // After parsing: the first option whose text is not a value, or nothing.
  std::optional<UsageError> finish();

 private:
  CLI::App& command_;
  DealInput& into_;
  std::string today_, input_, delimiter_, encoding_, max_invalid_;
  std::vector<std::string> params_;
};

}  // namespace dealgate::cli
