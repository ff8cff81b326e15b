// The answers of `dealgate history`: what changed between the latest run and an earlier one
// (the one before it, or the last on or before --since), how long each deal has been in its
// stage, whose close dates keep moving later, and which confirmations go stale soon.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "history/runs.hpp"
#include "history/sqlite.hpp"

namespace dealgate::history {

// A deal whose status on a gate differs from the earlier run's (`from` is "new" for a deal the
// earlier run did not have). `conditions`: to fail or unknown, the conditions failing or unknown
// now that were not before (all of them, when none is new); to pass, those that failed or were
// unknown before.
struct StatusChange {
  std::string deal, gate, from, to;
  std::vector<std::string> conditions;
};

struct StageTime {
  std::string deal, stage;
  DayNumber since = 0;  // the first run of the unbroken series of runs in which it had this stage
  std::int64_t days = 0;
};

struct CloseDateSlip {
  std::string deal;
  int times = 0;               // runs in which the close date was later than in the run before
  std::int64_t days = 0;       // the days those moves add up to
  std::string first, current;  // the first close date recorded, and the latest
};

struct StaleSoon {
  std::string deal, condition, fact;
  DayNumber confirmed_on = 0, stale_on = 0;
  std::int64_t days_left = 0;
};

struct HistoryAnswers {
  RunRow latest;
  std::optional<RunRow> baseline;  // none when only one run is recorded
  std::int64_t runs = 0;
  // The rules' hash differs between the baseline and the latest run, and the runs (dates) at which
  // it changed over the whole history.
  bool rules_changed = false;
  std::vector<DayNumber> rule_changes;
  std::vector<StatusChange> changes;   // by deal, then gate order
  std::vector<StageTime> stage_times;  // longest first, then by deal
  std::vector<CloseDateSlip> slips;    // most days first, then by deal
  std::vector<StaleSoon> stale;        // soonest first, then by deal and condition
};

struct HistoryQuery {
  std::optional<DayNumber> since;  // compare with the last run on or before this day
  int stale_within = 14;           // days ahead for StaleSoon
};

// Throws HistoryError when the history holds no run.
HistoryAnswers answer_history(Connection& db, const HistoryQuery& query);

}  // namespace dealgate::history
