#include "cli/diff_money.hpp"

#include "cli/next_phase.hpp"
#include "cli/shown_text.hpp"

namespace dealgate::cli {
namespace {

bool judges_next_phase(const Plan& plan) {
  return plan.stages.has_value() && !plan.phases.empty();
}

std::optional<Status> next_status(const Plan& plan, const DealResult& result) {
  if (!judges_next_phase(plan)) return std::nullopt;
  return next_phase_status(result, next_phase_gates(plan, result));
}

}  // namespace

void MovedMoney::add(std::optional<Status> from, std::optional<Status> to, const DealResult& deal) {
  by_change[GateTally::index(from)][GateTally::index(to)].add(deal);
  moved.add(deal);
}

DiffMoney::DiffMoney(const RuleDiff& diff, const Plan& old_plan, const Plan& new_plan,
                     bool next_phase)
    : old_plan_(old_plan), new_plan_(new_plan), gates_(diff.gates().size()) {
  money_plan_ = new_plan.money ? &new_plan : old_plan.money ? &old_plan : nullptr;
  next_phase_ = next_phase && (judges_next_phase(old_plan) || judges_next_phase(new_plan));
}

bool DiffMoney::reads_shown(bool new_side) const {
  return money_plan_ != nullptr && money_plan_ == (new_side ? &new_plan_ : &old_plan_);
}

DealMoney DiffMoney::add(const DealResult& old_result, const DealResult& new_result,
                         const DealChanges& changes) {
  DealMoney out;
  const DealResult& money_side = money_plan_ == &old_plan_ ? old_result : new_result;
  if (money_plan_ != nullptr) {
    out.has_money = money_side.has_money;
    out.money = money_side.money;
    out.currency = money_side.currency;
    out.shown = shown_line(*money_plan_, money_side);
    for (const GateChange& change : changes.gates) {
      if (change.status_changed()) gates_[change.gate].add(change.from, change.to, money_side);
    }
  }
  if (next_phase_) {
    out.next_from = next_status(old_plan_, old_result);
    out.next_to = next_status(new_plan_, new_result);
    ++next_tally_.deals[GateTally::index(out.next_from)][GateTally::index(out.next_to)];
    if (out.next_from != out.next_to) next_money_.add(out.next_from, out.next_to, money_side);
  }
  return out;
}

std::vector<Transition> DiffMoney::next_transitions() const {
  return transitions_of(next_tally_);
}

std::uint64_t DiffMoney::next_unchanged() const {
  return unchanged_of(next_tally_);
}

}  // namespace dealgate::cli
