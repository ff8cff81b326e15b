#include "cli/run_recording.hpp"

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/plural.hpp"

namespace dealgate::cli {
namespace {

// Rows are written this many deals at a time: one lock of the history a batch.
constexpr std::size_t kBatchDeals = 1024;

// Renders through the inner writer and keeps the rows of what it renders.
class RecordingWriter final : public ResultWriter {
 public:
  RecordingWriter(std::unique_ptr<ResultWriter> inner, const history::RecordLayout& layout,
                  history::Recorder& recorder)
      : inner_(std::move(inner)), layout_(layout), recorder_(recorder) {}

  void write(const DealResult& result) override {
    inner_->write(result);
    layout_.append(result, batch_);
    if (batch_.deals.size() >= kBatchDeals) flush_rows();
  }
  void finish() override {
    flush_rows();
    inner_->finish();
  }
  void flush() override { inner_->flush(); }
  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<RecordingWriter>(inner_->make_fragment_writer(out), layout_, recorder_);
  }
  void write_fragment(std::string_view text) override { inner_->write_fragment(text); }
  void absorb(const ResultWriter& fragment) override {
    const auto& recording = static_cast<const RecordingWriter&>(fragment);
    recording.flush_rows();  // a fragment writer's last rows, after its last record
    inner_->absorb(*recording.inner_);
  }

 private:
  // Const, as absorb() hands over a const fragment; the batch is a buffer, not the writer's state.
  void flush_rows() const {
    if (batch_.deals.empty()) return;
    recorder_.add(batch_);
    batch_.clear();
  }

  std::unique_ptr<ResultWriter> inner_;
  const history::RecordLayout& layout_;
  history::Recorder& recorder_;
  mutable history::RowBatch batch_;
};

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
  try {
    recording->recorder_ = std::make_unique<history::Recorder>(
        args.path, plan, history::RunInfo{options.today, input, command, options.gates});
  } catch (const history::HistoryError& e) {
    print_error(io.err, e.what(), e.help(), io.err_color);
    exit_code = kExitInput;
    return nullptr;
  }
  return recording;
}

std::unique_ptr<ResultWriter> RunRecording::wrap(std::unique_ptr<ResultWriter> inner) {
  return std::make_unique<RecordingWriter>(std::move(inner), *layout_, *recorder_);
}

void RunRecording::add(const DealResult& result) {
  layout_->append(result, batch_);
  if (batch_.deals.size() >= kBatchDeals) {
    recorder_->add(batch_);
    batch_.clear();
  }
}

bool RunRecording::finish(const Io& io) {
  try {
    if (!batch_.deals.empty()) recorder_->add(batch_);
    batch_.clear();
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
