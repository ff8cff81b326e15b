#include "cli/waiver_summary.hpp"

#include <fmt/format.h>

#include <cmath>

#include "engine/eval/evaluator.hpp"

namespace dealgate::cli {

WaiverSummary::WaiverSummary(const Plan& plan) : plan_(plan) {
  counts_.resize(plan.waivers.size());
  amounts_.resize(plan.waivers.size());
  for (std::uint32_t w = 0; w < counts_.size(); ++w) counts_[w].waiver = w;
}

void WaiverSummary::add(const DealResult& result) {
  if (!result.error.empty()) return;
  for (const WaiverUse& use : result.waivers) {
    WaiverCount& count = counts_.at(use.waiver);
    if (use.expired) {
      ++count.expired;
      continue;
    }
    ++count.in_force;
    bool used = false;
    for (const GateResult& gate : result.gates) {
      for (const WaivedCondition& w : gate.waived) used = used || w.waiver == use.waiver;
    }
    if (used) ++count.used;
    if (result.has_amount) {
      amounts_[use.waiver].add(result.amount);
    } else {
      ++count.without_amount;
    }
  }
}

void WaiverSummary::merge(const WaiverSummary& other) {
  for (std::size_t w = 0; w < counts_.size(); ++w) {
    counts_[w].in_force += other.counts_[w].in_force;
    counts_[w].used += other.counts_[w].used;
    counts_[w].expired += other.counts_[w].expired;
    amounts_[w].merge(other.amounts_[w]);
    counts_[w].without_amount += other.counts_[w].without_amount;
  }
}

std::vector<WaiverCount> WaiverSummary::waivers() const {
  std::vector<WaiverCount> out;
  for (std::size_t w = 0; w < counts_.size(); ++w) {
    if (counts_[w].in_force + counts_[w].expired == 0) continue;
    out.push_back(counts_[w]);
    out.back().amount = amounts_[w].value();
  }
  return out;
}

std::string describe_waiver(const Plan& plan, std::uint32_t waiver) {
  const PlanWaiver& w = plan.waivers.at(waiver);
  std::string out = fmt::format("`{}`", w.name);
  if (!w.label.empty()) out += fmt::format(" ({})", w.label);
  return out + fmt::format(", approved by {}, until {}", w.approver, format_date(w.until));
}

std::string describe_count(const WaiverCount& w, bool has_amount, std::string_view expired_on,
                           std::string_view expired_off) {
  std::string out;
  if (w.in_force > 0) {
    out = fmt::format("in force for {} deal{} (waived a failing condition for {})", w.in_force,
                      w.in_force == 1 ? "" : "s", w.used);
    if (has_amount) {
      out += ", amount " + format_money(w.amount);
      if (w.without_amount > 0) out += fmt::format(" ({} without an amount)", w.without_amount);
    }
  }
  if (w.expired > 0) {
    out += fmt::format("{}{}expired{} for {} deal{}", out.empty() ? "" : "; ", expired_on,
                       expired_off, w.expired, w.expired == 1 ? "" : "s");
  }
  return out;
}

std::string format_money(double amount) {
  if (std::fabs(amount) >= 1e15 || amount != std::floor(amount)) return format_number(amount);
  std::string digits = fmt::format("{}", static_cast<long long>(std::fabs(amount)));
  std::string out = amount < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace dealgate::cli
