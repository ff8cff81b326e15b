// Reading and compiling RULES for a command: the shared first step of `check` and `eval`.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/compiler.hpp"

namespace dealgate::cli {

// Reads the rule files and folders and compiles them. A path that cannot be read is reported on
// `err` and gives nullopt (the command exits 2); diagnostics are left in the Compilation.
std::optional<Compilation> load_rules(const std::vector<std::string>& paths,
                                      const CompileOptions& options, std::ostream& err, bool color);

// Every diagnostic, compiler style (render_text), in order, a blank line after each.
void print_diagnostics(const Compilation& compilation, std::ostream& err, bool color);

}  // namespace dealgate::cli
