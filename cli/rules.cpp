#include "cli/rules.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command_options.hpp"
#include "cli/eval_options.hpp"
#include "cli/messages.hpp"
#include "cli/plural.hpp"
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

std::optional<Compilation> load_compiled_rules(const std::vector<std::string>& paths, const Io& io,
                                               std::string_view subject) {
  std::optional<Compilation> compilation = load_rules(paths, {}, io.err, io.err_color);
  if (!compilation) return std::nullopt;
  print_diagnostics(*compilation, io.err, io.err_color);
  if (compilation->ok()) return compilation;
  print_error(io.err,
              fmt::format("{} do not compile ({})", subject,
                          count_of(compilation->diagnostics.error_count(), "error")),
              "fix the errors above; `dealgate check` shows them on their own", io.err_color);
  return std::nullopt;
}

std::optional<Compilation> load_rules_and_options(const std::vector<std::string>& paths,
                                                  const DealInput& input,
                                                  const std::vector<std::string>& gates,
                                                  const Io& io, EvalOptions& options) {
  std::optional<Compilation> compilation = load_compiled_rules(paths, io);
  if (!compilation) return std::nullopt;
  if (!make_eval_options(*compilation->plan, gates, input.params, input.today, io, options)) {
    return std::nullopt;
  }
  return compilation;
}

}  // namespace dealgate::cli
