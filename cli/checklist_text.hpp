// "To pass this gate" as text: the items grouped under their milestones, each with its condition
// id and the facts it read. Shared by the text report of `eval` and by `explain`.
#pragma once

#include <string>
#include <vector>

#include "cli/terminal.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::cli {

// `facts_inline`: the facts on one line after the item (the report), or one a line (explain).
void append_checklist(std::string& out, const Plan& plan, const std::vector<ChecklistItem>& items,
                      std::size_t indent, bool facts_inline, const Palette& p);

}  // namespace dealgate::cli
