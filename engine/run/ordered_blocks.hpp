// The run loop every command shares to use more than one core: blocks of whole input lines go to
// N worker threads, each turns a block into a Chunk (results, rendered text, changes: whatever the
// command needs), and the calling thread receives the chunks strictly in input order. At most
// N + 2 blocks (34 at most) are in flight, so memory stays the same however long the input; the
// slots and their chunks are reused, so a long run reaches a steady state without allocating.
//
// The work function runs on worker `w` (0 <= w < threads) and only ever on that thread for that
// index, so per-worker state (a reader, an evaluator, a writer) can live in a vector indexed by
// `w` without locks. The deliver function runs on the calling thread, in order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace dealgate {

template <class Chunk>
class OrderedBlocks {
 public:
  using Work = std::function<void(unsigned worker, std::string_view lines, std::uint64_t first_line,
                                  Chunk& out)>;
  using Deliver = std::function<void(Chunk& chunk)>;

  // Blocks in flight are at most this + 2, however many threads: memory stays bounded (about
  // 2 MB a block) even for `--threads 1024`; workers beyond it wait their turn.
  static constexpr unsigned kMaxBlocks = 32;

  OrderedBlocks(unsigned threads, Work work, Deliver deliver)
      : work_(std::move(work)),
        deliver_(std::move(deliver)),
        slots_(std::min(threads, kMaxBlocks) + 2) {
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { run(i); });
  }
  OrderedBlocks(const OrderedBlocks&) = delete;
  OrderedBlocks& operator=(const OrderedBlocks&) = delete;
  ~OrderedBlocks() { stop(); }

  // Hands a block to the workers (copying it), first delivering finished chunks while every
  // slot is taken, then any that are ready.
  void submit(std::string_view lines, std::uint64_t first_line) {
    std::unique_lock lock(mutex_);
    while (submitted_ - delivered_ == slots_.size()) deliver_oldest(lock);
    Slot& slot = slots_[submitted_ % slots_.size()];
    lock.unlock();
    slot.input.assign(lines);
    slot.first_line = first_line;
    slot.done = false;  // no worker holds it: it was delivered, or never used
    lock.lock();
    ++submitted_;
    lock.unlock();
    work_ready_.notify_one();
    lock.lock();
    while (delivered_ < submitted_ && slots_[delivered_ % slots_.size()].done) {
      deliver_oldest(lock);
    }
  }

  // Delivers every block handed out so far: afterwards the caller may handle records itself
  // without breaking input order.
  void drain() {
    std::unique_lock lock(mutex_);
    while (delivered_ < submitted_) deliver_oldest(lock);
  }

  // Drains and stops the workers; rethrows the first exception a work function threw.
  void finish() {
    drain();
    stop();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  struct Slot {
    std::string input;
    std::uint64_t first_line = 0;
    Chunk chunk;
    bool done = false;  // guarded by mutex_
  };

  // Precondition: `lock` holds the mutex. Waits for the oldest undelivered block and delivers it.
  void deliver_oldest(std::unique_lock<std::mutex>& lock) {
    Slot& slot = slots_[delivered_ % slots_.size()];
    block_done_.wait(lock, [&] { return slot.done; });
    lock.unlock();
    deliver_(slot.chunk);
    lock.lock();
    ++delivered_;
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

  void run(unsigned worker) {
    while (true) {
      std::uint64_t sequence = 0;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return taken_ < submitted_ || closing_; });
        if (taken_ == submitted_) break;
        sequence = taken_++;
      }
      Slot& slot = slots_[sequence % slots_.size()];
      try {
        work_(worker, slot.input, slot.first_line, slot.chunk);
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        slot.done = true;
      }
      block_done_.notify_all();
    }
  }

  Work work_;
  Deliver deliver_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a block was submitted, or the run is closing
  std::condition_variable block_done_;  // a worker finished a block
  std::vector<Slot> slots_;             // a ring: block i lives in slots_[i % size]
  std::uint64_t submitted_ = 0;         // blocks handed out
  std::uint64_t taken_ = 0;             // blocks a worker has started
  std::uint64_t delivered_ = 0;         // blocks delivered, in order
  bool closing_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;  // last: they start once everything above exists
};

}  // namespace dealgate
