#include "cli/rules.hpp"

#include <spdlog/spdlog.h>

#include "cli/messages.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {

std::optional<Compilation> load_rules(const std::vector<std::string>& paths,
                                      const CompileOptions& options, std::ostream& err,
                                      bool color) {
  RuleInputs inputs = read_rule_inputs(paths);
  for (const std::string& problem : inputs.io_errors) {
    print_error(err, problem, "RULES are .gate files, or folders that hold them", color);
  }
  if (!inputs.io_errors.empty()) return std::nullopt;
  spdlog::debug("compiling {} rule file(s)", inputs.files.size());
  return compile(inputs.files, options);
}

void print_diagnostics(const Compilation& compilation, std::ostream& err, bool color) {
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    err << render_text(d, compilation.sources, {color}) << '\n';
  }
}

}  // namespace dealgate::cli
