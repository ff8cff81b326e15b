// What a rule change moves, in money and at the gate to each deal's next phase: beside `diff`'s
// counts (engine/run/rule_diff.hpp), the amount (the `show` declaration's `as money` fact) of the
// deals whose status changes, per gate and change, per currency (never added across currencies);
// and each deal's status at the gate to its next phase (cli/next_phase.hpp) under both rule sets.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/report_money.hpp"
#include "engine/run/rule_diff.hpp"

namespace dealgate::cli {

// Money per status change, [from][to] indexed by GateTally::index (0 is "none").
struct MovedMoney {
  std::array<std::array<MoneyTotals, 4>, 4> by_change;
  MoneyTotals moved;  // every status change together (still per currency)

  void add(std::optional<Status> from, std::optional<Status> to, const DealResult& deal);
  const MoneyTotals& of(std::optional<Status> from, std::optional<Status> to) const {
    return by_change[GateTally::index(from)][GateTally::index(to)];
  }
};

// Beside one changed deal: its money and its next-phase status on each side.
struct DealMoney {
  bool has_money = false;
  double money = 0;
  std::string currency;
  std::string shown;  // the shown facts joined for people (cli/shown_text.hpp), or empty
  std::optional<Status> next_from, next_to;
};

class DiffMoney {
 public:
  // Money comes from the new rules' `show ... as money`, else the old rules'. Next-phase statuses
  // are compared when `next_phase` (every gate compared) and either rule set has phases and stages.
  // The plans must outlive this.
  DiffMoney(const RuleDiff& diff, const Plan& old_plan, const Plan& new_plan, bool next_phase);

  bool has_money() const { return money_plan_ != nullptr; }
  bool has_next_phase() const { return next_phase_; }
  // Whether a side's evaluation must read the shown facts (EvalOptions::shown).
  bool reads_shown(bool new_side) const;

  // One compared deal (both results readable) and its changes.
  DealMoney add(const DealResult& old_result, const DealResult& new_result,
                const DealChanges& changes);

  const MovedMoney& gate(std::size_t gate) const { return gates_[gate]; }  // by RuleDiff gate
  // The next-phase status: changes (status changes only, RuleDiff's order), unchanged deals, money.
  std::vector<Transition> next_transitions() const;
  std::uint64_t next_unchanged() const;
  const MovedMoney& next_money() const { return next_money_; }

 private:
  const Plan& old_plan_;
  const Plan& new_plan_;
  const Plan* money_plan_ = nullptr;  // the side whose money and shown facts are used
  bool next_phase_ = false;
  std::vector<MovedMoney> gates_;
  GateTally next_tally_;
  MovedMoney next_money_;
};

}  // namespace dealgate::cli
