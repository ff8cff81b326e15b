#include "history/write_queue.hpp"

#include <utility>

namespace dealgate::history {

WriteQueue::WriteQueue(std::size_t capacity, Write write)
    : capacity_(capacity > 0 ? capacity : 1), write_(std::move(write)) {
  thread_ = std::thread([this] { run(); });
}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    waiting_.clear();
  }
  stop();
}

void WriteQueue::push(RowBatch& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return waiting_.size() < capacity_; });
  waiting_.push_back(std::move(batch));
  batch = RowBatch{};
  if (!spare_.empty()) {
    batch = std::move(spare_.back());
    spare_.pop_back();
  }
  changed_.notify_all();
}

void WriteQueue::finish() {
  stop();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void WriteQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WriteQueue::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return closing_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // closing, and everything is written
    RowBatch batch = std::move(waiting_.front());
    waiting_.pop_front();
    changed_.notify_all();  // room for the next batch
    const bool failed = error_ != nullptr;
    lock.unlock();
    if (!failed) {
      try {
        write_(batch);
      } catch (...) {
        lock.lock();
        error_ = std::current_exception();
        lock.unlock();
      }
    }
    batch.clear();
    lock.lock();
    if (spare_.size() < capacity_) spare_.push_back(std::move(batch));
  }
}

}  // namespace dealgate::history
