// A thin owner of an SQLite connection and its prepared statements: every failure becomes a
// HistoryError with SQLite's own words, so a caller reports it instead of checking return codes.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dealgate::history {

// What went wrong with a history database, in words for the person who named the file.
class HistoryError : public std::runtime_error {
 public:
  HistoryError(std::string message, std::string help = {})
      : std::runtime_error(std::move(message)), help_(std::move(help)) {}
  const std::string& help() const { return help_; }

 private:
  std::string help_;
};

class Statement;

class Connection {
 public:
  // Opens `path` read-only, or read-write creating it when `create` is set. Waits up to
  // `busy_ms` for another writer's lock before a statement gives up.
  Connection(const std::string& path, bool writable, bool create, int busy_ms = 30000);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs statements that return no rows; throws on failure with `what` leading the message.
  void exec(std::string_view sql);
  std::int64_t scalar_int(std::string_view sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based, as in SQLite. Text is copied by SQLite only when `copy` is set: pass
  // false only for text that outlives the next step().
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text, bool copy = true);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<std::string>& text);
  // True while there is a row; false once done. Throws on error.
  bool step();
  // step() once for a statement that returns nothing, then reset it for the next use.
  void run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_is_null(int index) const;
  int column_count() const { return sqlite3_column_count(stmt_); }

 private:
  Connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace dealgate::history
