#include "engine/plan/plan.hpp"

#include <algorithm>

namespace dealgate {

std::uint64_t expression_weight(const std::vector<ExprNode>& nodes, ExprIndex root) {
  // An explicit stack: expressions may be 1024 levels tall.
  std::uint64_t weight = 0;
  std::vector<ExprIndex> pending{root};
  while (!pending.empty()) {
    const ExprNode& n = nodes[pending.back()];
    pending.pop_back();
    weight += 1 + n.text.size();
    pending.insert(pending.end(), n.args.begin(), n.args.end());
  }
  return weight;
}

std::string_view Plan::source_of(const Span& span) const {
  if (span.file >= source_texts.size()) return {};
  std::string_view text = source_texts[span.file];
  if (span.begin > text.size() || span.end < span.begin) return {};
  return text.substr(span.begin, span.end - span.begin);
}

BlockIndex Plan::find_block(std::string_view name) const {
  for (BlockIndex i = 0; i < blocks.size(); ++i) {
    if (blocks[i].name == name) return i;
  }
  return kNone;
}

std::uint32_t Plan::find_param(std::string_view name) const {
  for (std::uint32_t i = 0; i < params.size(); ++i) {
    if (params[i].name == name) return i;
  }
  return kNone;
}

}  // namespace dealgate

namespace dealgate {
std::uint32_t PlanStages::phase_of(std::string_view stage) const {
  auto at =
      std::lower_bound(mapping.begin(), mapping.end(), stage,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  return at != mapping.end() && at->first == stage ? at->second : kUnmapped;
}

}  // namespace dealgate
