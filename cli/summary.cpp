#include "cli/summary.hpp"

#include <algorithm>

namespace dealgate::cli {
namespace {

std::vector<PathCount> sorted_paths(const std::unordered_map<std::string, std::uint64_t>& counts) {
  std::vector<PathCount> out;
  out.reserve(counts.size());
  for (const auto& [path, deals] : counts) out.push_back({path, deals});
  std::sort(out.begin(), out.end(), [](const PathCount& a, const PathCount& b) {
    return a.deals != b.deals ? a.deals > b.deals : a.path < b.path;
  });
  return out;
}

}  // namespace

std::string strip_list_indices(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  bool in_index = false;
  for (char c : path) {
    if (in_index) {
      if (c == ']') {
        out += c;
        in_index = false;
      }
      continue;
    }
    out += c;
    if (c == '[') in_index = true;
  }
  return out;
}

Summary::Summary(const Plan& plan) : plan_(plan), tally_of_block_(plan.blocks.size(), kNone) {}

void Summary::count_paths(const std::vector<std::string>& paths,
                          std::unordered_map<std::string, std::uint64_t>& counts) {
  if (paths.empty()) return;
  // Several elements of one list collapse to one path; each deal counts a path once.
  scratch_.clear();
  for (const std::string& path : paths) {
    scratch_.push_back(path.find('[') == std::string::npos ? path : strip_list_indices(path));
  }
  std::sort(scratch_.begin(), scratch_.end());
  scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
  for (std::string& path : scratch_) ++counts[std::move(path)];
}

void Summary::add(const DealResult& result) {
  ++records_;
  if (!result.error.empty()) {
    ++unreadable_;
    return;
  }
  for (const GateResult& gate : result.gates) {
    std::uint32_t& slot = tally_of_block_.at(gate.gate);
    if (slot == kNone) {
      slot = static_cast<std::uint32_t>(tallies_.size());
      GateTally tally;
      tally.gate = gate.gate;
      tally.failed.assign(plan_.conditions.size(), 0);
      tally.unknown.assign(plan_.conditions.size(), 0);
      tallies_.push_back(std::move(tally));
    }
    GateTally& tally = tallies_[slot];
    ++tally.counts[static_cast<int>(gate.status)];
    for (ConditionIndex c : gate.failed) ++tally.failed.at(c);
    for (ConditionIndex c : gate.unknown) ++tally.unknown.at(c);
    count_paths(gate.missing, tally.missing);
    count_paths(gate.invalid, tally.invalid);
  }
}

std::vector<GateSummary> Summary::gates() const {
  std::vector<GateSummary> out;
  out.reserve(tallies_.size());
  for (const GateTally& tally : tallies_) {
    GateSummary gate;
    gate.gate = tally.gate;
    gate.pass = tally.counts[static_cast<int>(Status::Pass)];
    gate.fail = tally.counts[static_cast<int>(Status::Fail)];
    gate.unknown = tally.counts[static_cast<int>(Status::Unknown)];
    for (ConditionIndex c = 0; c < tally.failed.size(); ++c) {
      if (tally.failed[c] + tally.unknown[c] > 0) {
        gate.blocking.push_back({c, tally.failed[c], tally.unknown[c]});
      }
    }
    std::stable_sort(
        gate.blocking.begin(), gate.blocking.end(),
        [](const BlockingCount& a, const BlockingCount& b) { return a.total() > b.total(); });
    gate.missing = sorted_paths(tally.missing);
    gate.invalid = sorted_paths(tally.invalid);
    out.push_back(std::move(gate));
  }
  return out;
}

}  // namespace dealgate::cli
