// `--record` through the built program: the same rows whatever --threads says, files that are not
// a history refused and left byte for byte as they were, version 1 and 3 histories upgraded, two
// writers at once both recorded, and a killed run leaving the history as it was.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "history/schema.hpp"
#include "history/sqlite.hpp"
#include "run_binary.hpp"

namespace dealgate {
namespace {

using testing::exited_saying;
using testing::holds;
using testing::run_dealgate;
using testing::slurp;

const char* const kRules =
    "ruleset \"Recording fixture\"\n"
    "facts {\n  id: string\n  amount: number\n  close_date: date\n  ok: bool\n"
    "  confirmed_on: date\n}\n"
    "show {\n  amount \"Amount\" as money in \"EUR\"\n  close_date \"Close\"\n}\n"
    "milestone fresh {\n  require recent: today - confirmed_on <= 30\n}\n"
    "gate ready {\n  requires fresh\n  require ok: ok\n}\n";

std::string temp(const std::string& name) {
  return ::testing::TempDir() + "run_recording_" + std::to_string(getpid()) + "_" + name;
}

// `count` deals, one JSON line each; every seventh is unreadable, every fifth lacks `ok`.
std::string write_deals(const std::string& name, int count, int salt = 0) {
  const std::string path = temp(name);
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < count; ++i) {
    if (i % 7 == 3) {
      out << "{\"id\": \"R" << i << "\", \"amount\": \n";  // not JSON
      continue;
    }
    out << "{\"id\": \"R" << i << "\", \"amount\": " << (i * 37 + salt) % 9000
        << ", \"close_date\": \"2026-12-" << 10 + i % 18 << "\""
        << (i % 5 == 0       ? ""
            : (i + salt) % 3 ? ", \"ok\": true"
                             : ", \"ok\": false")
        << ", \"confirmed_on\": \"2026-11-" << 10 + (i * 3) % 19 << "\"}\n";
  }
  return path;
}

std::string write_rules() {
  const std::string path = temp("rules.gate");
  std::ofstream(path, std::ios::binary) << kRules;
  return path;
}

// Every row of the run tables, in key order, as text; `runs` without the wall-clock time.
std::string dump(const std::string& path) {
  history::Connection db(path, false, false);
  std::string out;
  for (const char* query :
       {"SELECT run, today, input, rules_hash, ruleset, command FROM runs ORDER BY run",
        "SELECT * FROM run_gates ORDER BY run, gate", "SELECT * FROM deals ORDER BY run, line",
        "SELECT * FROM gates ORDER BY run, line, gate",
        "SELECT * FROM freshness ORDER BY run, line, condition"}) {
    history::Statement rows(db, query);
    const int columns = rows.column_count();
    while (rows.step()) {
      for (int c = 0; c < columns; ++c)
        out += (rows.column_is_null(c) ? std::string("NULL") : rows.column_text(c)) + "|";
      out += "\n";
    }
    out += "--\n";
  }
  return out;
}

std::int64_t count_runs(const std::string& path) {
  history::Connection db(path, false, false);
  return db.scalar_int("SELECT count(*) FROM runs");
}

std::string record_args(const std::string& rules, const std::string& facts, const std::string& db,
                        const std::string& today = "2026-11-30") {
  return "eval '" + rules + "' --facts '" + facts + "' --format jsonl --today " + today +
         " --record '" + db + "'";
}

TEST(RunRecording, OneThreadAndTwoRecordTheSameRows) {
  const std::string rules = write_rules();
  // Over 1 MiB, so that two threads get several blocks each.
  const std::string facts = write_deals("many.jsonl", 30000);
  ASSERT_GT(std::filesystem::file_size(facts), std::uintmax_t{2} << 20);
  const std::string one = temp("one.db"), two = temp("two.db");
  std::filesystem::remove(one);
  std::filesystem::remove(two);
  const auto a = run_dealgate(record_args(rules, facts, one) + " --threads 1");
  const auto b = run_dealgate(record_args(rules, facts, two) + " --threads 2");
  EXPECT_EQ(a.exit_code, 3) << a.err;  // some records are unreadable
  EXPECT_EQ(b.exit_code, 3) << b.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_TRUE(holds(a.err, "recorded 30000 deals"));
  const std::string rows = dump(one);
  EXPECT_EQ(rows, dump(two));
  // The rows are the deals': the amount and close date from `show`, unreadable ones kept as such.
  history::Connection db(one, false, false);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM deals"), 30000);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM deals WHERE error IS NOT NULL"), 30000 / 7 + 1);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM deals WHERE line = 2 AND amount = 37 AND "
                          "currency = 'EUR' AND close_date = '2026-12-11'"),
            1);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM gates WHERE line = 1 AND status = 'unknown'"), 1);
}

