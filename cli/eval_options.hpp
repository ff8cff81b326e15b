// `--gate`, `--param` and `--today`, as every command that evaluates deals reads them (eval,
// explain, report, diff): bound to one plan once, before any deal is read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/io.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/plan/plan.hpp"
#include "base/calendar.hpp"

namespace dealgate::cli {

// Sets `options` from the command line, checked against `plan`: the gates named (none: every
// gate), the params given (the others keep their defaults), and the day (none: today in UTC).
// A gate or param that does not fit is reported on io.err and the result is false; the command
// then exits with kExitUsage. `rules` names the rule set at the start of such a message
// (`the old rules: ...`) for a command that reads two; empty for one.
bool make_eval_options(const Plan& plan, const std::vector<std::string>& gates,
                       const std::vector<std::pair<std::string, std::string>>& params,
                       std::optional<DayNumber> today, const Io& io, EvalOptions& options,
                       std::string_view rules = {});

}  // namespace dealgate::cli
