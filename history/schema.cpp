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
      // 4: one row a deal a run (a million deals made four million rows, 197 MB, and most of a
      // run's time was SQLite inserting them): the gates' statuses packed into one letter each,
      // conditions only for gates that did not pass, strings kept once in `names`, dates as day
      // numbers. The old tables become views of the same name and shape.
      R"sql(
CREATE TABLE names (
  name INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
);
CREATE TABLE run_fields (
  run INTEGER NOT NULL,
  position INTEGER NOT NULL,
  path INTEGER NOT NULL,
  PRIMARY KEY (run, position)
) WITHOUT ROWID;
CREATE TABLE run_freshness (
  run INTEGER NOT NULL,
  position INTEGER NOT NULL,
  condition INTEGER NOT NULL,
  fact INTEGER NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (run, position)
) WITHOUT ROWID;
CREATE TABLE run_deals (
  run INTEGER NOT NULL,
  line INTEGER NOT NULL,
  deal TEXT,
  error TEXT,
  stage INTEGER,
  amount REAL,
  currency INTEGER,
  close_date INTEGER,
  fields TEXT,
  statuses TEXT,
  conditions TEXT,
  confirmed TEXT,
  PRIMARY KEY (run, line)
) WITHOUT ROWID;

INSERT OR IGNORE INTO names (text)
  SELECT stage FROM deals WHERE stage IS NOT NULL
  UNION SELECT currency FROM deals WHERE currency IS NOT NULL
  UNION SELECT j.value FROM gates g, json_each(g.failed) j
  UNION SELECT j.value FROM gates g, json_each(g.unknown) j
  UNION SELECT condition FROM freshness
  UNION SELECT fact FROM freshness
  UNION SELECT j.key FROM deals d, json_each(d.fields) j;
-- A run's display fields in the `show` order, as its deals' objects give it: a field's place in
-- the objects that hold every field before it.
INSERT INTO run_fields (run, position, path)
  SELECT run, row_number() OVER (PARTITION BY run ORDER BY max(place), avg(place), key) - 1,
         (SELECT name FROM names WHERE text = key)
  FROM (SELECT d.run, j.key,
               row_number() OVER (PARTITION BY d.run, d.line ORDER BY j.id) AS place
        FROM deals d, json_each(d.fields) j)
  GROUP BY run, key;
INSERT INTO run_freshness (run, position, condition, fact, days)
  SELECT run, row_number() OVER (PARTITION BY run ORDER BY condition) - 1,
         (SELECT name FROM names WHERE text = condition), (SELECT name FROM names WHERE text = fact),
         days
  FROM (SELECT run, condition, min(fact) AS fact,
               CAST(min(julianday(stale_on) - julianday(confirmed_on)) AS INTEGER) AS days
        FROM freshness GROUP BY run, condition);
INSERT INTO run_deals (run, line, deal, error, stage, amount, currency, close_date, fields,
                       statuses, conditions, confirmed)
  SELECT d.run, d.line, d.deal, d.error,
    (SELECT name FROM names WHERE text = d.stage),
    d.amount,
    (SELECT name FROM names WHERE text = d.currency),
    CAST(julianday(d.close_date) - 2440587.5 AS INTEGER),
    CASE WHEN d.fields IS NULL OR d.fields = '{}' THEN NULL ELSE
      (SELECT json_group_array(value) FROM (
         SELECT (SELECT j.value FROM json_each(d.fields) j WHERE j.key = n.text) AS value
         FROM run_fields f JOIN names n ON n.name = f.path WHERE f.run = d.run
         ORDER BY f.position))
    END,
    CASE WHEN d.error IS NULL THEN
      (SELECT group_concat(letter, '') FROM (
         SELECT CASE g.status WHEN 'pass' THEN 'p' WHEN 'fail' THEN 'f' WHEN 'unknown' THEN 'u'
                ELSE '-' END AS letter
         FROM run_gates r LEFT JOIN gates g ON g.run = r.run AND g.line = d.line AND g.gate = r.gate
         WHERE r.run = d.run ORDER BY r.position))
    END,
    CASE WHEN EXISTS (SELECT 1 FROM gates g WHERE g.run = d.run AND g.line = d.line
                      AND g.status <> 'pass') THEN
      (SELECT json_group_array(json(entry)) FROM (
         SELECT CASE WHEN g.status IS NULL OR g.status = 'pass' THEN NULL ELSE json_array(
           json((SELECT json_group_array(name) FROM (
             SELECT n.name FROM json_each(g.failed) j JOIN names n ON n.text = j.value
             ORDER BY j.key))),
           json((SELECT json_group_array(name) FROM (
             SELECT n.name FROM json_each(g.unknown) j JOIN names n ON n.text = j.value
             ORDER BY j.key)))) END AS entry
         FROM run_gates r LEFT JOIN gates g ON g.run = r.run AND g.line = d.line AND g.gate = r.gate
         WHERE r.run = d.run ORDER BY r.position))
    END,
    CASE WHEN EXISTS (SELECT 1 FROM freshness f WHERE f.run = d.run AND f.line = d.line) THEN
      (SELECT json_group_array(day) FROM (
         SELECT CAST(julianday(f.confirmed_on) - 2440587.5 AS INTEGER) AS day
         FROM run_freshness r JOIN names n ON n.name = r.condition
         LEFT JOIN freshness f ON f.run = r.run AND f.line = d.line AND f.condition = n.text
         WHERE r.run = d.run ORDER BY r.position))
    END
  FROM deals d;
