// The history database's schema, its versions and the migrations between them, and opening a
// file as a history: a file that is not one is refused before anything in it changes.
//
// A history is an SQLite file whose header says application_id kApplicationId and whose
// user_version is the schema version. Version N is made by running migrations()[0..N) in order,
// each in the transaction that also sets user_version, so a file is always at one version.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "history/sqlite.hpp"

namespace dealgate::history {

inline constexpr std::int64_t kApplicationId = 0x44474853;  // "DGHS": a dealgate history
inline constexpr std::int64_t kSchemaVersion = 4;

// migrations()[i] takes a database from version i to version i + 1.
const std::vector<std::string_view>& migrations();

enum class Access {
  Record,  // create the file when absent, migrate an older version, then write
  Read,    // the file must exist and be at the current version; nothing is written
};

// Opens `path` as a history. Throws HistoryError, leaving the file as it was, when it is not
// SQLite, is another program's database, was written by a newer dealgate, or (Read) is absent
// or older than this dealgate.
std::unique_ptr<Connection> open_history(const std::string& path, Access access);

// Brings an open, writable history from its version up to `target` (tests migrate step by step).
void migrate(Connection& db, std::int64_t target = kSchemaVersion);

}  // namespace dealgate::history
