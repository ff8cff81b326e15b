// The evaluation loop of `eval`: reads every record of the facts input, evaluates it and hands the
// result to the writer, strictly in input order, on one thread or several.
//
// With N > 1 threads (the run loop of engine/run/ordered_blocks.hpp, through
// cli/ordered_facts.hpp), the calling thread reads JSON Lines input in blocks of whole lines
// (about block_bytes each); N worker threads each own a FactsReader, an Evaluator and a fragment
// writer, and read, evaluate and render a whole block into text; the calling thread writes the
// blocks' text in input order, with bounded memory however long the input. Summaries (text, json)
// are kept per worker and merged at the end. The output is byte-identical for every N. Input that
// is not JSON Lines (CSV, a JSON array, one document) is read and evaluated on the calling thread,
// as with N = 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/facts_input.hpp"
#include "cli/progress.hpp"
#include "cli/run_recording.hpp"
#include "cli/strict_input.hpp"
#include "cli/writer.hpp"
#include "engine/eval/evaluator.hpp"

namespace dealgate::cli {

// What a run came to, for the exit code and the closing message.
struct EvalTally {
  std::uint64_t records = 0;     // input records, unreadable ones included
  std::uint64_t unreadable = 0;  // records that could not be read (error records)
  std::uint64_t not_passed = 0;  // evaluated records where some gate did not pass
  std::string first_error;       // `line N: why` for the first unreadable record
  InvalidValues invalid;         // per fact, for --max-invalid

  // Adds the tally of records that came after these.
  void add(const EvalTally& later);
};

struct PipelineOptions {
  unsigned threads = 1;                            // 1: everything on the calling thread
  std::size_t block_bytes = std::size_t{1} << 20;  // tests use tiny blocks
  // Someone is typing the deals (`--facts -` at a terminal): each result is written through to
  // this stream as soon as it is evaluated, instead of in large pieces.
  std::ostream* flush_each_record = nullptr;
  // --record: every result is recorded too, in input order.
  RunRecording* recording = nullptr;
};

// Evaluates every record of `source` and writes the results through `writer` (not finished: the
// caller calls writer.finish()). Returns what made the input itself unreadable (it cannot be
// opened, a read failed), or an empty string; the records before such a failure were written.
std::string evaluate_facts(const Plan& plan, const EvalOptions& options, const FactsSource& source,
                           ResultWriter& writer, Progress& progress,
                           const PipelineOptions& pipeline, EvalTally& tally);

}  // namespace dealgate::cli
