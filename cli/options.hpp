// The values a user can type on the command line, and how each is read. Every reader returns the
// value, or nullopt with a UsageError that says what is wrong and how to mend it; nothing here
// prints or exits, so each rule is tested on its own.
#pragma once

#include <spdlog/common.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/calendar.hpp"
#include "engine/facts/text_decoder.hpp"

namespace dealgate::cli {

// A mistake on the command line: the message says what is wrong, the help how to mend it.
struct UsageError {
  std::string message;
  std::string help;
};

enum class OutputFormat { Text, Json, Jsonl, Csv };
enum class ColorMode { Auto, Always, Never };
// Auto: `.csv` files are CSV, `.xlsx` files XLSX, everything else JSON.
enum class InputFormat { Auto, Json, Csv, Xlsx };

// How the deals are read, beyond the format: a table's (CSV or XLSX) sheet and delimiter, and the
// text encoding of CSV and JSON input (an XLSX names its own).
struct TableOptions {
  std::string sheet;   // XLSX: the sheet to read; empty: the first
  char delimiter = 0;  // CSV: `,` `;` or a tab; 0 detects it from the header
  TextEncoding encoding = TextEncoding::Auto;  // CSV and JSON (engine/facts/text_decoder.hpp)
};

// `eval --format`: text, json, jsonl or csv.
std::optional<OutputFormat> parse_eval_format(std::string_view text, UsageError& error);
// `check --format`: text or json.
std::optional<OutputFormat> parse_check_format(std::string_view text, UsageError& error);
// `--today YYYY-MM-DD`, a real calendar day.
std::optional<DayNumber> parse_today(std::string_view text, UsageError& error);
// `--param NAME=VALUE`: the name and the value's text (typed later, against the rules' params).
std::optional<std::pair<std::string, std::string>> parse_param(std::string_view text,
                                                               UsageError& error);
// `--threads N`, 1 to kMaxThreads.
inline constexpr unsigned kMaxThreads = 1024;
std::optional<unsigned> parse_threads(std::string_view text, UsageError& error);
// `--color auto|always|never`.
std::optional<ColorMode> parse_color(std::string_view text, UsageError& error);
// `--log-level trace|debug|info|warn|error|off`.
std::optional<spdlog::level::level_enum> parse_log_level(std::string_view text, UsageError& error);
// `--input json|csv|xlsx`.
std::optional<InputFormat> parse_input_format(std::string_view text, UsageError& error);
// `--max-invalid SHARE`: a number from 0 to 1.
std::optional<double> parse_share(std::string_view text, UsageError& error);
// `--delimiter , | ; | tab`.
std::optional<char> parse_delimiter(std::string_view text, UsageError& error);
// `--encoding auto|utf-8|utf-16le|utf-16be|windows-1252`.
std::optional<TextEncoding> parse_encoding(std::string_view text, UsageError& error);

}  // namespace dealgate::cli
