#include "history/runs.hpp"

namespace dealgate::history {

std::vector<RunRow> list_runs(Connection& db) {
  Statement query(db,
                  "SELECT run, today, input, rules_hash, ruleset, command FROM runs "
                  "ORDER BY today, run");
  std::vector<RunRow> runs;
  while (query.step()) {
    RunRow& run = runs.emplace_back();
    run.id = query.column_int(0);
    run.today = parse_date(query.column_text(1)).value_or(0);
    run.input = query.column_text(2);
    run.rules_hash = query.column_text(3);
    run.ruleset = query.column_text(4);
    run.command = query.column_text(5);
  }
  return runs;
}

std::vector<GateInfo> run_gates(Connection& db, std::int64_t run) {
  Statement query(db, "SELECT gate, label, phase FROM run_gates WHERE run = ? ORDER BY position");
  query.bind(1, run);
  std::vector<GateInfo> gates;
  while (query.step()) {
    GateInfo& gate = gates.emplace_back();
    gate.gate = query.column_text(0);
    gate.label = query.column_text(1);
    if (!query.column_is_null(2)) gate.phase = query.column_text(2);
  }
  return gates;
}

std::vector<std::string> parse_ids(const std::string& json) {
  // Condition ids are names, dots and digits: no escapes to decode.
  std::vector<std::string> ids;
  std::size_t at = 0;
  while ((at = json.find('"', at)) != std::string::npos) {
    const std::size_t end = json.find('"', at + 1);
    if (end == std::string::npos) break;
    ids.push_back(json.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return ids;
}

std::map<std::string, DealSnapshot> load_run(Connection& db, std::int64_t run, bool with_gates) {
  std::map<std::string, DealSnapshot> deals;
  std::map<std::int64_t, DealSnapshot*> by_line;
  Statement query(db,
                  "SELECT line, deal, stage, close_date, amount FROM deals "
                  "WHERE run = ? AND deal IS NOT NULL AND error IS NULL ORDER BY line");
  query.bind(1, run);
  while (query.step()) {
    auto [it, inserted] = deals.try_emplace(query.column_text(1));
    if (!inserted) continue;
    DealSnapshot& deal = it->second;
    if (!query.column_is_null(2)) deal.stage = query.column_text(2);
    if (!query.column_is_null(3)) deal.close_date = query.column_text(3);
    if (!query.column_is_null(4)) deal.amount = query.column_double(4);
    by_line[query.column_int(0)] = &deal;
  }
  if (!with_gates) return deals;
  Statement gates(db, "SELECT line, gate, status, failed, unknown FROM gates WHERE run = ?");
  gates.bind(1, run);
  while (gates.step()) {
    auto deal = by_line.find(gates.column_int(0));
    if (deal == by_line.end()) continue;
    GateSnapshot& gate = deal->second->gates[gates.column_text(1)];
    gate.status = gates.column_text(2);
    gate.failed = parse_ids(gates.column_text(3));
    gate.unknown = parse_ids(gates.column_text(4));
  }
  return deals;
}

}  // namespace dealgate::history