TEST(RunRecording, AFileThatIsNoHistoryIsRefusedAndLeftAsItWas) {
  const std::string rules = write_rules();
  const std::string facts = write_deals("few.jsonl", 20);

  const std::string text = temp("notes.db");
  std::ofstream(text, std::ios::binary) << "meeting notes, not a database\n";

  const std::string foreign = temp("foreign.db");
  std::filesystem::remove(foreign);
  {
    history::Connection db(foreign, true, true);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
  }

  const std::string truncated = temp("truncated.db");
  std::filesystem::remove(truncated);
  ASSERT_EQ(run_dealgate(record_args(rules, facts, truncated)).exit_code, 3);
  {
    const std::string whole = slurp(truncated);
    ASSERT_GT(whole.size(), 4096u);
    std::ofstream(truncated, std::ios::binary | std::ios::trunc) << whole.substr(0, 1500);
  }

  for (const std::string& path : {text, foreign, truncated}) {
    SCOPED_TRACE(path);
    const std::string before = slurp(path);
    const auto record = run_dealgate(record_args(rules, facts, path));
    EXPECT_EQ(record.exit_code, 3);
    EXPECT_TRUE(holds(record.err, path));
    EXPECT_EQ(record.err.find("recorded 20 deals"), std::string::npos) << record.err;
    const auto read = run_dealgate("history '" + path + "'");
    EXPECT_EQ(read.exit_code, 3);
    EXPECT_TRUE(holds(read.err, path));
    EXPECT_EQ(slurp(path), before);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(path + "-shm"));
  }
  EXPECT_NE(run_dealgate(record_args(rules, facts, foreign)).err.find("another program's"),
            std::string::npos);
  EXPECT_NE(run_dealgate(record_args(rules, facts, truncated)).err.find("is damaged"),
            std::string::npos);
}

// A history as an older dealgate wrote it: the first `version` migrations, then `rows`.
void write_old_history(const std::string& path, std::size_t version, const std::string& rows) {
  std::filesystem::remove(path);
  history::Connection db(path, true, true);
  for (std::size_t i = 0; i < version; ++i) db.exec(history::migrations()[i]);
  db.exec(fmt::format("PRAGMA user_version = {}", version));
  db.exec(fmt::format("PRAGMA application_id = {}", history::kApplicationId));
  db.exec(rows);
}

// Reading an older history does not upgrade it: it says what to do and leaves the file alone.
// Recording into it upgrades it and adds the run.
void expect_upgraded_only_by_recording(const std::string& path, std::size_t version,
                                       const std::string& deals_name) {
  const std::string before = slurp(path);
  EXPECT_TRUE(exited_saying(run_dealgate("history '" + path + "'"), 3,
                            fmt::format("schema version {}", version)));
  EXPECT_EQ(slurp(path), before);
  const auto record = run_dealgate(record_args(write_rules(), write_deals(deals_name, 20), path));
  EXPECT_EQ(record.exit_code, 3) << record.err;
  history::Connection db(path, false, false);
  EXPECT_EQ(db.scalar_int("PRAGMA user_version"), history::kSchemaVersion);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM runs"), 2);
}

