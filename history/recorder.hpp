// Writing one run into a history: everything in one transaction, so a run that is killed or fails
// leaves the file as it was; a run with the same `today` and input as a recorded one replaces it.
// Rows come in batches, in input order, from one thread; the statements are prepared once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "engine/plan/plan.hpp"
#include "history/record_layout.hpp"
#include "history/sqlite.hpp"

namespace dealgate::history {

struct RunInfo {
  DayNumber today = 0;
  std::string input;              // the facts file as named, `-` for standard input
  std::string command;            // eval or report
  std::vector<BlockIndex> gates;  // the gates the run reports; empty: all
};

class Recorder {
 public:
  // Opens (or creates) the history and starts the run: waits for other writers (SQLite's lock),
  // then holds the write lock until commit() or destruction.
  Recorder(const std::string& path, const Plan& plan, const RunInfo& run);
  ~Recorder();  // rolls back unless committed
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  void add(const RowBatch& batch);
  void commit();
  // A run of the same day and input was there before this one, and is replaced.
  bool replaced() const { return replaced_; }
  std::uint64_t deals() const { return deals_; }

 private:
  struct Statements;
  const Plan& plan_;
  std::unique_ptr<Connection> db_;
  std::unique_ptr<Statements> statements_;
  std::int64_t run_ = 0;
  bool replaced_ = false;
  bool committed_ = false;
  std::uint64_t deals_ = 0;
};

}  // namespace dealgate::history
