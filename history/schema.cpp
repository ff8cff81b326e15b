#include "history/schema.hpp"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace dealgate::history {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> steps = {
      // 1: runs, each deal's stage and amount, each gate's status and the conditions behind it.
      R"sql(
CREATE TABLE runs (
  run INTEGER PRIMARY KEY,
  today TEXT NOT NULL,
  input TEXT NOT NULL,
  rules_hash TEXT NOT NULL,
  ruleset TEXT NOT NULL,
  command TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (today, input)
);
CREATE TABLE run_gates (
  run INTEGER NOT NULL,
  position INTEGER NOT NULL,
  gate TEXT NOT NULL,
  label TEXT NOT NULL,
  phase TEXT,
  PRIMARY KEY (run, gate)
) WITHOUT ROWID;
CREATE TABLE deals (
  run INTEGER NOT NULL,
  line INTEGER NOT NULL,
  deal TEXT,
  error TEXT,
  stage TEXT,
  amount REAL,
  PRIMARY KEY (run, line)
) WITHOUT ROWID;
CREATE TABLE gates (
  run INTEGER NOT NULL,
  line INTEGER NOT NULL,
  gate TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'unknown')),
  failed TEXT NOT NULL,
  unknown TEXT NOT NULL,
  PRIMARY KEY (run, line, gate)
) WITHOUT ROWID;
)sql",
      // 2: the close date and display fields of each deal, and when its confirmations go stale.
      R"sql(
ALTER TABLE deals ADD COLUMN close_date TEXT;
ALTER TABLE deals ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
CREATE TABLE freshness (
  run INTEGER NOT NULL,
  line INTEGER NOT NULL,
  condition TEXT NOT NULL,
  fact TEXT NOT NULL,
  confirmed_on TEXT NOT NULL,
  stale_on TEXT NOT NULL,
  PRIMARY KEY (run, line, condition)
) WITHOUT ROWID;
)sql",
      // 3: the currency of each deal's amount (the rules' `show ... as money in ...`).
      R"sql(
ALTER TABLE deals ADD COLUMN currency TEXT;
)sql",
  };
  return steps;
}

namespace {

bool is_ours_or_blank(Connection& db) {
  const std::int64_t application = db.scalar_int("PRAGMA application_id");
  if (application == kApplicationId) return true;
  if (application != 0) return false;
  // A blank database (an empty file, or one the sqlite3 shell just made) can become a history.
  return db.scalar_int("SELECT count(*) FROM sqlite_schema") == 0 &&
         db.scalar_int("PRAGMA user_version") == 0;
}

std::uint32_t big_endian(const unsigned char* at, int bytes) {
  std::uint32_t n = 0;
  for (int i = 0; i < bytes; ++i) n = (n << 8) | at[i];
  return n;
}

// Looks at the file's header before SQLite opens it: SQLite would make its -wal and -shm files
// beside a damaged database before it notices the damage. An empty file is a blank history.
void check_header(const std::string& path, std::uintmax_t size) {
  if (size == 0) return;
  unsigned char header[100] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(header), sizeof header);
  if (!in || std::memcmp(header, "SQLite format 3", 16) != 0) {
    throw HistoryError(
        fmt::format("`{}` is not a dealgate history: it is not an SQLite database", path),
        "give --record or history a new file name, or a file dealgate recorded");
  }
  const std::uint32_t page_size =
      big_endian(header + 16, 2) == 1 ? 65536 : big_endian(header + 16, 2);
  const std::uint32_t pages = big_endian(header + 28, 4);
  // The page count is trusted only when the header says it is current (SQLite's own rule).
  const bool count_valid = big_endian(header + 92, 4) == big_endian(header + 24, 4);
  if (count_valid && std::uintmax_t{page_size} * pages > size) {
    throw HistoryError(
        fmt::format("the history `{}` is damaged: it is {} bytes, its header says {}", path, size,
                    std::uintmax_t{page_size} * pages),
        "restore it from a backup, or record into a new file");
  }
}

[[noreturn]] void refuse_foreign(const std::string& path) {
  throw HistoryError(
      fmt::format("`{}` is not a dealgate history: it is another program's SQLite database", path),
      "give --record or history a new file name, or a file dealgate recorded");
}

}  // namespace

void migrate(Connection& db, std::int64_t target) {
  db.exec("BEGIN IMMEDIATE");
  try {
    // Read again under the write lock: another dealgate may have migrated it meanwhile.
    std::int64_t version = db.scalar_int("PRAGMA user_version");
    if (version < target) {
      for (; version < target; ++version) db.exec(migrations()[static_cast<std::size_t>(version)]);
      db.exec(fmt::format("PRAGMA user_version = {}", target));
      db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    }
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::unique_ptr<Connection> open_history(const std::string& path, Access access) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (access == Access::Read && !exists) {
    throw HistoryError(fmt::format("there is no history `{}`", path),
                       "record one first: dealgate eval RULES --facts FILE --record " + path);
  }
  if (exists && !std::filesystem::is_regular_file(path, ec)) {
    throw HistoryError(fmt::format("the history `{}` is not a file", path));
  }
  if (exists) check_header(path, std::filesystem::file_size(path, ec));
  auto db = std::make_unique<Connection>(path, access == Access::Record, true);
  // Nothing is written before these checks: SQLite reads the header first, so a file that is
  // not a database fails here (Connection::fail says so) and stays as it was.
  if (exists && !is_ours_or_blank(*db)) refuse_foreign(path);
  const std::int64_t version = db->scalar_int("PRAGMA user_version");
  if (version > kSchemaVersion) {
    throw HistoryError(
        fmt::format("the history `{}` was written by a newer dealgate (schema version {}, this "
                    "one reads up to {})",
                    path, version, kSchemaVersion),
        "use that dealgate, or record into a new file");
  }
  if (access == Access::Read) {
    if (version < kSchemaVersion) {
      throw HistoryError(
          fmt::format("the history `{}` has schema version {}; this dealgate reads version {}",
                      path, version, kSchemaVersion),
          "record one run into it with this dealgate (`--record`), which upgrades it");
    }
    return db;
  }
  // WAL: readers (a report, the sqlite3 shell) go on reading while a run is written.
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");
  migrate(*db);
  return db;
}

}  // namespace dealgate::history
