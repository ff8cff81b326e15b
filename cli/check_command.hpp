// `dealgate check RULES... [--strict] [--format text|json]`: compile, report diagnostics,
// summarise.
#pragma once

#include <string>

#include "cli/command_line.hpp"
#include "cli/io.hpp"
#include "engine/compiler.hpp"

namespace dealgate::cli {

int run_check(const CheckArgs& args, const Io& io);

// `enterprise.gate: 6 milestones, 1 gate, 2 tests; 0 errors, 1 warning` (several files:
// `3 files: ...`), without a line break.
std::string check_summary_line(const Compilation& compilation);

// {"files":[...],"diagnostics":[...],"errors":N,"warnings":N}, without a line break.
std::string check_json(const Compilation& compilation);

}  // namespace dealgate::cli
