#include "cli/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <thread>
#include <vector>

#include "engine/facts/json_facts.hpp"

namespace dealgate::cli {

void EvalTally::add(const EvalTally& later) {
  if (unreadable == 0 && later.unreadable > 0) first_error = later.first_error;
  records += later.records;
  unreadable += later.unreadable;
  not_passed += later.not_passed;
}

namespace {

// Evaluates one record into `result` and counts it.
void evaluate_record(Evaluator& evaluator, const EvalOptions& options, const FactsRecord& record,
                     DealResult& result, EvalTally& tally) {
  ++tally.records;
  result.line = record.line;
  result.id_json.assign(record_id_json(record.id_json));
  result.error = record.error;
  if (!record.error.empty()) {
    result.gates.clear();
    if (tally.unreadable++ == 0) {
      tally.first_error = fmt::format("line {}: {}", record.line, record.error);
    }
    return;
  }
  evaluator.evaluate(record.facts, options, result);
  for (const GateResult& gate : result.gates) {
    if (gate.status != Status::Pass) {
      ++tally.not_passed;
      break;
    }
  }
}

// A stream buffer that appends to a string chosen per block.
class AppendBuf final : public std::streambuf {
 public:
  std::string* target = nullptr;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    target->append(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      target->push_back(traits_type::to_char_type(c));
    }
    return traits_type::not_eof(c);
  }
};

// Blocks in flight are at most this + 2, however many threads: memory stays bounded (about 2 MB
// a block) even for `--threads 1024`; workers beyond it wait their turn.
constexpr unsigned kMaxBlocks = 32;

// One block of whole input lines on its way through the pipeline.
struct Block {
  std::string input;
  std::uint64_t first_line = 0;
  std::string output;  // the rendered results
  EvalTally tally;
  bool done = false;  // guarded by the pipeline's mutex
};

class ParallelRun {
 public:
  ParallelRun(const Plan& plan, const EvalOptions& options, const FactsSource& source,
              ResultWriter& writer, Progress& progress, unsigned threads, EvalTally& tally)
      : plan_(plan),
        options_(options),
        source_(source),
        writer_(writer),
        progress_(progress),
        tally_(tally),
        blocks_(std::min(threads, kMaxBlocks) + 2) {
    workers_.reserve(threads);
    fragments_.resize(threads);
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
  }

  ~ParallelRun() { stop(); }

  // Hands a block to the workers, first writing finished blocks while every slot is taken.
  void submit(std::string_view lines, std::uint64_t first_line) {
    std::unique_lock lock(mutex_);
    while (submitted_ - written_ == blocks_.size()) write_oldest(lock);
    Block& block = blocks_[submitted_ % blocks_.size()];
    lock.unlock();
    block.input.assign(lines);
    block.first_line = first_line;
    block.done = false;  // no worker holds it: it was written, or never used
    lock.lock();
    ++submitted_;
    lock.unlock();
    work_ready_.notify_one();
    lock.lock();
    while (written_ < submitted_ && blocks_[written_ % blocks_.size()].done) write_oldest(lock);
  }

  // Writes every block handed out so far.
  void drain() {
    std::unique_lock lock(mutex_);
    while (written_ < submitted_) write_oldest(lock);
  }

  // Drains, stops the workers and merges their summaries into the writer.
  void finish() {
    drain();
    stop();
    for (const std::unique_ptr<ResultWriter>& fragment : fragments_) {
      if (fragment) writer_.absorb(*fragment);
    }
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  // Precondition: `lock` holds the mutex. Waits for the oldest unwritten block and writes it.
  void write_oldest(std::unique_lock<std::mutex>& lock) {
    Block& block = blocks_[written_ % blocks_.size()];
    block_done_.wait(lock, [&] { return block.done; });
    lock.unlock();
    writer_.write_fragment(block.output);
    tally_.add(block.tally);
    progress_.advance(block.tally.records);
    lock.lock();
    ++written_;
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

  void work(unsigned index) {
    FactsReader reader(plan_.schema, source_.id_field);
    Evaluator evaluator(plan_);
    DealResult result;
    AppendBuf buffer;
    std::ostream stream(&buffer);
    std::unique_ptr<ResultWriter> fragment = writer_.make_fragment_writer(stream);
    EvalTally* tally = nullptr;
    const FactsReader::Sink sink = [&](ReadRecord& record) {
      evaluate_record(evaluator, options_,
                      FactsRecord{record.line, record.error, record.id_json, record.facts}, result,
                      *tally);
      fragment->write(result);
    };
    while (true) {
      std::uint64_t sequence = 0;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return taken_ < submitted_ || closing_; });
        if (taken_ == submitted_) break;
        sequence = taken_++;
      }
      Block& block = blocks_[sequence % blocks_.size()];
      block.output.clear();
      block.tally = EvalTally{};
      buffer.target = &block.output;
      tally = &block.tally;
      try {
        reader.read_lines(block.input, block.first_line, sink);
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        block.done = true;
      }
      block_done_.notify_all();
    }
    std::lock_guard lock(mutex_);
    fragments_[index] = std::move(fragment);  // its summary outlives the thread
  }

  const Plan& plan_;
  const EvalOptions& options_;
  const FactsSource& source_;
  ResultWriter& writer_;
  Progress& progress_;
  EvalTally& tally_;

  std::mutex mutex_;
  std::condition_variable work_ready_;  // a block was submitted, or the run is closing
  std::condition_variable block_done_;  // a worker finished a block
  std::vector<Block> blocks_;           // a ring: block i lives in blocks_[i % size]
  std::uint64_t submitted_ = 0;         // blocks handed out
  std::uint64_t taken_ = 0;             // blocks a worker has started
  std::uint64_t written_ = 0;           // blocks written, in order
  bool closing_ = false;
  std::exception_ptr failure_;
  std::vector<std::unique_ptr<ResultWriter>> fragments_;  // by worker, once it has stopped
  std::vector<std::thread> workers_;
};

}  // namespace

std::string evaluate_facts(const Plan& plan, const EvalOptions& options, const FactsSource& source,
                           ResultWriter& writer, Progress& progress,
                           const PipelineOptions& pipeline, EvalTally& tally) {
  // Records that do not come in blocks (and every record with one thread) are evaluated here.
  std::unique_ptr<Evaluator> evaluator;
  DealResult result;
  std::unique_ptr<ParallelRun> parallel;
  auto evaluate_here = [&](const FactsRecord& record) {
    if (parallel) parallel->drain();  // keep input order
    if (!evaluator) evaluator = std::make_unique<Evaluator>(plan);
    evaluate_record(*evaluator, options, record, result, tally);
    writer.write(result);
    if (pipeline.flush_each_record != nullptr) {
      writer.flush();
      pipeline.flush_each_record->flush();
    }
    progress.tick();
  };
  if (pipeline.threads <= 1) return read_facts(plan.schema, source, evaluate_here);

  parallel = std::make_unique<ParallelRun>(plan, options, source, writer, progress,
                                           pipeline.threads, tally);
  const std::string error =
      read_facts_in_blocks(plan.schema, source, pipeline.block_bytes, evaluate_here,
                           [&](std::string_view lines, std::uint64_t first_line) {
                             parallel->submit(lines, first_line);
                           });
  parallel->finish();
  return error;
}

}  // namespace dealgate::cli
