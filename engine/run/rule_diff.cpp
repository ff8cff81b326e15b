#include "engine/run/rule_diff.hpp"

#include <algorithm>

namespace dealgate {

namespace {

constexpr std::array<std::optional<Status>, 4> kOrder = {Status::Pass, Status::Fail,
                                                         Status::Unknown, std::nullopt};

// The ids of `conditions` in `plan`.
std::vector<const std::string*> ids(const Plan& plan,
                                    const std::vector<ConditionIndex>& conditions) {
  std::vector<const std::string*> out;
  out.reserve(conditions.size());
  for (ConditionIndex c : conditions) out.push_back(&plan.conditions[c].id);
  return out;
}

// The ids in `a` that are not in `b`, in `a`'s order.
std::vector<std::string> minus(const std::vector<const std::string*>& a,
                               const std::vector<const std::string*>& b) {
  std::vector<std::string> out;
  for (const std::string* id : a) {
    const bool in_b =
        std::any_of(b.begin(), b.end(), [&](const std::string* other) { return *other == *id; });
    if (!in_b) out.push_back(*id);
  }
  return out;
}

std::vector<ConditionIndex> waived_ids(const GateResult* gate) {
  std::vector<ConditionIndex> out;
  if (gate != nullptr) {
    for (const WaivedCondition& w : gate->waived) out.push_back(w.condition);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// What differs between two versions of a waiver, for people.
std::vector<std::string> waiver_changes(const PlanWaiver& a, const PlanWaiver& b,
                                        const Plan& old_plan, const Plan& new_plan) {
  std::vector<std::string> out;
  auto compare = [&](const char* what, const std::string& before, const std::string& after) {
    if (before != after) out.push_back(std::string(what) + " " + before + " -> " + after);
  };
  compare("deals", joined(a.deals), joined(b.deals));
  const std::string when_a =
      a.when == kNone ? "" : std::string(old_plan.source_of(old_plan.nodes[a.when].span));
  const std::string when_b =
      b.when == kNone ? "" : std::string(new_plan.source_of(new_plan.nodes[b.when].span));
  compare("when", when_a, when_b);
  compare("waives", joined(a.waives), joined(b.waives));
  compare("approved by", a.approver, b.approver);
  compare("until", format_date(a.until), format_date(b.until));
  compare("reason", a.reason, b.reason);
  return out;
}

}  // namespace

RuleDiff::RuleDiff(const Plan& old_plan, const Plan& new_plan)
    : old_plan_(old_plan), new_plan_(new_plan) {
  for (BlockIndex g : new_plan.gates) {
    DiffGate gate;
    gate.name = new_plan.blocks[g].name;
    gate.new_gate = g;
    const BlockIndex old = old_plan.find_block(gate.name);
    if (old != kNone && old_plan.blocks[old].is_gate) gate.old_gate = old;
    gates_.push_back(std::move(gate));
  }
  for (BlockIndex g : old_plan.gates) {
    const std::string& name = old_plan.blocks[g].name;
    const bool matched = std::any_of(gates_.begin(), gates_.end(),
                                     [&](const DiffGate& d) { return d.old_gate == g; });
    if (!matched) gates_.push_back(DiffGate{name, g, kNone});
  }
  tallies_.resize(gates_.size());
  for (std::uint32_t w = 0; w < new_plan.waivers.size(); ++w) {
    WaiverChange change;
    change.name = new_plan.waivers[w].name;
    change.new_waiver = w;
    for (std::uint32_t o = 0; o < old_plan.waivers.size(); ++o) {
      if (old_plan.waivers[o].name == change.name) change.old_waiver = o;
    }
    if (!change.added()) {
      change.changes = waiver_changes(old_plan.waivers[change.old_waiver], new_plan.waivers[w],
                                      old_plan, new_plan);
    }
    waivers_.push_back(std::move(change));
  }
  for (std::uint32_t o = 0; o < old_plan.waivers.size(); ++o) {
    const bool matched = std::any_of(waivers_.begin(), waivers_.end(),
                                     [&](const WaiverChange& c) { return c.old_waiver == o; });
    if (!matched) waivers_.push_back(WaiverChange{old_plan.waivers[o].name, o, kNone, {}});
  }
  std::string unused;
  select({}, unused);
}

bool RuleDiff::select(const std::vector<std::string>& names, std::string& unknown) {
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < gates_.size(); ++i) {
    const bool wanted =
        names.empty() || std::find(names.begin(), names.end(), gates_[i].name) != names.end();
    if (wanted) chosen.push_back(i);
  }
  for (const std::string& name : names) {
    const bool known = std::any_of(gates_.begin(), gates_.end(),
                                   [&](const DiffGate& g) { return g.name == name; });
    if (!known) {
      unknown = name;
      return false;
    }
  }
  selected_ = std::move(chosen);
  old_selection_.clear();
  new_selection_.clear();
  // Each side evaluates its selected gates in its own declaration order.
  for (BlockIndex g : old_plan_.gates) {
    for (std::size_t i : selected_) {
      if (gates_[i].old_gate == g) old_selection_.push_back(g);
    }
  }
  for (BlockIndex g : new_plan_.gates) {
    for (std::size_t i : selected_) {
      if (gates_[i].new_gate == g) new_selection_.push_back(g);
    }
  }
  return true;
}

std::vector<std::string> RuleDiff::gate_names() const {
  std::vector<std::string> names;
  for (const DiffGate& g : gates_) names.push_back(g.name);
  return names;
}

DealChanges RuleDiff::compare(const DealResult& old_result, const DealResult& new_result) {
  DealChanges changes;
  changes.line = new_result.line;
  changes.id_json = new_result.id_json;
  ++deals_;
  auto find = [](const DealResult& result, BlockIndex gate) -> const GateResult* {
    if (gate == kNone) return nullptr;
    for (const GateResult& g : result.gates) {
      if (g.gate == gate) return &g;
    }
    return nullptr;
  };
  static const std::vector<ConditionIndex> kNoConditions;
  for (std::size_t index : selected_) {
    const DiffGate& gate = gates_[index];
    const GateResult* before = find(old_result, gate.old_gate);
    const GateResult* after = find(new_result, gate.new_gate);
    GateChange change;
    change.gate = index;
    if (before != nullptr) change.from = before->status;
    if (after != nullptr) change.to = after->status;
    const auto old_failed = ids(old_plan_, before ? before->failed : kNoConditions);
    const auto old_unknown = ids(old_plan_, before ? before->unknown : kNoConditions);
    const auto new_failed = ids(new_plan_, after ? after->failed : kNoConditions);
    const auto new_unknown = ids(new_plan_, after ? after->unknown : kNoConditions);
    change.newly_failed = minus(new_failed, old_failed);
    change.newly_unknown = minus(new_unknown, old_unknown);
    change.no_longer_failed = minus(old_failed, new_failed);
    change.no_longer_unknown = minus(old_unknown, new_unknown);
    const auto old_waived = ids(old_plan_, waived_ids(before));
    const auto new_waived = ids(new_plan_, waived_ids(after));
    change.newly_waived = minus(new_waived, old_waived);
    change.no_longer_waived = minus(old_waived, new_waived);
    const bool conditions_changed =
        !change.newly_failed.empty() || !change.newly_unknown.empty() ||
        !change.no_longer_failed.empty() || !change.no_longer_unknown.empty() ||
        !change.newly_waived.empty() || !change.no_longer_waived.empty();
    GateTally& tally = tallies_[index];
    ++tally.deals[GateTally::index(change.from)][GateTally::index(change.to)];
    if (!change.status_changed() && conditions_changed) {
      ++tally.other_conditions[GateTally::index(change.from)];
    }
    if (change.status_changed() || conditions_changed) changes.gates.push_back(std::move(change));
  }
  if (!changes.gates.empty()) ++changed_;
  return changes;
}

std::vector<Transition> transitions_of(const GateTally& tally) {
  std::vector<Transition> out;
  for (std::optional<Status> from : kOrder) {
    for (std::optional<Status> to : kOrder) {
      if (from == to) continue;
      const std::uint64_t n = tally.deals[GateTally::index(from)][GateTally::index(to)];
      if (n > 0) out.push_back(Transition{from, to, n});
    }
  }
  for (std::optional<Status> same : kOrder) {
    const std::uint64_t n = tally.other_conditions[GateTally::index(same)];
    if (n > 0) out.push_back(Transition{same, same, n});
  }
  return out;
}

std::uint64_t unchanged_of(const GateTally& tally) {
  std::uint64_t n = 0;
  for (std::size_t s = 0; s < 4; ++s) n += tally.deals[s][s] - tally.other_conditions[s];
  return n;
}

std::vector<Transition> RuleDiff::transitions(std::size_t gate) const {
  return transitions_of(tallies_[gate]);
}

std::uint64_t RuleDiff::unchanged(std::size_t gate) const {
  return unchanged_of(tallies_[gate]);
}

}  // namespace dealgate
