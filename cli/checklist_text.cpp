#include "cli/checklist_text.hpp"

#include <fmt/format.h>

namespace dealgate::cli {

void append_checklist(std::string& out, const Plan& plan, const std::vector<ChecklistItem>& items,
                      std::size_t indent, bool facts_inline, const Palette& p) {
  const std::string pad(indent, ' ');
  out += fmt::format("{}{}To pass this gate:{}\n", pad, p.bold, p.reset);
  BlockIndex current = kNone;
  for (const ChecklistItem& item : items) {
    if (item.block != current) {
      current = item.block;
      const PlanBlock& block = plan.blocks[item.block];
      out += block.label.empty() ? fmt::format("{}  {}\n", pad, block.name)
                                 : fmt::format("{}  {} ({})\n", pad, block.label, block.name);
    }
    out += fmt::format("{}    - {} {}[{}]{}\n", pad, item.text, p.dim, plan.conditions[item.condition].id, p.reset);
    if (item.facts.empty()) continue;
    if (facts_inline) {
      out += pad + "      ";
      for (std::size_t i = 0; i < item.facts.size(); ++i) {
        out += fmt::format("{}{} = {}", i ? ", " : "", item.facts[i].path, item.facts[i].value);
      }
      out += '\n';
    } else {
      for (const FactReading& f : item.facts) out += fmt::format("{}        {} = {}\n", pad, f.path, f.value);
    }
  }
}

}  // namespace dealgate::cli
