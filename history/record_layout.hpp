// What a run keeps of each deal besides its gates, and where each piece comes from: the stage
// (the rules' `stages` fact, else a top-level string `stage`); the display fields, the amount and
// the close date from the rules' `show` declaration (every shown fact, the money with its currency,
// and the shown date fact named `close_date` or by --close-date-field); and the dates that
// conditions of the form `today - DATE <= LIMIT` (a freshness rule) read, with the day each goes
// stale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::history {

// The shown fact named on the command line as the close date; empty: a shown `close_date`.
struct RecordFields {
  std::string close_date;
};

// A condition `today - fact <= limit` (or `<`, or written the other way round): it turns false on
// fact + offset.
struct FreshnessRule {
  ConditionIndex condition = 0;
  NodeIndex fact = kNoNode;
  DayNumber offset = 0;
};

// One deal's row, and its gates' and freshness rows, ready to bind.
struct DealRow {
  std::uint64_t line = 0;
  std::optional<std::string> deal, error, stage, close_date, currency;
  std::optional<double> amount;
  std::string fields = "{}";  // a JSON object of the shown facts that are present, by path
};

struct GateRow {
  std::uint64_t line = 0;
  BlockIndex gate = 0;
  Status status = Status::Pass;
  std::string failed, unknown;  // JSON arrays of condition ids
};

struct FreshnessRow {
  std::uint64_t line = 0;
  const FreshnessRule* rule = nullptr;
  DayNumber confirmed_on = 0;
  DayNumber stale_on = 0;
};

struct RowBatch {
  std::vector<DealRow> deals;
  std::vector<GateRow> gates;
  std::vector<FreshnessRow> freshness;
  void clear() {
    deals.clear();
    gates.clear();
    freshness.clear();
  }
};

class RecordLayout {
 public:
  // Resolves `fields` against the plan's `show` declaration; a close date that is not a shown
  // date fact sets `error` (with a "did you mean") and returns nothing. `params` gives the limits
  // of freshness rules that read a param (null: the defaults).
  static std::optional<RecordLayout> make(const Plan& plan, const RecordFields& fields,
                                          const ParamValues* params, std::string& error);

  // The facts the evaluator must capture (EvalOptions::capture) for append() to find them; the
  // evaluator must read the shown facts too (EvalOptions::shown).
  const std::vector<NodeIndex>& capture() const { return capture_; }
  const std::vector<FreshnessRule>& freshness_rules() const { return freshness_; }
  // The shown facts (indexes into Plan::shown) the close date and amount come from; kNone when
  // there is none.
  std::uint32_t close_date_field() const { return close_date_; }
  std::uint32_t amount_field() const { return amount_; }

  // Adds the rows of one evaluated (or unreadable) deal.
  void append(const DealResult& result, RowBatch& batch) const;

 private:
  explicit RecordLayout(const Plan& plan) : plan_(&plan) {}
  std::uint32_t add_capture(NodeIndex node);

  const Plan* plan_;
  std::vector<NodeIndex> capture_;
  NodeIndex stage_ = kNoNode;
  std::uint32_t stage_at_ = kNone;
  std::uint32_t amount_ = kNone, close_date_ = kNone;  // indexes into Plan::shown
  std::vector<FreshnessRule> freshness_;
  std::vector<std::uint32_t> freshness_at_;  // capture index of each rule's fact
};

// The freshness rules of a plan, with the limits `params` give (null: the defaults).
std::vector<FreshnessRule> find_freshness_rules(const Plan& plan, const ParamValues* params);

}  // namespace dealgate::history
