// What a rule change does to the pipeline: the same deals evaluated with an old and a new rule set,
// compared gate by gate. The logic of `dealgate diff`; the CLI reads, evaluates and renders.
//
// Gates are matched by name. A gate of only the new rules is "added", one of only the old rules
// "removed"; on the side without it a deal's status is "none" (nullopt). Conditions are matched
// by id (`value_confirmed.roi`), so a condition that moved to another place in the file is the
// same condition; one that was renamed is a new one.
//
// For each deal and gate, a change is a different status, or the same status for other reasons:
// conditions that are newly failed or unknown, or no longer failed or unknown (`failed` and
// `unknown` as in the JSON Lines record, every block the gate reaches included). Warnings and
// messages are not compared: they never change a status. Conditions newly waived, or no longer
// waived, are a change too, and the waivers of both rule sets are listed with what changed in them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// A gate of either rule set.
struct DiffGate {
  std::string name;
  BlockIndex old_gate = kNone;  // kNone: only in the new rules (added)
  BlockIndex new_gate = kNone;  // kNone: only in the old rules (removed)
  bool added() const { return old_gate == kNone; }
  bool removed() const { return new_gate == kNone; }
};

// How one deal's result on one gate changed.
struct GateChange {
  std::size_t gate = 0;                        // index into RuleDiff::gates()
  std::optional<Status> from;                  // nullopt: the old rules have no such gate
  std::optional<Status> to;                    // nullopt: the new rules have no such gate
  std::vector<std::string> newly_failed;       // condition ids, in the new rules' order
  std::vector<std::string> newly_unknown;      // likewise
  std::vector<std::string> no_longer_failed;   // in the old rules' order
  std::vector<std::string> no_longer_unknown;  // likewise
  std::vector<std::string> newly_waived;  // waived by a waiver in force, in the new rules' order
  std::vector<std::string> no_longer_waived;  // in the old rules' order
  bool status_changed() const { return from != to; }
};

// A waiver of either rule set, matched by name, and what changed in it.
struct WaiverChange {
  std::string name;
  std::uint32_t old_waiver = kNone;  // kNone: only in the new rules (added)
  std::uint32_t new_waiver = kNone;  // kNone: only in the old rules (removed)
  std::vector<std::string> changes;  // "until 2026-12-31 -> 2027-03-31", in a fixed order
  bool added() const { return old_waiver == kNone; }
  bool removed() const { return new_waiver == kNone; }
};

// The changes of one deal; only deals with at least one change are kept.
struct DealChanges {
  std::uint64_t line = 0;
  std::string id_json = "null";
  std::vector<GateChange> gates;
};

// Per gate: how many deals went from each status to each status.
struct GateTally {
  // Index 0 is "none" (the gate is not on that side), then Pass, Fail, Unknown.
  static std::size_t index(std::optional<Status> s) {
    return s ? static_cast<std::size_t>(*s) + 1 : 0;
  }
  std::array<std::array<std::uint64_t, 4>, 4> deals{};  // [from][to]
  // Deals whose status stayed the same but whose conditions changed, by status.
  std::array<std::uint64_t, 4> other_conditions{};
};

// One row of a gate's summary: a status change, or the same status for other conditions.
struct Transition {
  std::optional<Status> from;
  std::optional<Status> to;
  std::uint64_t deals = 0;
};

// A tally's changes in summary order (see RuleDiff::transitions) and its unchanged deals.
std::vector<Transition> transitions_of(const GateTally& tally);
std::uint64_t unchanged_of(const GateTally& tally);

class RuleDiff {
 public:
  // Both plans must outlive the diff.
  RuleDiff(const Plan& old_plan, const Plan& new_plan);

  // Every gate: the new rules' gates in declaration order, then the removed ones in theirs.
  const std::vector<DiffGate>& gates() const { return gates_; }
  // Compares only the gates named (empty: all). Returns false, with the unknown name in
  // `unknown`, when a name is a gate of neither rule set.
  bool select(const std::vector<std::string>& names, std::string& unknown);
  // The gate names of both rule sets, for "did you mean".
  std::vector<std::string> gate_names() const;
  // What to evaluate on each side (EvalOptions::gates); `evaluates_old`/`evaluates_new` is false
  // when no selected gate exists on that side (an empty EvalOptions::gates would mean "all").
  const std::vector<BlockIndex>& old_selection() const { return old_selection_; }
  const std::vector<BlockIndex>& new_selection() const { return new_selection_; }
  bool evaluates_old() const { return !old_selection_.empty(); }
  bool evaluates_new() const { return !new_selection_.empty(); }
  // The selected gates, as indices into gates().
  const std::vector<std::size_t>& selected() const { return selected_; }

  // Compares one readable deal's results and tallies them. Returns its changes (empty gates when
  // nothing changed). Results carry the selected gates of their side.
  DealChanges compare(const DealResult& old_result, const DealResult& new_result);

  const std::vector<GateTally>& tallies() const { return tallies_; }  // by gate index
  // Every waiver: the new rules' in declaration order, then the removed ones in theirs.
  const std::vector<WaiverChange>& waivers() const { return waivers_; }
  bool has_waivers() const { return !waivers_.empty(); }
  // A gate's changes, for summaries: status changes first (from pass, fail, unknown, none, each
  // to pass, fail, unknown, none), then same-status changes of conditions. Unchanged deals are
  // not listed; see unchanged().
  std::vector<Transition> transitions(std::size_t gate) const;
  std::uint64_t unchanged(std::size_t gate) const;
  std::uint64_t deals() const { return deals_; }            // deals compared
  std::uint64_t changed_deals() const { return changed_; }  // of which with some change

 private:
  const Plan& old_plan_;
  const Plan& new_plan_;
  std::vector<DiffGate> gates_;
  std::vector<std::size_t> selected_;
  std::vector<BlockIndex> old_selection_;
  std::vector<BlockIndex> new_selection_;
  std::vector<GateTally> tallies_;
  std::vector<WaiverChange> waivers_;
  std::uint64_t deals_ = 0;
  std::uint64_t changed_ = 0;
};

}  // namespace dealgate
