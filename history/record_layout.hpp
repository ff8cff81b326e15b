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

// A status as `run_deals.statuses` spells it.
inline char status_letter(Status status) {
  return status == Status::Pass ? 'p' : status == Status::Fail ? 'f' : 'u';
}

// One deal's row of `run_deals`, its text columns ready to bind (an empty string is NULL).
struct DealRow {
  std::uint64_t line = 0;
  std::optional<std::string> deal, error, stage, currency;
  std::optional<double> amount;
  std::optional<DayNumber> close_date;
  // JSON array of the shown facts' text by Plan::shown position, null where one is empty.
  std::string fields;
  // One letter a reported gate, in the run's order: p, f or u. Empty for an unreadable record.
  std::string statuses;
  // JSON array by gate: null for one that passed, else [[failed], [unknown]] as `names` keys.
  // Empty when every gate passed.
  std::string conditions;
  // JSON array of the day numbers of the freshness rules' dates, null where one is absent.
  std::string confirmed;
};

struct RowBatch {
  std::vector<DealRow> deals;
  void clear() { deals.clear(); }
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

  // The `names` key of each condition (by ConditionIndex), which the rows refer to; set before
  // the first append().
  void use_condition_names(std::vector<std::int64_t> names) { condition_names_ = std::move(names); }

  // Adds the row of one evaluated (or unreadable) deal.
  void append(const DealResult& result, RowBatch& batch) const;

 private:
  RecordLayout() = default;
  std::uint32_t add_capture(NodeIndex node);

  std::vector<NodeIndex> capture_;
  NodeIndex stage_ = kNoNode;
  std::uint32_t stage_at_ = kNone;
  std::uint32_t amount_ = kNone, close_date_ = kNone;  // indexes into Plan::shown
  std::vector<FreshnessRule> freshness_;
  std::vector<std::uint32_t> freshness_at_;  // capture index of each rule's fact
  std::vector<std::int64_t> condition_names_;
};

// The freshness rules of a plan, with the limits `params` give (null: the defaults).
std::vector<FreshnessRule> find_freshness_rules(const Plan& plan, const ParamValues* params);

}  // namespace dealgate::history