TEST(RunRecording, AVersionOneHistoryIsUpgradedAndKeepsItsRuns) {
  const std::string path = temp("v1.db");
  // A history as the first dealgate with --record wrote it.
  write_old_history(
      path, 1,
      "INSERT INTO runs VALUES (1, '2026-11-23', 'old.jsonl', 'h', 'Recording fixture', 'eval', "
      "'2026-11-23T08:00:00Z');"
      "INSERT INTO run_gates VALUES (1, 0, 'ready', 'ready', NULL);"
      "INSERT INTO deals VALUES (1, 1, 'R1', NULL, NULL, 500);"
      "INSERT INTO gates VALUES (1, 1, 'ready', 'fail', '[\"ready.ok\"]', '[]');");
  expect_upgraded_only_by_recording(path, 1, "v1.jsonl");
  history::Connection db(path, false, false);
  // The old deal is still there, with the columns later versions added empty.
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM deals WHERE run = 1 AND amount = 500 AND "
                          "close_date IS NULL AND currency IS NULL AND fields = '{}'"),
            1);
  EXPECT_EQ(run_dealgate("history '" + path + "' --format json").exit_code, 0);
}

// The rows of run 1 as versions 1 to 3 kept them, through the tables' names (views since 4).
std::string dump_first_run(history::Connection& db) {
  std::string out;
  for (const char* query :
       {"SELECT run, line, deal, error, stage, amount, close_date, fields, currency FROM deals "
        "WHERE run = 1 ORDER BY line",
        "SELECT run, line, gate, status, failed, unknown FROM gates WHERE run = 1 "
        "ORDER BY line, gate",
        "SELECT run, line, condition, fact, confirmed_on, stale_on FROM freshness WHERE run = 1 "
        "ORDER BY line, condition"}) {
    history::Statement rows(db, query);
    while (rows.step()) {
      for (int c = 0; c < rows.column_count(); ++c)
        out += (rows.column_is_null(c) ? std::string("NULL") : rows.column_text(c)) + "|";
      out += "\n";
    }
    out += "--\n";
  }
  return out;
}

TEST(RunRecording, AVersionThreeHistoryIsUpgradedAndReadsAsBefore) {
  const std::string path = temp("v3.db");
  // A history as dealgate wrote it before one row a deal: every column in use.
  write_old_history(
      path, 3,
      "INSERT INTO runs VALUES (1, '2026-11-23', 'old.jsonl', 'h', 'Recording fixture', 'eval', "
      "'2026-11-23T08:00:00Z');"
      "INSERT INTO run_gates VALUES (1, 0, 'ready', 'ready', NULL);"
      "INSERT INTO deals VALUES (1, 1, 'R1', NULL, 'Design', 500, '2026-12-10', "
      "'{\"amount\":\"500\",\"close_date\":\"2026-12-10\"}', 'EUR');"
      "INSERT INTO deals VALUES (1, 2, 'R2', NULL, NULL, NULL, NULL, '{\"close_date\":"
      "\"2026-12-12\"}', NULL);"
      "INSERT INTO deals VALUES (1, 3, NULL, 'invalid JSON', NULL, NULL, NULL, '{}', NULL);"
      "INSERT INTO deals VALUES (1, 4, 'R4', NULL, 'Design', 20, NULL, '{\"amount\":\"20\"}', "
      "'EUR');"
      "INSERT INTO gates VALUES (1, 1, 'ready', 'fail', '[\"ready.ok\"]', '[]');"
      "INSERT INTO gates VALUES (1, 2, 'ready', 'unknown', '[]', "
      "'[\"fresh.recent\",\"ready.ok\"]');"
      "INSERT INTO gates VALUES (1, 4, 'ready', 'pass', '[]', '[]');"
      "INSERT INTO freshness VALUES (1, 1, 'fresh.recent', 'confirmed_on', '2026-11-10', "
      "'2026-12-11');"
      "INSERT INTO freshness VALUES (1, 4, 'fresh.recent', 'confirmed_on', '2026-11-01', "
      "'2026-12-02');");
  std::string before;
  {
    history::Connection db(path, false, false);
    before = dump_first_run(db);
  }
  ASSERT_NE(before.find("1|2|ready|unknown|[]|[\"fresh.recent\",\"ready.ok\"]|"), std::string::npos)
      << before;
  expect_upgraded_only_by_recording(path, 3, "v3.jsonl");
  {
    history::Connection db(path, false, false);
    // The old run reads as it did, through the views of the old tables' names.
    EXPECT_EQ(dump_first_run(db), before);
    EXPECT_EQ(db.scalar_int("SELECT count(*) FROM run_deals"), 4 + 20);
  }
  // R1 failed on ready.ok and R2 was unknown in the old run; both pass now.
  const auto history = run_dealgate("history '" + path + "' --format json");
  EXPECT_EQ(history.exit_code, 0) << history.err;
  EXPECT_TRUE(holds(history.out,
                    "\"deal\":\"R1\",\"gate\":\"ready\",\"from\":\"fail\",\"to\":"
                    "\"pass\",\"conditions\":[\"ready.ok\"]"));
  EXPECT_TRUE(holds(history.out,
                    "\"deal\":\"R2\",\"gate\":\"ready\",\"from\":\"unknown\",\"to\":"
                    "\"pass\",\"conditions\":[\"fresh.recent\",\"ready.ok\"]"));
}

