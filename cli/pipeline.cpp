#include "cli/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <streambuf>
#include <vector>

#include "cli/ordered_facts.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/run/deal_step.hpp"

namespace dealgate::cli {

void EvalTally::add(const EvalTally& later) {
  if (unreadable == 0 && later.unreadable > 0) first_error = later.first_error;
  records += later.records;
  unreadable += later.unreadable;
  not_passed += later.not_passed;
  invalid.merge(later.invalid);
}

namespace {

// Evaluates one record into `result` and counts it.
void evaluate_counted(Evaluator& evaluator, const EvalOptions& options, const FactsRecord& record,
                      DealResult& result, EvalTally& tally) {
  ++tally.records;
  evaluate_record(evaluator, options, record.line, record.error, record.id_json, record.facts,
                  result);
  if (!record.error.empty()) {
    if (tally.unreadable++ == 0) {
      tally.first_error = fmt::format("line {}: {}", record.line, record.error);
    }
    return;
  }
  tally.invalid.add(record.facts);
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

// One block's rendered results and what they came to.
struct RenderedBlock {
  std::string output;
  EvalTally tally;
  history::RowBatch rows;  // with --record
};

// What one worker keeps from block to block: its reader, evaluator and fragment writer, whose
// summary is merged into the run's writer at the end.
struct EvalWorker {
  EvalWorker(const Plan& plan, const FactsSource& source, ResultWriter& writer)
      : reader(plan.schema, source.id_field),
        evaluator(plan),
        stream(&buffer),
        fragment(writer.make_fragment_writer(stream)) {}
  FactsReader reader;
  Evaluator evaluator;
  DealResult result;
  AppendBuf buffer;
  std::ostream stream;
  std::unique_ptr<ResultWriter> fragment;
};

}  // namespace

std::string evaluate_facts(const Plan& plan, const EvalOptions& options, const FactsSource& source,
                           ResultWriter& writer, Progress& progress,
                           const PipelineOptions& pipeline, EvalTally& tally) {
  // Records that do not come in blocks (and every record with one thread) are evaluated here.
  std::unique_ptr<Evaluator> evaluator;
  DealResult result;
  auto here = [&](const FactsRecord& record) {
    if (!evaluator) evaluator = std::make_unique<Evaluator>(plan);
    evaluate_counted(*evaluator, options, record, result, tally);
    writer.write(result);
    if (pipeline.recording != nullptr) pipeline.recording->add(result);
    if (pipeline.flush_each_record != nullptr) {
      writer.flush();
      pipeline.flush_each_record->flush();
    }
    progress.tick();
  };
  std::vector<std::unique_ptr<EvalWorker>> workers(pipeline.threads);
  auto work = [&](unsigned w, std::string_view lines, std::uint64_t first_line,
                  RenderedBlock& out) {
    if (!workers[w]) workers[w] = std::make_unique<EvalWorker>(plan, source, writer);
    EvalWorker& worker = *workers[w];
    out.output.clear();
    out.rows.clear();
    out.tally = EvalTally{};
    worker.buffer.target = &out.output;
    worker.reader.read_lines(lines, first_line, [&](ReadRecord& record) {
      evaluate_counted(worker.evaluator, options,
                       FactsRecord{record.line, record.error, record.id_json, record.facts},
                       worker.result, out.tally);
      worker.fragment->write(worker.result);
      if (pipeline.recording != nullptr) pipeline.recording->collect(worker.result, out.rows);
    });
  };
  auto deliver = [&](RenderedBlock& block) {
    writer.write_fragment(block.output);
    if (pipeline.recording != nullptr) pipeline.recording->add(block.rows);
    tally.add(block.tally);
    progress.advance(block.tally.records);
  };
  const std::string error = read_facts_in_order<RenderedBlock>(
      plan.schema, source, ThreadOptions{pipeline.threads, pipeline.block_bytes}, here, work,
      deliver);
  for (const std::unique_ptr<EvalWorker>& worker : workers) {
    if (worker) writer.absorb(*worker->fragment);
  }
  return error;
}

}  // namespace dealgate::cli
