#include "history/recorder.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <unordered_map>

#include "history/rules_hash.hpp"
#include "history/schema.hpp"

namespace dealgate::history {
namespace {

// A run's deals are inserted this many rows to a statement: one statement a row spends more time
// starting and stopping SQLite's VM than inserting (measured: 1.5 µs a row alone, 0.8 µs in 32s).
constexpr int kRowsAtOnce = 32;
constexpr int kColumns = 12;
// Batches (about a block of input each) that may wait for the writer.
constexpr std::size_t kQueuedBatches = 8;

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string insert_deals_sql(int rows) {
  std::string sql =
      "INSERT INTO run_deals (run, line, deal, error, stage, amount, currency, close_date, fields, "
      "statuses, conditions, confirmed) VALUES ";
  for (int r = 0; r < rows; ++r)
    sql += r == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

}  // namespace

// Inserts deals' rows and keeps the `names` it has looked up. Used by one thread at a time: the
// recorder's while the run starts, then the write queue's.
class Recorder::DealWriter {
 public:
  DealWriter(Connection& db, std::int64_t run)
      : run_(run),
        many_(db, insert_deals_sql(kRowsAtOnce)),
        one_(db, insert_deals_sql(1)),
        add_name_(db, "INSERT OR IGNORE INTO names (text) VALUES (?)"),
        find_name_(db, "SELECT name FROM names WHERE text = ?") {}

  std::int64_t name(const std::string& text) {
    const auto known = names_.find(text);
    if (known != names_.end()) return known->second;
    add_name_.bind(1, text, false).run();
    find_name_.bind(1, text, false);
    if (!find_name_.step()) throw HistoryError("a name just written to the history is not there");
    const std::int64_t name = find_name_.column_int(0);
    find_name_.reset();
    names_.emplace(text, name);
    return name;
  }

  void write(const RowBatch& batch) {
    const std::vector<DealRow>& deals = batch.deals;
    std::size_t at = 0;
    for (; at + kRowsAtOnce <= deals.size(); at += kRowsAtOnce) {
      for (int r = 0; r < kRowsAtOnce; ++r) bind(many_, r * kColumns, deals[at + r]);
      many_.run();
    }
    for (; at < deals.size(); ++at) {
      bind(one_, 0, deals[at]);
      one_.run();
    }
  }

 private:
  // The text stays in the batch until the statement ran: SQLite need not copy it.
  static void bind_text(Statement& insert, int index, const std::string& text) {
    if (text.empty()) {
      insert.bind_null(index);
    } else {
      insert.bind(index, std::string_view(text), false);
    }
  }
  static void bind_text(Statement& insert, int index, const std::optional<std::string>& text) {
    if (text) {
      insert.bind(index, std::string_view(*text), false);
    } else {
      insert.bind_null(index);
    }
  }
  void bind_name(Statement& insert, int index, const std::optional<std::string>& text) {
    if (text) {
      insert.bind(index, name(*text));
    } else {
      insert.bind_null(index);
    }
  }

  void bind(Statement& insert, int base, const DealRow& row) {
    insert.bind(base + 1, run_).bind(base + 2, static_cast<std::int64_t>(row.line));
    bind_text(insert, base + 3, row.deal);
    bind_text(insert, base + 4, row.error);
    bind_name(insert, base + 5, row.stage);
    if (row.amount) {
      insert.bind(base + 6, *row.amount);
    } else {
      insert.bind_null(base + 6);
    }
    bind_name(insert, base + 7, row.currency);
    if (row.close_date) {
      insert.bind(base + 8, static_cast<std::int64_t>(*row.close_date));
    } else {
      insert.bind_null(base + 8);
    }
    bind_text(insert, base + 9, row.fields);
    bind_text(insert, base + 10, row.statuses);
    bind_text(insert, base + 11, row.conditions);
    bind_text(insert, base + 12, row.confirmed);
  }

  std::int64_t run_;
  Statement many_, one_, add_name_, find_name_;
  std::unordered_map<std::string, std::int64_t> names_;
};

Recorder::Recorder(const std::string& path, const Plan& plan, RecordLayout& layout,
                   const RunInfo& run) {
  db_ = open_history(path, Access::Record);
  db_->exec("BEGIN IMMEDIATE");
  const std::string today = format_date(run.today);
  {
    Statement old(*db_, "SELECT run FROM runs WHERE today = ? AND input = ?");
    old.bind(1, today).bind(2, run.input);
    if (old.step()) {
      replaced_ = true;
      const std::int64_t previous = old.column_int(0);
      for (const char* table : {"run_deals", "run_freshness", "run_fields", "run_gates", "runs"}) {
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
  const std::int64_t id = sqlite3_last_insert_rowid(db_->handle());
  writer_ = std::make_unique<DealWriter>(*db_, id);

  Statement gate(
      *db_, "INSERT INTO run_gates (run, position, gate, label, phase) VALUES (?, ?, ?, ?, ?)");
  const std::vector<BlockIndex>& gates = run.gates.empty() ? plan.gates : run.gates;
  for (std::size_t i = 0; i < gates.size(); ++i) {
    const PlanBlock& block = plan.blocks[gates[i]];
    gate.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, block.name).bind(4, block.label);
    if (block.enters_phase != kNone) {
      gate.bind(5, plan.phases[block.enters_phase]);
    } else {
      gate.bind_null(5);
    }
    gate.run();
  }
  Statement field(*db_, "INSERT INTO run_fields (run, position, path) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < plan.shown.size(); ++i) {
    field.bind(1, id).bind(2, static_cast<std::int64_t>(i));
    field.bind(3, writer_->name(plan.shown[i].path)).run();
  }
  Statement freshness(*db_,
                      "INSERT INTO run_freshness (run, position, condition, fact, days) "
                      "VALUES (?, ?, ?, ?, ?)");
  const std::vector<FreshnessRule>& rules = layout.freshness_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    freshness.bind(1, id).bind(2, static_cast<std::int64_t>(i));
    freshness.bind(3, writer_->name(plan.conditions[rules[i].condition].id));
    freshness.bind(4, writer_->name(plan.schema.node(rules[i].fact).path));
    freshness.bind(5, static_cast<std::int64_t>(rules[i].offset)).run();
  }
  std::vector<std::int64_t> condition_names;
  condition_names.reserve(plan.conditions.size());
  for (const PlanCondition& condition : plan.conditions)
    condition_names.push_back(writer_->name(condition.id));
  layout.use_condition_names(std::move(condition_names));

  queue_ = std::make_unique<WriteQueue>(kQueuedBatches,
                                        [this](RowBatch& batch) { writer_->write(batch); });
}

Recorder::~Recorder() {
  queue_.reset();  // the writer thread stops before the statements it uses go
  writer_.reset();
  if (db_ && !committed_) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Recorder::add(RowBatch& batch) {
  deals_ += batch.deals.size();
  queue_->push(batch);
}

void Recorder::commit() {
  queue_->finish();
  queue_.reset();
  writer_.reset();
  db_->exec("COMMIT");
  committed_ = true;
}

}  // namespace dealgate::history
