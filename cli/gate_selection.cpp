#include "cli/gate_selection.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/suggest.hpp"

namespace dealgate::cli {

bool select_gates(const Plan& plan, const std::vector<std::string>& names,
                  std::vector<BlockIndex>& selected, UsageError& error) {
  selected.clear();
  std::vector<std::size_t> positions;  // in Plan::gates
  for (const std::string& name : names) {
    auto gate = std::find_if(plan.gates.begin(), plan.gates.end(),
                             [&](BlockIndex b) { return plan.blocks[b].name == name; });
    if (gate != plan.gates.end()) {
      positions.push_back(static_cast<std::size_t>(gate - plan.gates.begin()));
      continue;
    }
    std::vector<std::string> gate_names;
    for (BlockIndex b : plan.gates) gate_names.push_back(plan.blocks[b].name);
    const bool is_milestone = std::any_of(plan.blocks.begin(), plan.blocks.end(),
                                          [&](const PlanBlock& b) { return b.name == name; });
    error.message = is_milestone ? fmt::format("`{}` is a milestone, not a gate", name)
                                 : fmt::format("the rules have no gate `{}`", name);
    error.help = did_you_mean(name, gate_names);
    if (error.help.empty()) {
      error.help = gate_names.empty()
                       ? "these rules declare no gates"
                       : fmt::format("the gates are: {}", fmt::join(gate_names, ", "));
    }
    return false;
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  for (std::size_t p : positions) selected.push_back(plan.gates[p]);
  return true;
}

}  // namespace dealgate::cli
