#include "cli/run_recording.hpp"

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/plural.hpp"

namespace dealgate::cli {
namespace {

// Results that come one at a time go to the writer thread this many at a time.
constexpr std::size_t kBatchDeals = 1024;

}  // namespace

std::unique_ptr<RunRecording> RunRecording::start(const RecordArgs& args, const Plan& plan,
                                                  EvalOptions& options, const std::string& input,
                                                  const char* command, const Io& io,
                                                  int& exit_code) {
  std::unique_ptr<RunRecording> recording(new RunRecording());
  recording->path_ = args.path;
  std::string error;
  recording->layout_ = history::RecordLayout::make(plan, args.fields, options.params.get(), error);
  if (!recording->layout_) {
    print_error(io.err, error, "", io.err_color);
    exit_code = kExitUsage;
    return nullptr;
  }
  options.capture = recording->layout_->capture();
  options.shown = true;  // the display fields, the amount and the close date
  try {
    recording->recorder_ = std::make_unique<history::Recorder>(
        args.path, plan, *recording->layout_,
        history::RunInfo{options.today, input, command, options.gates});
  } catch (const history::HistoryError& e) {
    print_error(io.err, e.what(), e.help(), io.err_color);
    exit_code = kExitInput;
    return nullptr;
  }
  return recording;
}

void RunRecording::add(const DealResult& result) {
  layout_->append(result, batch_);
  if (batch_.deals.size() >= kBatchDeals) recorder_->add(batch_);
}

void RunRecording::add(history::RowBatch& rows) {
  if (!batch_.deals.empty()) recorder_->add(batch_);  // what came before, first
  recorder_->add(rows);
}

bool RunRecording::finish(const Io& io) {
  try {
    if (!batch_.deals.empty()) recorder_->add(batch_);
    recorder_->commit();
  } catch (const history::HistoryError& e) {
    print_error(io.err, fmt::format("the run was not recorded: {}", e.what()), e.help(),
                io.err_color);
    return false;
  }
  io.err << fmt::format(
      "recorded {} into {}{}\n", count_of(recorder_->deals(), "deal"), path_,
      recorder_->replaced() ? " (replacing the run of the same day and input)" : "");
  return true;
}

}  // namespace dealgate::cli
