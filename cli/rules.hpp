// Reading and compiling RULES for a command: the shared first step of every command.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.hpp"
#include "engine/compile/compiler.hpp"

namespace dealgate {
struct EvalOptions;
}

namespace dealgate::cli {

struct DealInput;

// Reads the rule files and folders and compiles them. A path that cannot be read is reported on
// `err` and gives nullopt (the command exits 2); diagnostics are left in the Compilation.
std::optional<Compilation> load_rules(const std::vector<std::string>& paths,
                                      const CompileOptions& options, std::ostream& err, bool color);

// Every diagnostic, compiler style (render_text), in order, a blank line after each.
void print_diagnostics(const Compilation& compilation, std::ostream& err, bool color);

// What every command that runs rules does first: load_rules, print_diagnostics, and when there are
// errors, say that `subject` ("the rules", "the new rules (`b.gate`)") do not compile and give
// nullopt (the command exits 2).
std::optional<Compilation> load_compiled_rules(const std::vector<std::string>& paths, const Io& io,
                                               std::string_view subject = "the rules");

// What a command that evaluates deals against one rule set does first (eval, explain):
// load_compiled_rules, then make_eval_options from `gates` and the day and params of `input`.
// nullopt when either fails, reported on io.err (the command exits 2).
std::optional<Compilation> load_rules_and_options(const std::vector<std::string>& paths,
                                                  const DealInput& input,
                                                  const std::vector<std::string>& gates,
                                                  const Io& io, EvalOptions& options);

}  // namespace dealgate::cli
