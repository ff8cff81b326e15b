#include "history/trends.hpp"

#include <map>

#include "history/runs.hpp"

namespace dealgate::history {

std::vector<RunTrend> history_trends(Connection& db) {
  std::vector<RunTrend> trends;
  std::map<std::string, DealSnapshot> before;
  std::string previous_hash;
  for (const RunRow& run : list_runs(db)) {
    const std::vector<GateInfo> gates = run_gates(db, run.id);
    std::map<std::string, DealSnapshot> now = load_run(db, run.id, true);
    RunTrend& trend = trends.emplace_back();
    trend.today = run.today;
    trend.rules_hash = run.rules_hash;
    trend.rules_changed = !previous_hash.empty() && previous_hash != run.rules_hash;
    trend.deals = static_cast<std::int64_t>(now.size());
    for (const GateInfo& info : gates) {
      GateTrend& gate = trend.gates.emplace_back();
      gate.gate = info.gate;
      for (const auto& [id, deal] : now) {
        const auto it = deal.gates.find(info.gate);
        if (it == deal.gates.end()) continue;
        const std::string& status = it->second.status;
        const double amount = deal.amount.value_or(0);
        if (status == "pass") {
          ++gate.pass;
          gate.money_ready += amount;
        } else {
          ++(status == "fail" ? gate.fail : gate.unknown);
          gate.money_at_risk += amount;
          const auto earlier = before.find(id);
          if (earlier != before.end()) {
            const auto old = earlier->second.gates.find(info.gate);
            if (old != earlier->second.gates.end() && old->second.status == "pass")
              ++gate.regressions;
          }
        }
      }
      if (!info.phase) continue;
      PhaseTrend* phase = nullptr;
      for (PhaseTrend& p : trend.phases) {
        if (p.phase == *info.phase) phase = &p;
      }
      if (phase == nullptr) phase = &trend.phases.emplace_back(PhaseTrend{*info.phase, 0, 0});
    }
    for (PhaseTrend& phase : trend.phases) {
      phase.deals = trend.deals;
      for (const auto& [id, deal] : now) {
        bool ready = true;
        for (const GateInfo& info : gates) {
          if (info.phase != phase.phase) continue;
          const auto it = deal.gates.find(info.gate);
          ready = ready && it != deal.gates.end() && it->second.status == "pass";
        }
        phase.ready += ready ? 1 : 0;
      }
    }
    before = std::move(now);
    previous_hash = run.rules_hash;
  }
  return trends;
}

}  // namespace dealgate::history
