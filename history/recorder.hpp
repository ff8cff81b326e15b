// Writing one run into a history: everything in one transaction, so a run that is killed or fails
// leaves the file as it was; a run with the same `today` and input as a recorded one replaces it.
// The run's own rows (its gates, display fields, freshness rules and the names they use) are
// written when it starts; the deals' rows come in batches, in input order, and a thread of their
// own inserts them (history/write_queue.hpp) with statements prepared once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "engine/plan/plan.hpp"
#include "history/record_layout.hpp"
#include "history/sqlite.hpp"
#include "history/write_queue.hpp"

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
  // then holds the write lock until commit() or destruction. Gives `layout` the names of the
  // conditions its rows refer to.
  Recorder(const std::string& path, const Plan& plan, RecordLayout& layout, const RunInfo& run);
  ~Recorder();  // rolls back unless committed
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Queues the rows for writing, leaving `batch` empty; waits while the writer is behind.
  void add(RowBatch& batch);
  // Writes what is queued and commits; throws HistoryError (the history is then as it was).
  void commit();
  // A run of the same day and input was there before this one, and is replaced.
  bool replaced() const { return replaced_; }
  std::uint64_t deals() const { return deals_; }

 private:
  class DealWriter;
  std::unique_ptr<Connection> db_;
  std::unique_ptr<DealWriter> writer_;
  std::unique_ptr<WriteQueue> queue_;
  bool replaced_ = false;
  bool committed_ = false;
  std::uint64_t deals_ = 0;
};

}  // namespace dealgate::history
