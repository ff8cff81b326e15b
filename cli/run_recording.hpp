// `--record FILE` for a command that evaluates deals: what the evaluator must capture, the run
// opened in the history before the first deal (so a bad file is said before any output), the
// rows handed over in input order as the run loop delivers results (worker threads turn their
// results into rows; the recorder's own thread inserts them), and the commit at the end. A run
// that does not reach commit() leaves the history as it was.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/history_options.hpp"
#include "cli/io.hpp"
#include "engine/eval/evaluator.hpp"
#include "history/record_layout.hpp"
#include "history/recorder.hpp"

namespace dealgate::cli {

class RunRecording {
 public:
  // Null, with `exit_code` set and the reason printed, when the fields do not fit the rules
  // (kExitUsage) or the file is not a history that can be written (kExitInput). Adds the facts
  // to capture to `options`.
  static std::unique_ptr<RunRecording> start(const RecordArgs& args, const Plan& plan,
                                             EvalOptions& options, const std::string& input,
                                             const char* command, const Io& io, int& exit_code);

  // The rows of one result, into a worker's batch; safe on any thread.
  void collect(const DealResult& result, history::RowBatch& rows) const {
    layout_->append(result, rows);
  }
  // Records one result, or a block's rows (leaving `rows` empty), in input order: called on the
  // thread that delivers results in that order; a thread of the recorder's writes them.
  void add(const DealResult& result);
  void add(history::RowBatch& rows);
  // Writes what is left and commits; says so on io.err. False (with the reason printed) when the
  // commit failed; the history is then as it was.
  bool finish(const Io& io);

  const history::RecordLayout& layout() const { return *layout_; }
  history::Recorder& recorder() { return *recorder_; }

 private:
  RunRecording() = default;
  std::string path_;
  std::optional<history::RecordLayout> layout_;
  std::unique_ptr<history::Recorder> recorder_;
  history::RowBatch batch_;
};

}  // namespace dealgate::cli
