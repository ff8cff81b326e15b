// The command line: the commands and options of `dealgate`, its --help, and turning argv into a
// parsed command or an exit (help, version, usage error). Prints nothing itself, so it is tested
// by comparing what it returns.
#pragma once

#include <spdlog/common.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "cli/command_options.hpp"
#include "cli/history_options.hpp"
#include "cli/options.hpp"

namespace dealgate::cli {

struct CheckArgs {
  std::vector<std::string> rules;
  bool strict = false;
  OutputFormat format = OutputFormat::Text;
  std::optional<DayNumber> today;  // a waiver whose last day is before it is an error
};

// The commands that read deals take a DealInput (cli/command_options.hpp): --facts, --input,
// --today, --param, --id-field.
struct EvalArgs : DealInput {
  std::vector<std::string> rules;
  OutputFormat format = OutputFormat::Text;
  std::vector<std::string> gates;  // empty: every gate
  unsigned threads = 0;            // 0: one per core
  RecordArgs record;               // --record: add the run to a history
};

struct TestArgs {
  std::vector<std::string> rules;
  std::string filter;     // only tests whose names contain it
  bool coverage = false;  // report which conditions the tests exercise
};

struct ExplainArgs : DealInput {
  std::vector<std::string> rules;
  std::string deal;                          // the id of the deal to explain; empty: the first
  std::vector<std::string> gates;            // empty: every gate
  OutputFormat format = OutputFormat::Text;  // text or json
};

struct FmtArgs {
  std::vector<std::string> rules;
  bool write = false;  // rewrite the files in place
  bool check = false;  // only report the files that are not formatted
};

struct DiffArgs : DealInput {  // `params` go to each side that declares them
  std::string old_rules;       // a .gate file or a folder
  std::string new_rules;
  OutputFormat format = OutputFormat::Text;  // text, json or csv
  std::vector<std::string> gates;            // empty: every gate of either rule set
  std::vector<std::pair<std::string, std::string>> old_params;  // the old rules only
  std::vector<std::pair<std::string, std::string>> new_params;  // the new rules only
  unsigned threads = 0;                                         // 0: one per core
};

struct ReportArgs : DealInput {
  std::vector<std::string> rules;
  std::string output;    // the HTML file to write, or `-` for standard output
  unsigned threads = 0;  // 0: one per core
  RecordArgs record;
  std::string history;  // --history: trends over its runs
};

struct CommandLine {
  enum class Kind { Check, Eval, Test, Explain, Fmt, Diff, Report, Lsp, History, Exit };
  Kind kind = Kind::Exit;
  // Global options.
  ColorMode color = ColorMode::Auto;
  spdlog::level::level_enum log_level = spdlog::level::warn;
  CheckArgs check;
  EvalArgs eval;
  TestArgs test;
  ExplainArgs explain;
  FmtArgs fmt;
  DiffArgs diff;
  ReportArgs report;
  HistoryArgs history;
  // Kind::Exit: what to print and the exit code (0 for --help and --version, 2 for usage errors).
  int exit_code = 0;
  std::string out_text;             // for standard output (--help, --version)
  std::optional<UsageError> error;  // for standard error
  std::string error_command;        // `dealgate eval` etc., to point at the right --help
};

CommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace dealgate::cli
