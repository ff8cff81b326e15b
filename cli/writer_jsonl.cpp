// `--format jsonl`: the SPEC §7 record, one line per input record, in input order.
// The record itself is rendered by engine/record_json.hpp, shared with the library's API.
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(const Plan& plan, std::ostream& out) : plan_(plan), record_(plan), out_(out) {}

  void write(const DealResult& result) override {
    buffer_.clear();
    record_.append(buffer_, result);
    buffer_ += '\n';
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<JsonlWriter>(plan_, out);
  }
  void write_fragment(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  const Plan& plan_;
  RecordJson record_;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonlWriter>(plan, out);
}

}  // namespace dealgate::cli
