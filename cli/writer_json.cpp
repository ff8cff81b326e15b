// `--format json`: one document, {"records":[...],"summary":{...}}. Records are the SPEC §7
// objects, one a line, written as they come so a long run never holds them in memory; the summary
// follows.
#include <fmt/format.h>

#include "cli/summary.hpp"
#include "cli/writer.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(const Plan& plan, std::ostream& out)
      : plan_(plan), record_(plan), out_(out), summary_(plan) {}

  void write(const DealResult& result) override {
    summary_.add(result);
    buffer_.assign(first_ ? "{\"records\":[\n" : ",\n");
    first_ = false;
    record_.append(buffer_, result);
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  void finish() override {
    std::string out = first_ ? "{\"records\":[],\n" : "\n],\n";
    out +=
        fmt::format("\"summary\":{{\"records\":{},\"evaluated\":{},\"unreadable\":{},\"gates\":{{",
                    summary_.records(), summary_.evaluated(), summary_.unreadable());
    bool first_gate = true;
    for (const GateSummary& gate : summary_.gates()) {
      if (!first_gate) out += ',';
      first_gate = false;
      out += fmt::format("\"{}\":{{\"pass\":{},\"fail\":{},\"unknown\":{},\"blocking\":[",
                         json_escape(plan_.blocks[gate.gate].name), gate.pass, gate.fail,
                         gate.unknown);
      for (std::size_t i = 0; i < gate.blocking.size(); ++i) {
        const BlockingCount& b = gate.blocking[i];
        out += fmt::format("{}{{\"id\":\"{}\",\"failed\":{},\"unknown\":{}}}", i ? "," : "",
                           json_escape(plan_.conditions[b.condition].id), b.failed, b.unknown);
      }
      out += "],\"missing\":";
      append_paths(out, gate.missing);
      out += ",\"invalid\":";
      append_paths(out, gate.invalid);
      out += '}';
    }
    out += "}}}\n";
    out_ << out;
  }

 private:
  static void append_paths(std::string& out, const std::vector<PathCount>& paths) {
    out += '[';
    for (std::size_t i = 0; i < paths.size(); ++i) {
      out += fmt::format("{}{{\"path\":\"{}\",\"deals\":{}}}", i ? "," : "",
                         json_escape(paths[i].path), paths[i].deals);
    }
    out += ']';
  }

  const Plan& plan_;
  RecordJson record_;
  std::ostream& out_;
  Summary summary_;
  std::string buffer_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonWriter>(plan, out);
}

}  // namespace dealgate::cli
