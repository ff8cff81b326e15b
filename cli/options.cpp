#include "cli/options.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace dealgate::cli {
namespace {

template <typename T, std::size_t N>
std::optional<T> pick(std::string_view text,
                      const std::array<std::pair<std::string_view, T>, N>& choices,
                      std::string_view option, UsageError& error) {
  std::string names;
  for (std::size_t i = 0; i < N; ++i) {
    if (choices[i].first == text) return choices[i].second;
    names += i == 0 ? "" : i + 1 == N ? " or " : ", ";
    names += choices[i].first;
  }
  error = {fmt::format("`{}` is not a valid value for {}", text, option),
           fmt::format("choose {}", names)};
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, OutputFormat>, 4> kEvalFormats{{
    {"text", OutputFormat::Text},
    {"json", OutputFormat::Json},
    {"jsonl", OutputFormat::Jsonl},
    {"csv", OutputFormat::Csv},
}};

constexpr std::array<std::pair<std::string_view, OutputFormat>, 2> kCheckFormats{{
    {"text", OutputFormat::Text},
    {"json", OutputFormat::Json},
}};

}  // namespace

std::optional<OutputFormat> parse_eval_format(std::string_view text, UsageError& error) {
  return pick(text, kEvalFormats, "--format", error);
}

std::optional<OutputFormat> parse_check_format(std::string_view text, UsageError& error) {
  if (text == "jsonl" || text == "csv") {
    error = {fmt::format("`check` does not write {}", text),
             "`check --format` takes text or json; jsonl and csv are formats of `eval`"};
    return std::nullopt;
  }
  return pick(text, kCheckFormats, "--format", error);
}

std::optional<DayNumber> parse_today(std::string_view text, UsageError& error) {
  if (auto day = parse_date(text)) return day;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  error = {shaped ? fmt::format("`--today {}` is not a day of the calendar", text)
                  : fmt::format("`--today {}` is not a date", text),
           "write the date as YYYY-MM-DD, e.g. `--today 2026-11-26`"};
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> parse_param(std::string_view text,
                                                               UsageError& error) {
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    error = {fmt::format("`--param {}` needs a name and a value", text),
             "write it as NAME=VALUE, e.g. `--param min_roi=4`"};
    return std::nullopt;
  }
  return std::pair<std::string, std::string>{std::string(text.substr(0, eq)),
                                             std::string(text.substr(eq + 1))};
}

std::optional<unsigned> parse_threads(std::string_view text, UsageError& error) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size() && value >= 1 && value <= kMaxThreads) {
    return value;
  }
  error = {fmt::format("`--threads {}` is not a number of threads", text),
           fmt::format("give a whole number from 1 to {}, e.g. `--threads 4`", kMaxThreads)};
  return std::nullopt;
}

std::optional<ColorMode> parse_color(std::string_view text, UsageError& error) {
  static constexpr std::array<std::pair<std::string_view, ColorMode>, 3> kModes{{
      {"auto", ColorMode::Auto},
      {"always", ColorMode::Always},
      {"never", ColorMode::Never},
  }};
  return pick(text, kModes, "--color", error);
}

std::optional<spdlog::level::level_enum> parse_log_level(std::string_view text, UsageError& error) {
  using spdlog::level::level_enum;
  static constexpr std::array<std::pair<std::string_view, level_enum>, 6> kLevels{{
      {"trace", level_enum::trace},
      {"debug", level_enum::debug},
      {"info", level_enum::info},
      {"warn", level_enum::warn},
      {"error", level_enum::err},
      {"off", level_enum::off},
  }};
  return pick(text, kLevels, "--log-level", error);
}

std::optional<InputFormat> parse_input_format(std::string_view text, UsageError& error) {
  static constexpr std::array<std::pair<std::string_view, InputFormat>, 3> kInputs{{
      {"json", InputFormat::Json},
      {"csv", InputFormat::Csv},
      {"xlsx", InputFormat::Xlsx},
  }};
  return pick(text, kInputs, "--input", error);
}

std::optional<double> parse_share(std::string_view text, UsageError& error) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size() && value >= 0 && value <= 1) {
    return value;
  }
  error = {fmt::format("`--max-invalid {}` is not a share from 0 to 1", text),
           "give the share of a column's values that may be invalid, e.g. `--max-invalid 0.2` "
           "(1 never stops a run)"};
  return std::nullopt;
}

std::optional<char> parse_delimiter(std::string_view text, UsageError& error) {
  // A tab is hard to type in a shell, so it has a name; `\t` as a shell passes it works too.
  static constexpr std::array<std::pair<std::string_view, char>, 5> kDelimiters{{
      {",", ','},
      {";", ';'},
      {"tab", '\t'},
      {"\t", '\t'},
      {"\\t", '\t'},
  }};
  return pick(text, kDelimiters, "--delimiter", error);
}

std::optional<TextEncoding> parse_encoding(std::string_view text, UsageError& error) {
  static constexpr std::array<std::pair<std::string_view, TextEncoding>, 5> kEncodings{{
      {"auto", TextEncoding::Auto},
      {"utf-8", TextEncoding::Utf8},
      {"utf-16le", TextEncoding::Utf16Le},
      {"utf-16be", TextEncoding::Utf16Be},
      {"windows-1252", TextEncoding::Windows1252},
  }};
  return pick(text, kEncodings, "--encoding", error);
}

}  // namespace dealgate::cli
