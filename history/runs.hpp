// Reading recorded runs back: the list of runs, and one run's deals and gates as maps by deal id.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "history/sqlite.hpp"

namespace dealgate::history {

struct RunRow {
  std::int64_t id = 0;
  DayNumber today = 0;
  std::string input, rules_hash, ruleset, command;
};

struct GateInfo {
  std::string gate, label;
  std::optional<std::string> phase;
};

struct GateSnapshot {
  std::string status;                        // pass, fail or unknown
  std::vector<std::string> failed, unknown;  // condition ids
};

struct DealSnapshot {
  std::optional<std::string> stage, close_date;
  std::optional<double> amount;
  std::map<std::string, GateSnapshot> gates;  // by gate name
};

// Every run, oldest first (by `today`, then by when it was recorded).
std::vector<RunRow> list_runs(Connection& db);
std::vector<GateInfo> run_gates(Connection& db, std::int64_t run);
// The deals of a run that have an id, by id (the first record, when an id is repeated). With
// `with_gates` false only the deal's own columns are read.
std::map<std::string, DealSnapshot> load_run(Connection& db, std::int64_t run, bool with_gates);

// `["a.b","c.1"]` -> {a.b, c.1}: the condition id arrays dealgate writes.
std::vector<std::string> parse_ids(const std::string& json);

}  // namespace dealgate::history
