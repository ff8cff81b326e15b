// `--format jsonl`: the SPEC §7 record, one line per input record, in input order.
#include <fmt/format.h>

#include "cli/writer.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

void append_string(std::string& out, std::string_view text) {
  out += '"';
  out += json_escape(text);
  out += '"';
}

void append_conditions(std::string& out, const Plan& plan, const std::vector<ConditionIndex>& ids) {
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    append_string(out, plan.conditions[ids[i]].id);
  }
  out += ']';
}

void append_strings(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) out += ',';
    append_string(out, texts[i]);
  }
  out += ']';
}

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(const Plan& plan, std::ostream& out) : plan_(plan), out_(out) {}

  void write(const DealResult& result) override {
    buffer_.clear();
    append_record_json(buffer_, plan_, result);
    buffer_ += '\n';
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

 private:
  const Plan& plan_;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

void append_record_json(std::string& out, const Plan& plan, const DealResult& result) {
  if (!result.error.empty()) {
    out += fmt::format("{{\"line\":{},\"error\":", result.line);
    append_string(out, result.error);
    out += '}';
    return;
  }
  out += "{\"id\":";
  out += result.id_json.empty() ? std::string_view("null") : std::string_view(result.id_json);
  out += fmt::format(",\"line\":{},\"gates\":{{", result.line);
  for (std::size_t g = 0; g < result.gates.size(); ++g) {
    const GateResult& gate = result.gates[g];
    if (g) out += ',';
    append_string(out, plan.blocks[gate.gate].name);
    out += ":{\"status\":\"";
    out += status_name(gate.status);
    out += "\",\"failed\":";
    append_conditions(out, plan, gate.failed);
    out += ",\"unknown\":";
    append_conditions(out, plan, gate.unknown);
    out += ",\"missing\":";
    append_strings(out, gate.missing);
    out += ",\"invalid\":";
    append_strings(out, gate.invalid);
    out += ",\"milestones\":{";
    for (std::size_t m = 0; m < gate.milestones.size(); ++m) {
      if (m) out += ',';
      append_string(out, plan.blocks[gate.milestones[m].first].name);
      out += ":\"";
      out += status_name(gate.milestones[m].second);
      out += '"';
    }
    out += "},\"warnings\":";
    append_conditions(out, plan, gate.warnings);
    out += ",\"messages\":";
    append_strings(out, gate.messages);
    out += '}';
  }
  out += "}}";
}

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonlWriter>(plan, out);
}

}  // namespace dealgate::cli
