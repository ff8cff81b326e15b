// `--format jsonl`: the SPEC §7 record, one line per input record, in input order.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "cli/writer.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(const Plan& plan, std::ostream& out) : record_(plan), out_(out) {}

  void write(const DealResult& result) override {
    buffer_.clear();
    record_.append(buffer_, result);
    buffer_ += '\n';
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

 private:
  RecordJson record_;
  std::ostream& out_;
  std::string buffer_;
};

void append_list(std::string& out, const std::vector<std::string>& quoted,
                 const std::vector<ConditionIndex>& ids) {
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += quoted[ids[i]];
  }
  out += ']';
}

void append_list(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, texts[i]);
  }
  out += ']';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  out += '"';
  if (plain) {
    out += text;
  } else {
    out += json_escape(text);
  }
  out += '"';
}

RecordJson::RecordJson(const Plan& plan) {
  conditions_.reserve(plan.conditions.size());
  for (const PlanCondition& c : plan.conditions) {
    conditions_.emplace_back();
    append_json_string(conditions_.back(), c.id);
  }
  blocks_.reserve(plan.blocks.size());
  for (const PlanBlock& b : plan.blocks) {
    blocks_.emplace_back();
    append_json_string(blocks_.back(), b.name);
  }
}

void RecordJson::append(std::string& out, const DealResult& result) const {
  auto to = std::back_inserter(out);
  if (!result.error.empty()) {
    fmt::format_to(to, "{{\"line\":{},\"error\":", result.line);
    append_json_string(out, result.error);
    out += '}';
    return;
  }
  out += "{\"id\":";
  out += result.id_json.empty() ? std::string_view("null") : std::string_view(result.id_json);
  fmt::format_to(to, ",\"line\":{},\"gates\":{{", result.line);
  for (std::size_t g = 0; g < result.gates.size(); ++g) {
    const GateResult& gate = result.gates[g];
    if (g) out += ',';
    out += blocks_[gate.gate];
    out += ":{\"status\":\"";
    out += status_name(gate.status);
    out += "\",\"failed\":";
    append_list(out, conditions_, gate.failed);
    out += ",\"unknown\":";
    append_list(out, conditions_, gate.unknown);
    out += ",\"missing\":";
    append_list(out, gate.missing);
    out += ",\"invalid\":";
    append_list(out, gate.invalid);
    out += ",\"milestones\":{";
    for (std::size_t m = 0; m < gate.milestones.size(); ++m) {
      if (m) out += ',';
      out += blocks_[gate.milestones[m].first];
      out += ":\"";
      out += status_name(gate.milestones[m].second);
      out += '"';
    }
    out += "},\"warnings\":";
    append_list(out, conditions_, gate.warnings);
    out += ",\"messages\":";
    append_list(out, gate.messages);
    out += '}';
  }
  out += "}}";
}

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonlWriter>(plan, out);
}

}  // namespace dealgate::cli
