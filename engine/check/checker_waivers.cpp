// Waivers: each names its deals (by id, or by a condition over their facts), the conditions or
// milestones it waives, who approved it and the last day it holds. A waiver that is unclear about
// any of these is refused, so no exception is granted by accident.
#include <fmt/format.h>

#include <algorithm>

#include "engine/check/checker_internal.hpp"

namespace dealgate::checking {
namespace {

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

void Checker::check_waivers() {
  for (WaiverInfo& info : out_.waivers) {
    const ast::WaiverDecl& w = *info.decl;
    const std::string& name = w.name.name;
    if (w.deals.empty() && !w.when) {
      diag_.error("waiver-deals", w.name.span, fmt::format("waiver `{}` names no deal", name),
                  "say which deals it is for: `deal \"D-2026-0142\"`, or `when` and a condition "
                  "over their facts");
    } else if (!w.deals.empty() && w.when) {
      diag_.error(
          "waiver-deals", w.when_span,
          fmt::format("waiver `{}` names its deals both by id and by a condition", name),
          "keep one: `deal \"D-1\", \"D-2\"`, or `when ...`; two exceptions are two waivers");
    }
    if (w.when) {
      std::size_t errors_before = diag_.error_count();
      TypeRef t = check_expr(*w.when, Type::make(Type::Kind::Bool));
      if (diag_.error_count() == errors_before && t->kind != Type::Kind::Bool) {
        diag_.error("condition-not-bool", w.when->span,
                    fmt::format("the condition after `when` must be true or false, but this is {}",
                                describe(*t)));
      }
    }

    if (w.targets.empty()) {
      diag_.error("waiver-waives", w.name.span, fmt::format("waiver `{}` waives nothing", name),
                  "name what it waives: `waives value_confirmed.roi` (a condition) or "
                  "`waives acid_test` (every condition of a milestone)");
    }
    for (const ast::WaiverTarget& target : w.targets) {
      BlockIndex block = block_named(target.block);
      if (block == kNone) continue;
      auto add = [&](std::uint32_t position) {
        std::pair<BlockIndex, std::uint32_t> condition{block, position};
        if (std::find(info.conditions.begin(), info.conditions.end(), condition) ==
            info.conditions.end()) {
          info.conditions.push_back(condition);
        }
      };
      if (target.condition) {
        std::uint32_t position = condition_position(block, *target.condition);
        if (position == kNone) continue;
        add(position);
        info.waives.push_back(target.block.name + "." + target.condition->name);
        continue;
      }
      const ast::Block& decl = *out_.blocks[block].decl;
      if (decl.conditions.empty()) {
        diag_.error("waiver-waives", target.span,
                    fmt::format("`{}` has no conditions of its own to waive", target.block.name),
                    "waive the conditions of the milestones it requires instead");
        continue;
      }
      for (std::uint32_t i = 0; i < decl.conditions.size(); ++i) add(i);
      info.waives.push_back(target.block.name);
    }

    if (!w.approver) {
      diag_.error("waiver-approver", w.name.span,
                  fmt::format("waiver `{}` does not say who approved it", name),
                  "add `approved by \"Name, role\"`: every exception needs someone accountable");
    } else if (blank(w.approver->text)) {
      diag_.error("waiver-approver", w.approver->span, "the approver of a waiver cannot be empty",
                  "name who approved it: `approved by \"Dana Lee, VP Sales\"`");
    }
    if (!w.until) {
      diag_.error("waiver-until", w.name.span,
                  fmt::format("waiver `{}` does not say until when it holds", name),
                  "add `until @YYYY-MM-DD`, the last day it holds; to renew it, move the date");
    }
  }
}

}  // namespace dealgate::checking