DROP TABLE deals;
DROP TABLE gates;
DROP TABLE freshness;

-- The shape of versions 1 to 3, for people who query the file.
CREATE VIEW deals AS
  SELECT d.run, d.line, d.deal, d.error, s.text AS stage, d.amount,
    date(d.close_date * 86400, 'unixepoch') AS close_date,
    (SELECT json_group_object(n.text, v.value) FROM json_each(d.fields) v
       JOIN run_fields f ON f.run = d.run AND f.position = v.key
       JOIN names n ON n.name = f.path WHERE v.value IS NOT NULL) AS fields,
    c.text AS currency
  FROM run_deals d LEFT JOIN names s ON s.name = d.stage LEFT JOIN names c ON c.name = d.currency;
CREATE VIEW gates AS
  SELECT d.run, d.line, g.gate,
    CASE substr(d.statuses, g.position + 1, 1) WHEN 'p' THEN 'pass' WHEN 'f' THEN 'fail'
      ELSE 'unknown' END AS status,
    (SELECT json_group_array(text) FROM (
       SELECT n.text FROM json_each(d.conditions, '$[' || g.position || '][0]') c
       JOIN names n ON n.name = c.value ORDER BY c.key)) AS failed,
    (SELECT json_group_array(text) FROM (
       SELECT n.text FROM json_each(d.conditions, '$[' || g.position || '][1]') c
       JOIN names n ON n.name = c.value ORDER BY c.key)) AS unknown
  FROM run_deals d JOIN run_gates g ON g.run = d.run
  WHERE substr(d.statuses, g.position + 1, 1) IN ('p', 'f', 'u');
CREATE VIEW freshness AS
  SELECT d.run, d.line, cn.text AS condition, fn.text AS fact,
    date(c.value * 86400, 'unixepoch') AS confirmed_on,
    date((c.value + f.days) * 86400, 'unixepoch') AS stale_on
  FROM run_deals d JOIN json_each(d.confirmed) c
    JOIN run_freshness f ON f.run = d.run AND f.position = c.key
    JOIN names cn ON cn.name = f.condition JOIN names fn ON fn.name = f.fact
  WHERE c.value IS NOT NULL;
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
  // WAL: readers (a report, the sqlite3 shell) go on reading the last run while a run is
  // written, and a killed run leaves only an uncommitted tail in the -wal file, which SQLite
  // ignores. synchronous = NORMAL: in WAL mode that never corrupts the file; a power cut may lose
  // the last run (as if it had been killed). FULL would add an fsync of the -wal at the commit,
  // which the checkpoint after a run makes anyway.
  // The page cache stays at SQLite's 2 MB: rows go in key order, so a bigger cache only delays
  // the same writes (32 MB was slower, bench/README.md).
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");
  migrate(*db);
  return db;
}

}  // namespace dealgate::history
