#include "cli/eval_options.hpp"

#include <fmt/format.h>

#include "cli/gate_selection.hpp"
#include "cli/messages.hpp"

namespace dealgate::cli {
namespace {

// `message`, led by the name of the rule set it is about when a command reads two.
std::string prefixed(std::string_view rules, std::string message) {
  if (rules.empty()) return message;
  return fmt::format("{}: {}", rules, message);
}

}  // namespace

bool make_eval_options(const Plan& plan, const std::vector<std::string>& gates,
                       const std::vector<std::pair<std::string, std::string>>& params,
                       std::optional<DayNumber> today, const Io& io, EvalOptions& options,
                       std::string_view rules) {
  UsageError error;
  if (!select_gates(plan, gates, options.gates, error)) {
    error.message = prefixed(rules, std::move(error.message));
    print_error(io.err, error, io.err_color);
    return false;
  }
  std::string param_error;
  options.params = bind_params(plan, params, param_error);
  if (!options.params) {
    print_error(io.err, prefixed(rules, std::move(param_error)), "", io.err_color);
    return false;
  }
  options.today = today.value_or(today_utc());
  return true;
}

}  // namespace dealgate::cli
