#include "history/sqlite.hpp"

#include <fmt/format.h>

namespace dealgate::history {

Connection::Connection(const std::string& path, bool writable, bool create, int busy_ms)
    : path_(path) {
  int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  if (writable && create) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one thread at a time uses a connection; callers lock
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw HistoryError(fmt::format("cannot open the history `{}`: {}", path, why));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_ms);
}

Connection::~Connection() {
  sqlite3_close(db_);
}

void Connection::fail(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  std::string help;
  if ((code & 0xff) == SQLITE_NOTADB) {
    throw HistoryError(
        fmt::format("`{}` is not a dealgate history: it is not an SQLite database", path_),
        "give --record or history a new file name, or a file dealgate recorded");
  }
  if ((code & 0xff) == SQLITE_BUSY) help = "another dealgate is writing to it; try again later";
  if ((code & 0xff) == SQLITE_READONLY) help = "the file or its folder is not writable";
  throw HistoryError(fmt::format("the history `{}`: {}: {}", path_, what, sqlite3_errmsg(db_)),
                     help);
}

void Connection::exec(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail(fmt::format("`{}` failed", text.substr(0, text.find_first_of("(\n"))));
  }
}

std::int64_t Connection::scalar_int(std::string_view sql) {
  Statement statement(*this, sql);
  return statement.step() ? statement.column_int(0) : 0;
}

Statement::Statement(Connection& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    db.fail("cannot read it");
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("cannot write");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_.fail("cannot write");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text, bool copy) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        copy ? SQLITE_TRANSIENT : SQLITE_STATIC) != SQLITE_OK) {
    db_.fail("cannot write");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("cannot write");
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_.fail("cannot read or write it");
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double Statement::column_double(int index) const {
  return sqlite3_column_double(stmt_, index);
}

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

}  // namespace dealgate::history
