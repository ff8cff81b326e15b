// What `check` prints about a compilation: the one-line summary and the JSON document.
#pragma once

#include <string>

#include "engine/compile/compiler.hpp"

namespace dealgate::cli {

// `enterprise.gate: 6 milestones, 1 gate, 2 tests; 0 errors, 1 warning` (several files:
// `3 files: ...`), without a line break.
std::string check_summary_line(const Compilation& compilation);

// {"files":[...],"diagnostics":[...],"errors":N,"warnings":N}, without a line break.
std::string check_json(const Compilation& compilation);

}  // namespace dealgate::cli
