// Rows handed from the thread that gets results in input order to one thread that writes them,
// in that order, so that SQLite's inserts overlap the evaluation instead of following it. At most
// `capacity` batches wait: a writer slower than the evaluation holds the run back rather than
// letting memory grow with the number of deals.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "history/record_layout.hpp"

namespace dealgate::history {

class WriteQueue {
 public:
  using Write = std::function<void(RowBatch&)>;
  // Starts the writer thread, which calls `write` for each batch.
  WriteQueue(std::size_t capacity, Write write);
  // Stops the writer thread; batches not yet written are dropped.
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Queues `batch`'s rows, leaving it empty (with the memory of a written batch, for reuse); waits
  // while `capacity` batches wait. Never throws what `write` threw: finish() does.
  void push(RowBatch& batch);
  // Waits until every batch is written and stops the writer thread. Rethrows the first exception
  // `write` threw (the batches after it were dropped).
  void finish();

 private:
  void run();
  void stop();

  const std::size_t capacity_;
  Write write_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<RowBatch> waiting_;
  std::vector<RowBatch> spare_;
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace dealgate::history
