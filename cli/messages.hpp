// Messages to the user that are not about a place in a rule file: usage errors, unreadable paths.
// They look like the diagnostics (`error: ...`, then `  = help: ...`), on standard error.
#pragma once

#include <ostream>
#include <string_view>

#include "cli/options.hpp"

namespace dealgate::cli {

void print_error(std::ostream& err, const UsageError& error, bool color);
void print_error(std::ostream& err, std::string_view message, std::string_view help, bool color);

}  // namespace dealgate::cli
