#include "history/changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace dealgate::history {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> not_in(const std::vector<std::string>& now,
                                const std::vector<std::string>& before) {
  std::vector<std::string> out;
  for (const std::string& id : now) {
    if (!contains(before, id)) out.push_back(id);
  }
  return out.empty() ? now : out;
}

void compare(const std::map<std::string, DealSnapshot>& before,
             const std::map<std::string, DealSnapshot>& now, const std::vector<GateInfo>& gates,
             std::vector<StatusChange>& changes) {
  for (const auto& [id, deal] : now) {
    const auto earlier = before.find(id);
    for (const GateInfo& info : gates) {
      const auto gate = deal.gates.find(info.gate);
      if (gate == deal.gates.end()) continue;
      const GateSnapshot* old = nullptr;
      if (earlier != before.end()) {
        const auto it = earlier->second.gates.find(info.gate);
        if (it != earlier->second.gates.end()) old = &it->second;
      }
      const std::string from = old ? old->status : "new";
      const GateSnapshot& current = gate->second;
      if (from == current.status) continue;
      StatusChange change{id, info.gate, from, current.status, {}};
      if (current.status == "fail") {
        change.conditions = old ? not_in(current.failed, old->failed) : current.failed;
      } else if (current.status == "unknown") {
        change.conditions = old ? not_in(current.unknown, old->unknown) : current.unknown;
      } else if (old) {
        change.conditions = old->failed;
        change.conditions.insert(change.conditions.end(), old->unknown.begin(), old->unknown.end());
      }
      changes.push_back(std::move(change));
    }
  }
}

struct DealTrail {
  std::optional<std::string> stage;
  DayNumber stage_since = 0;
  std::optional<std::string> first_close, close;
  int slips = 0;
  std::int64_t slip_days = 0;
  std::int64_t last_run = -1;  // index of the last run it appeared in
};

void load_stale(Connection& db, const RunRow& latest, int within, std::vector<StaleSoon>& out) {
  Statement query(db,
                  "SELECT d.deal, f.condition, f.fact, f.confirmed_on, f.stale_on "
                  "FROM freshness f JOIN deals d ON d.run = f.run AND d.line = f.line "
                  "WHERE f.run = ? AND d.deal IS NOT NULL AND f.stale_on > ? AND f.stale_on <= ?");
  query.bind(1, latest.id)
      .bind(2, format_date(latest.today))
      .bind(3, format_date(latest.today + within));
  while (query.step()) {
    StaleSoon& stale = out.emplace_back();
    stale.deal = query.column_text(0);
    stale.condition = query.column_text(1);
    stale.fact = query.column_text(2);
    stale.confirmed_on = parse_date(query.column_text(3)).value_or(0);
    stale.stale_on = parse_date(query.column_text(4)).value_or(0);
    stale.days_left = stale.stale_on - latest.today;
  }
  std::sort(out.begin(), out.end(), [](const StaleSoon& a, const StaleSoon& b) {
    return std::tie(a.stale_on, a.deal, a.condition) < std::tie(b.stale_on, b.deal, b.condition);
  });
}

}  // namespace

HistoryAnswers answer_history(Connection& db, const HistoryQuery& query) {
  const std::vector<RunRow> runs = list_runs(db);
  if (runs.empty()) {
    throw HistoryError("the history holds no run yet",
                       "record one: dealgate eval RULES --facts FILE --record HISTORY");
  }
  HistoryAnswers answers;
  answers.runs = static_cast<std::int64_t>(runs.size());
  answers.latest = runs.back();
  const RunRow& latest = answers.latest;
  // The baseline: the last run before the latest's day, or on or before --since.
  for (auto run = runs.rbegin() + 1; run != runs.rend(); ++run) {
    const bool fits = query.since ? run->today <= *query.since : run->today < latest.today;
    if (fits) {
      answers.baseline = *run;
      break;
    }
  }
  if (query.since && !answers.baseline && runs.size() > 1) answers.baseline = runs.front();
  for (std::size_t i = 1; i < runs.size(); ++i) {
    if (runs[i].rules_hash != runs[i - 1].rules_hash) answers.rule_changes.push_back(runs[i].today);
  }
  if (answers.baseline) {
    answers.rules_changed = answers.baseline->rules_hash != latest.rules_hash;
    compare(load_run(db, answers.baseline->id, true), load_run(db, latest.id, true),
            run_gates(db, latest.id), answers.changes);
  }

  // Stages and close dates, run by run, oldest first.
  std::map<std::string, DealTrail> trails;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const auto& [id, deal] : load_run(db, runs[i].id, false)) {
      DealTrail& trail = trails[id];
      const bool seen_last_run = trail.last_run == static_cast<std::int64_t>(i) - 1;
      if (!seen_last_run || trail.stage != deal.stage) trail.stage_since = runs[i].today;
      trail.stage = deal.stage;
      if (deal.close_date) {
        if (!trail.first_close) trail.first_close = deal.close_date;
        if (trail.close && *deal.close_date > *trail.close) {
          ++trail.slips;
          trail.slip_days += *parse_date(*deal.close_date) - *parse_date(*trail.close);
        }
        trail.close = deal.close_date;
      }
      trail.last_run = static_cast<std::int64_t>(i);
    }
  }
  const auto latest_index = static_cast<std::int64_t>(runs.size() - 1);
  for (const auto& [id, trail] : trails) {
    if (trail.last_run != latest_index) continue;  // gone from the latest export
    if (trail.stage) {
      answers.stage_times.push_back(
          {id, *trail.stage, trail.stage_since, latest.today - trail.stage_since});
    }
    if (trail.slips > 0) {
      answers.slips.push_back({id, trail.slips, trail.slip_days, *trail.first_close, *trail.close});
    }
  }
  std::stable_sort(answers.stage_times.begin(), answers.stage_times.end(),
                   [](const StageTime& a, const StageTime& b) { return a.days > b.days; });
  std::stable_sort(answers.slips.begin(), answers.slips.end(),
                   [](const CloseDateSlip& a, const CloseDateSlip& b) { return a.days > b.days; });
  load_stale(db, latest, query.stale_within, answers.stale);
  return answers;
}

}  // namespace dealgate::history
