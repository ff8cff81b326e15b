// Aggregates waivers over a run: per waiver, the deals it held for, those it made a difference to
// (it waived a condition that was false or unknown), those it had expired for, and the money of the
// deals it held for (their `amount`). Used by the text and json writers and the html report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/exact_sum.hpp"
#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

struct WaiverCount {
  std::uint32_t waiver = 0;          // index into Plan::waivers
  std::uint64_t in_force = 0;        // deals it named and held for
  std::uint64_t used = 0;            // of those, deals where it waived a false or unknown condition
  std::uint64_t expired = 0;         // deals it named after its last day
  double amount = 0;                 // the `amount` of the deals it held for
  std::uint64_t without_amount = 0;  // deals it held for that have no `amount`
};

class WaiverSummary {
 public:
  explicit WaiverSummary(const Plan& plan);

  void add(const DealResult& result);
  void merge(const WaiverSummary& other);

  // Every waiver that named some deal of the run, in declaration order.
  std::vector<WaiverCount> waivers() const;
  // Whether the plan has an `amount` fact, so the money can be told.
  bool has_amount() const { return plan_.amount_slot != kNone; }

 private:
  const Plan& plan_;
  std::vector<WaiverCount> counts_;  // by waiver
  // The amounts, summed exactly: the same whichever thread's deals are merged first.
  std::vector<ExactSum> amounts_;  // by waiver
};

// "`acme_pilot` (W-17: ROI exception), approved by Dana Lee, until 2026-12-31": a waiver for
// people, the same in every report.
std::string describe_waiver(const Plan& plan, std::uint32_t waiver);

// "in force for 3 deals (waived a failing condition for 2), amount 1,050,000; expired for 1 deal":
// what a waiver did over a run, the same in the text report and the diff. `expired_on`/`off` wrap
// the word "expired" (a colour, or nothing).
std::string describe_count(const WaiverCount& count, bool has_amount,
                           std::string_view expired_on = "", std::string_view expired_off = "");

// Money as people read it: whole amounts with thousands separators (`1,050,000`), others in their
// shortest exact form.
std::string format_money(double amount);

}  // namespace dealgate::cli
