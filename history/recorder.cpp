#include "history/recorder.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "history/rules_hash.hpp"
#include "history/schema.hpp"

namespace dealgate::history {

struct Recorder::Statements {
  Statement deal, gate, freshness;
  explicit Statements(Connection& db)
      : deal(db,
             "INSERT INTO deals (run, line, deal, error, stage, amount, currency, close_date, "
             "fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        gate(db,
             "INSERT INTO gates (run, line, gate, status, failed, unknown) "
             "VALUES (?, ?, ?, ?, ?, ?)"),
        freshness(db,
                  "INSERT OR REPLACE INTO freshness (run, line, condition, fact, confirmed_on, "
                  "stale_on) VALUES (?, ?, ?, ?, ?, ?)") {}
};

namespace {

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

Recorder::Recorder(const std::string& path, const Plan& plan, const RunInfo& run) : plan_(plan) {
  db_ = open_history(path, Access::Record);
  db_->exec("BEGIN IMMEDIATE");
  const std::string today = format_date(run.today);
  {
    Statement old(*db_, "SELECT run FROM runs WHERE today = ? AND input = ?");
    old.bind(1, today).bind(2, run.input);
    if (old.step()) {
      replaced_ = true;
      const std::int64_t previous = old.column_int(0);
      for (const char* table : {"freshness", "gates", "deals", "run_gates", "runs"}) {
        Statement remove(*db_, fmt::format("DELETE FROM {} WHERE run = ?", table));
        remove.bind(1, previous).run();
      }
    }
  }
  Statement insert(*db_,
                   "INSERT INTO runs (today, input, rules_hash, ruleset, command, recorded_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, today)
      .bind(2, run.input)
      .bind(3, rules_hash(plan))
      .bind(4, plan.title)
      .bind(5, run.command)
      .bind(6, now_utc())
      .run();
  run_ = sqlite3_last_insert_rowid(db_->handle());
  Statement gate(
      *db_, "INSERT INTO run_gates (run, position, gate, label, phase) VALUES (?, ?, ?, ?, ?)");
  const std::vector<BlockIndex>& gates = run.gates.empty() ? plan.gates : run.gates;
  for (std::size_t i = 0; i < gates.size(); ++i) {
    const PlanBlock& block = plan.blocks[gates[i]];
    gate.bind(1, run_)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, block.name)
        .bind(4, block.label);
    if (block.enters_phase != kNone) {
      gate.bind(5, plan.phases[block.enters_phase]);
    } else {
      gate.bind_null(5);
    }
    gate.run();
  }
  statements_ = std::make_unique<Statements>(*db_);
}

Recorder::~Recorder() {
  statements_.reset();
  if (db_ && !committed_) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Recorder::add(const RowBatch& batch) {
  Statements& s = *statements_;
  for (const DealRow& row : batch.deals) {
    s.deal.bind(1, run_).bind(2, static_cast<std::int64_t>(row.line)).bind(3, row.deal);
    s.deal.bind(4, row.error).bind(5, row.stage);
    if (row.amount) {
      s.deal.bind(6, *row.amount);
    } else {
      s.deal.bind_null(6);
    }
    s.deal.bind(7, row.currency).bind(8, row.close_date).bind(9, row.fields, false);
    s.deal.run();
  }
  for (const GateRow& row : batch.gates) {
    s.gate.bind(1, run_).bind(2, static_cast<std::int64_t>(row.line));
    s.gate.bind(3, plan_.blocks[row.gate].name, false).bind(4, status_name(row.status), false);
    s.gate.bind(5, row.failed, false).bind(6, row.unknown, false);
    s.gate.run();
  }
  for (const FreshnessRow& row : batch.freshness) {
    s.freshness.bind(1, run_).bind(2, static_cast<std::int64_t>(row.line));
    s.freshness.bind(3, plan_.conditions[row.rule->condition].id, false);
    s.freshness.bind(4, plan_.schema.node(row.rule->fact).path, false);
    s.freshness.bind(5, format_date(row.confirmed_on)).bind(6, format_date(row.stale_on));
    s.freshness.run();
  }
  deals_ += batch.deals.size();
}

void Recorder::commit() {
  statements_.reset();
  db_->exec("COMMIT");
  committed_ = true;
}

}  // namespace dealgate::history
