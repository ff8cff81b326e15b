#include "engine/record_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>

#include "grammar/diagnostic_render.hpp"

namespace dealgate {
namespace {

// A status and the quote that closes it: `pass"`.
std::string_view quoted_status(Status status) {
  using namespace std::string_view_literals;
  return status == Status::Pass ? "pass\""sv : status == Status::Fail ? "fail\""sv : "unknown\""sv;
}

void append_count(std::string& out, std::uint64_t n) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, static_cast<std::size_t>(end - digits));
}

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

RecordJson::RecordJson(const Plan& plan) : plan_(&plan) {
  conditions_.reserve(plan.conditions.size());
  for (const PlanCondition& c : plan.conditions) {
    conditions_.emplace_back();
    append_json_string(conditions_.back(), c.id);
  }
  gates_.reserve(plan.blocks.size());
  milestones_.reserve(plan.blocks.size());
  for (const PlanBlock& b : plan.blocks) {
    std::string name;
    append_json_string(name, b.name);
    gates_.push_back(name + ":{\"status\":\"");
    milestones_.push_back(name + ":\"");
  }
}

void append_stage_json(std::string& out, const Plan& plan, const StageAudit& stage) {
  auto phase = [&](std::uint32_t p) {
    if (p == kNone || p >= plan.phases.size()) {
      out += "null";
    } else {
      append_json_string(out, plan.phases[p]);
    }
  };
  out += "{\"recorded\":";
  phase(stage.recorded);
  out += ",\"supported\":";
  phase(stage.supported);
  out += stage.verdict == StageAudit::Verdict::Ahead ? ",\"ahead\":true" : ",\"ahead\":false";
  out += ",\"value\":";
  if (stage.verdict == StageAudit::Verdict::Missing || stage.verdict == StageAudit::Verdict::Invalid) {
    out += "null";
  } else {
    append_json_string(out, stage.value);
  }
  out += ",\"audit\":\"";
  out += verdict_name(stage.verdict);
  out += "\",\"blocked_by\":[";
  for (std::size_t i = 0; i < stage.blocked_by.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, plan.blocks[stage.blocked_by[i].first].name);
  }
  out += ']';
  if (plan.stages && plan.stages->owner_slot != kNone) {
    out += ",\"owner\":";
    if (stage.has_owner) {
      append_json_string(out, stage.owner);
    } else {
      out += "null";
    }
  }
  out += '}';
}

void RecordJson::append(std::string& out, const DealResult& result) const {
  if (!result.error.empty()) {
    out += "{\"line\":";
    append_count(out, result.line);
    out += ",\"error\":";
    append_json_string(out, result.error);
    out += '}';
    return;
  }
  using namespace std::string_view_literals;
  out += "{\"id\":"sv;
  out += result.id_json.empty() ? "null"sv : std::string_view(result.id_json);
  out += ",\"line\":"sv;
  append_count(out, result.line);
  out += ",\"gates\":{"sv;
  for (std::size_t g = 0; g < result.gates.size(); ++g) {
    const GateResult& gate = result.gates[g];
    if (g) out += ',';
    out += gates_[gate.gate];
    out += quoted_status(gate.status);
    out += ",\"failed\":"sv;
    append_list(out, conditions_, gate.failed);
    out += ",\"unknown\":"sv;
    append_list(out, conditions_, gate.unknown);
    out += ",\"missing\":"sv;
    append_list(out, gate.missing);
    out += ",\"invalid\":"sv;
    append_list(out, gate.invalid);
    out += ",\"milestones\":{"sv;
    for (std::size_t m = 0; m < gate.milestones.size(); ++m) {
      if (m) out += ',';
      out += milestones_[gate.milestones[m].first];
      out += quoted_status(gate.milestones[m].second);
    }
    out += "},\"warnings\":"sv;
    append_list(out, conditions_, gate.warnings);
    out += ",\"messages\":"sv;
    append_list(out, gate.messages);
    out += '}';
  }
  out += '}';
  if (result.has_stage && plan_ != nullptr) {
    out += ",\"stage\":";
    append_stage_json(out, *plan_, result.stage);
  }
  out += '}';
}

}  // namespace dealgate
