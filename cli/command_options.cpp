#include "cli/command_options.hpp"

#include <fmt/format.h>

namespace dealgate::cli {

void add_rules(CLI::App& command, std::vector<std::string>& rules, const char* description) {
  command.add_option("RULES", rules, description)->type_name("");
}

void add_gates(CLI::App& command, std::vector<std::string>& gates, const char* description) {
  command.add_option("--gate", gates, description)->type_name("NAME")->allow_extra_args(false);
}

void add_params(CLI::App& command, const std::string& flag, std::vector<std::string>& texts,
                const char* description) {
  command.add_option(flag, texts, description)->type_name("NAME=VALUE")->allow_extra_args(false);
}

std::optional<UsageError> parse_params(const std::vector<std::string>& texts,
                                       std::vector<std::pair<std::string, std::string>>& into) {
  UsageError error;
  for (const std::string& text : texts) {
    std::optional<std::pair<std::string, std::string>> param = parse_param(text, error);
    if (!param) return error;
    into.push_back(std::move(*param));
  }
  return std::nullopt;
}

std::optional<UsageError> need_rules(const CLI::App& command,
                                     const std::vector<std::string>& rules) {
  if (!rules.empty()) return std::nullopt;
  return UsageError{"no rule files given",
                    fmt::format("name the .gate files or folders, e.g. `dealgate {} rules/`",
                                command.get_name())};
}

DealOptions& DealOptions::facts(const char* description) {
  command_.add_option("--facts", into_.facts, description)->type_name("FILE");
  return *this;
}

DealOptions& DealOptions::today(const char* description) {
  command_.add_option("--today", today_, description)->type_name("DATE");
  return *this;
}

DealOptions& DealOptions::params(const char* description) {
  add_params(command_, "--param", params_, description);
  return *this;
}

DealOptions& DealOptions::id_field() {
  command_.add_option("--id-field", into_.id_field, "the fact that names a deal (default: id)")
      ->type_name("FIELD");
  return *this;
}

DealOptions& DealOptions::input() {
  command_.add_option("--input", input_, "json, csv or xlsx, whatever --facts is called")
      ->type_name("KIND");
  command_
      .add_option("--sheet", into_.table.sheet,
                  "the sheet of an .xlsx to read (default: the first)")
      ->type_name("NAME");
  command_
      .add_option("--delimiter", delimiter_,
                  "the CSV cell separator: , ; or tab (default: detected)")
      ->type_name("CHAR");
  command_
      .add_option("--encoding", encoding_,
                  "the text of CSV and JSON: auto (default), utf-8, utf-16le, utf-16be or "
                  "windows-1252")
      ->type_name("NAME");
  command_
      .add_option("--source", into_.source,
                  "read a CSV export with this `source` of the rules (default: the rules' only "
                  "source, or the one the header fits)")
      ->type_name("NAME");
  return *this;
}

DealOptions& DealOptions::strict() {
  command_.add_flag("--allow-empty", into_.strict.allow_empty,
                    "an input without deals is not an error (batch shards)");
  command_
      .add_option("--max-invalid", max_invalid_,
                  "the share of a column's values that may be invalid (default: 0.5)")
      ->type_name("SHARE");
  return *this;
}

std::optional<UsageError> DealOptions::finish() {
  UsageError error;
  if (!today_.empty()) {
    std::optional<DayNumber> day = parse_today(today_, error);
    if (!day) return error;
    into_.today = *day;
  }
  if (std::optional<UsageError> bad = parse_params(params_, into_.params)) return bad;
  if (!input_.empty()) {
    std::optional<InputFormat> kind = parse_input_format(input_, error);
    if (!kind) return error;
    into_.input = *kind;
  }
  if (!delimiter_.empty()) {
    std::optional<char> delimiter = parse_delimiter(delimiter_, error);
    if (!delimiter) return error;
    into_.table.delimiter = *delimiter;
  }
  if (!encoding_.empty()) {
    std::optional<TextEncoding> encoding = parse_encoding(encoding_, error);
    if (!encoding) return error;
    into_.table.encoding = *encoding;
  }
  if (!max_invalid_.empty()) {
    std::optional<double> share = parse_share(max_invalid_, error);
    if (!share) return error;
    into_.strict.max_invalid = *share;
  }
  if (into_.id_field.empty()) {
    return UsageError{"`--id-field` is empty",
                      "name the fact that identifies a deal, e.g. `--id-field deal_id`"};
  }
  return std::nullopt;
}

}  // namespace dealgate::cli
