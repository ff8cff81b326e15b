// The report's trends: for each recorded run, oldest first, readiness per gate and per phase,
// the money ready and at risk, and the regressions since the run before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "history/sqlite.hpp"

namespace dealgate::history {

struct GateTrend {
  std::string gate;
  std::int64_t pass = 0, fail = 0, unknown = 0;
  double money_ready = 0;        // the amounts of the deals that pass
  double money_at_risk = 0;      // of those that fail or are unknown
  std::int64_t regressions = 0;  // deals that passed in the run before and do not now
};

struct PhaseTrend {
  std::string phase;
  std::int64_t ready = 0;  // deals that pass every recorded gate entering the phase
  std::int64_t deals = 0;
};

struct RunTrend {
  DayNumber today = 0;
  std::string rules_hash;
  bool rules_changed = false;      // the hash differs from the run before
  std::int64_t deals = 0;          // deals with an id that could be read
  std::vector<GateTrend> gates;    // the run's gates, in their order
  std::vector<PhaseTrend> phases;  // phases the run's gates enter, in first-gate order
};

std::vector<RunTrend> history_trends(Connection& db);

}  // namespace dealgate::history