TEST(RunRecording, TwoWritersAtOnceAreBothRecorded) {
  const std::string rules = write_rules();
  const std::string a = write_deals("writer_a.jsonl", 20000, 1);
  const std::string b = write_deals("writer_b.jsonl", 20000, 2);
  const std::string path = temp("shared.db");
  std::filesystem::remove(path);
  const std::string binary = std::string("'") + DEALGATE_BINARY + "' ";
  const std::string command = "NO_COLOR=1 " + binary + record_args(rules, a, path) +
                              " > /dev/null 2> '" + temp("a.err") + "' & NO_COLOR=1 " + binary +
                              record_args(rules, b, path) + " > /dev/null 2> '" + temp("b.err") +
                              "'; wait";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_NE(slurp(temp("a.err")).find("recorded 20000 deals"), std::string::npos)
      << slurp(temp("a.err"));
  EXPECT_NE(slurp(temp("b.err")).find("recorded 20000 deals"), std::string::npos)
      << slurp(temp("b.err"));
  history::Connection db(path, false, false);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM runs"), 2);
  EXPECT_EQ(db.scalar_int("SELECT count(*) FROM deals"), 40000);
  EXPECT_EQ(db.scalar_int("SELECT count(DISTINCT run) FROM gates"), 2);
}

TEST(RunRecording, AKilledRunLeavesTheHistoryAsItWas) {
  const std::string rules = write_rules();
  const std::string path = temp("killed.db");
  std::filesystem::remove(path);
  ASSERT_EQ(run_dealgate(record_args(rules, write_deals("first.jsonl", 50), path)).exit_code, 3);
  const std::string before = dump(path);
  const std::string big = write_deals("big.jsonl", 400000);

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string command = std::string("exec '") + DEALGATE_BINARY + "' " +
                                record_args(rules, big, path, "2026-12-07") +
                                " --threads 1 > /dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Killed once it is writing rows: the write-ahead log has grown past its first pages.
  for (int i = 0; i < 400; ++i) {
    std::error_code ec;
    if (std::filesystem::file_size(path + "-wal", ec) > (std::uintmax_t{1} << 20)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be killed";
  EXPECT_EQ(dump(path), before);
  EXPECT_EQ(count_runs(path), 1);
  history::Connection db(path, false, false);
  history::Statement check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.column_text(0), "ok");
}

}  // namespace
}  // namespace dealgate
