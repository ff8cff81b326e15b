#include "cli/command_help.hpp"

#include <fmt/format.h>

#include <vector>

#include "base/suggest.hpp"

namespace dealgate::cli {

std::string Formatter::make_description(const CLI::App* app) const {
  const std::string& text = app->get_description();
  if (text.empty()) return {};
  return text + (text.back() == '\n' ? "\n" : "\n\n");
}
std::string Formatter::make_usage(const CLI::App* app, std::string) const {
  const std::string& name = app->get_name();
  if (name == "check")
    return "Usage: dealgate check RULES... [--strict] [--format text|json] [--today DATE]\n";
  if (name == "eval") return "Usage: dealgate eval RULES... --facts FILE|- [OPTIONS]\n";
  if (name == "test") return "Usage: dealgate test RULES... [--filter TEXT] [--coverage]\n";
  if (name == "explain")
    return "Usage: dealgate explain RULES... --facts FILE [--deal ID] [--gate NAME]... "
           "[OPTIONS]\n";
  if (name == "fmt") return "Usage: dealgate fmt RULES... [--write | --check]\n";
  if (name == "diff") return "Usage: dealgate diff OLD_RULES NEW_RULES --facts FILE|- [OPTIONS]\n";
  if (name == "report")
    return "Usage: dealgate report RULES... --facts FILE -o FILE.html [OPTIONS]\n";
  if (name == "lsp") return "Usage: dealgate lsp [--stdio]\n";
  if (name == "history")
    return "Usage: dealgate history HISTORY [--since DATE] [--stale-within N] [--format F]\n";
  return "Usage: dealgate [--color WHEN] [--log-level LEVEL] COMMAND [ARGS...]\n";
}

UsageError unknown_argument(const std::string& arg, const CLI::App& command, bool has_command) {
  if (arg.empty() || arg[0] != '-') {
    if (!has_command) {
      std::string help = did_you_mean(
          arg, {"check", "eval", "test", "explain", "fmt", "diff", "report", "lsp", "history"});
      return UsageError{
          fmt::format("`{}` is not a dealgate command", arg),
          help.empty()
              ? "the commands are `check`, `eval`, `test`, `explain`, `fmt`, `diff`, `report`, "
                "`lsp` and `history`"
              : help};
    }
    return UsageError{fmt::format("unexpected argument `{}`", arg), ""};
  }
  std::string name = arg.substr(0, arg.find('='));
  std::vector<std::string> candidates;
  for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option : app->get_options()) {
      for (const std::string& lname : option->get_lnames()) candidates.push_back("--" + lname);
    }
  }
  std::string help = did_you_mean(name, candidates);
  return UsageError{fmt::format("`{}` is not an option of `{}`", name,
                                has_command ? "dealgate " + command.get_name() : "dealgate"),
                    help};
}

}  // namespace dealgate::cli
