// `--format jsonl`: the SPEC §7 record, one line per input record, in input order.
// The record itself is rendered by engine/eval/record_json.hpp, shared with the library's API.
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

class JsonlWriter final : public ResultWriter {
 public:
  // A buffered writer collects records and writes them to `out` in pieces of kFlushBytes: a
  // stream write per record cost more than rendering some records. A fragment writer (one per
  // worker) writes each record at once, since its block is handed on when its last record is in.
  JsonlWriter(const Plan& plan, std::ostream& out, bool buffered)
      : plan_(plan), record_(plan), out_(out), buffered_(buffered) {}
  ~JsonlWriter() override { flush(); }

  void write(const DealResult& result) override {
    record_.append(pending_, result);
    pending_ += '\n';
    if (!buffered_ || pending_.size() >= kFlushBytes) flush();
  }
  void finish() override { flush(); }
  void flush() override {
    if (pending_.empty()) return;
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<JsonlWriter>(plan_, out, false);
  }
  void write_fragment(std::string_view text) override {
    flush();
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{1} << 16;

  const Plan& plan_;
  RecordJson record_;
  std::ostream& out_;
  bool buffered_;
  std::string pending_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonlWriter>(plan, out, true);
}

}  // namespace dealgate::cli
