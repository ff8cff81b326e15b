#include "cli/fmt_command.hpp"

#include <fmt/format.h>

#include <fstream>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "engine/compile/compiler.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"

namespace dealgate::cli {

int run_fmt(const FmtArgs& args, const Io& io) {
  RuleInputs inputs = read_rule_inputs(args.rules);
  for (const std::string& problem : inputs.io_errors) print_error(io.err, problem, "", io.err_color);
  if (!inputs.io_errors.empty()) return kExitUsage;
  if (!args.write && !args.check && inputs.files.size() > 1) {
    print_error(io.err, fmt::format("`fmt` prints one file, but {} were given", inputs.files.size()),
                "use `--write` to format them in place, or `--check` to list the unformatted ones", io.err_color);
    return kExitUsage;
  }
  SourceSet sources;
  bool syntax_errors = false;
  std::size_t unformatted = 0;
  for (const auto& [path, text] : inputs.files) {
    FileId id = sources.add(path, text);
    Diagnostics diagnostics;
    std::optional<ast::File> file = parse_rule_file(sources, id, diagnostics);
    for (const Diagnostic& d : diagnostics.items()) io.err << render_text(d, sources, {io.err_color}) << '\n';
    if (!file || diagnostics.has_errors()) {
      syntax_errors = true;
      continue;
    }
    std::string formatted = format_rule_file(*file, sources.file(id));
    if (args.check) {
      if (formatted != text) {
        ++unformatted;
        io.out << path << ": not formatted\n";
      }
    } else if (args.write) {
      if (formatted == text) continue;
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << formatted;
      if (!out) {
        print_error(io.err, fmt::format("cannot write `{}`", path), "", io.err_color);
        return kExitInput;
      }
      io.err << "formatted " << path << '\n';
    } else {
      io.out << formatted;
    }
  }
  if (syntax_errors) {
    print_error(io.err, "files with syntax errors were left as they are", "fix the errors above first", io.err_color);
    return kExitUsage;
  }
  if (args.check && unformatted > 0) {
    io.err << fmt::format("{} of {} file{} not formatted; run `dealgate fmt --write` on them\n", unformatted,
                          inputs.files.size(), inputs.files.size() == 1 ? " is" : "s are");
    return kExitNotPassed;
  }
  return kExitOk;
}

}  // namespace dealgate::cli
