#include "engine/eval/record_json.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>

#include "base/calendar.hpp"
#include "base/json_writer.hpp"

namespace dealgate {
namespace {

// A status and the quote that closes it: `pass"`.
std::string_view quoted_status(Status status) {
  using namespace std::string_view_literals;
  return status == Status::Pass ? "pass\""sv : status == Status::Fail ? "fail\""sv : "unknown\""sv;
}

// A waiver's JSON object up to the value of `expired`, the one part that changes with the deal:
// the object is left open, and the record closes it after that value.
std::string waiver_json_head(const PlanWaiver& w) {
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("id").string(w.name).key("label").string_or_null(w.label);
  json.key("approver").string(w.approver).key("reason").string_or_null(w.reason);
  json.key("expires").string(format_date(w.until)).key("waives").begin_array();
  for (const std::string& waived : w.waives) json.string(waived);
  json.end_array().key("expired");
  return out;
}

}  // namespace

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
  for (const PlanWaiver& w : plan.waivers) waivers_.push_back(waiver_json_head(w));
}

void append_stage_json(std::string& out, const Plan& plan, const StageAudit& stage) {
  JsonWriter json(out);
  auto phase = [&](std::uint32_t p) {
    if (p == kNone || p >= plan.phases.size()) {
      json.null();
    } else {
      json.string(plan.phases[p]);
    }
  };
  json.begin_object().key("recorded");
  phase(stage.recorded);
  json.key("supported");
  phase(stage.supported);
  json.key("ahead").boolean(stage.verdict == StageAudit::Verdict::Ahead).key("value");
  if (stage.verdict == StageAudit::Verdict::Missing ||
      stage.verdict == StageAudit::Verdict::Invalid) {
    json.null();
  } else {
    json.string(stage.value);
  }
  json.key("audit").string(verdict_name(stage.verdict)).key("blocked_by").begin_array();
  for (const auto& [block, _] : stage.blocked_by) json.string(plan.blocks[block].name);
  json.end_array();
  if (plan.stages && plan.stages->owner_slot != kNone) {
    json.key("owner");
    if (stage.has_owner) {
      json.string(stage.owner);
    } else {
      json.null();
    }
  }
  json.end_object();
}

namespace {

// Writes a record into room reserved for it up front, so that each piece is a bare copy: a record
// is some forty pieces, and checking capacity for each was a third of the rendering time.
class Cursor {
 public:
  explicit Cursor(char* at) : at_(at) {}
  char* at() const { return at_; }
  void put(char c) { *at_++ = c; }
  void put(std::string_view text) {
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
  }
  void count(std::uint64_t n) { at_ = std::to_chars(at_, at_ + 20, n).ptr; }
  // At most 6 bytes per byte of `text`, plus the quotes.
  void json_string(std::string_view text) {
    put('"');
    if (json_needs_escape(text)) {
      put(json_escape(text));
    } else {
      put(text);
    }
    put('"');
  }
  void ids(const std::vector<std::string>& quoted, const std::vector<ConditionIndex>& ids) {
    put('[');
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i) put(',');
      put(quoted[ids[i]]);
    }
    put(']');
  }
  void strings(const std::vector<std::string>& texts) {
    put('[');
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i) put(',');
      json_string(texts[i]);
    }
    put(']');
  }

 private:
  char* at_;
};

std::size_t ids_bound(const std::vector<std::string>& quoted,
                      const std::vector<ConditionIndex>& ids) {
  std::size_t n = 2;
  for (ConditionIndex id : ids) n += quoted[id].size() + 1;
  return n;
}
std::size_t strings_bound(const std::vector<std::string>& texts) {
  std::size_t n = 2;
  for (const std::string& text : texts) n += 6 * text.size() + 3;
  return n;
}

}  // namespace

void RecordJson::append(std::string& out, const DealResult& result) const {
  if (!result.error.empty()) {
    JsonWriter(out)
        .begin_object()
        .key("line")
        .number(result.line)
        .key("error")
        .string(result.error)
        .end_object();
    return;
  }
  using namespace std::string_view_literals;
  const std::string_view id = result.id_json.empty() ? "null"sv : std::string_view(result.id_json);
  std::size_t bound = 64 + id.size();
  for (const GateResult& gate : result.gates) {
    bound += gates_[gate.gate].size() + 128 + ids_bound(conditions_, gate.failed) +
             ids_bound(conditions_, gate.unknown) + ids_bound(conditions_, gate.warnings) +
             strings_bound(gate.missing) + strings_bound(gate.invalid) +
             strings_bound(gate.messages);
    if (result.has_waivers) {
      bound += 16;
      for (const WaivedCondition& w : gate.waived) bound += conditions_[w.condition].size() + 1;
    }
    for (const auto& [block, status] : gate.milestones) bound += milestones_[block].size() + 9;
  }
  const std::size_t start = out.size();
  out.resize(start + bound);
  Cursor to(out.data() + start);
  to.put("{\"id\":"sv);
  to.put(id);
  to.put(",\"line\":"sv);
  to.count(result.line);
  to.put(",\"gates\":{"sv);
  for (std::size_t g = 0; g < result.gates.size(); ++g) {
    const GateResult& gate = result.gates[g];
    if (g) to.put(',');
    to.put(gates_[gate.gate]);
    to.put(quoted_status(gate.status));
    to.put(",\"failed\":"sv);
    to.ids(conditions_, gate.failed);
    to.put(",\"unknown\":"sv);
    to.ids(conditions_, gate.unknown);
    to.put(",\"missing\":"sv);
    to.strings(gate.missing);
    to.put(",\"invalid\":"sv);
    to.strings(gate.invalid);
    to.put(",\"milestones\":{"sv);
    for (std::size_t m = 0; m < gate.milestones.size(); ++m) {
      if (m) to.put(',');
      to.put(milestones_[gate.milestones[m].first]);
      to.put(quoted_status(gate.milestones[m].second));
    }
    to.put("},\"warnings\":"sv);
    to.ids(conditions_, gate.warnings);
    to.put(",\"messages\":"sv);
    to.strings(gate.messages);
    if (result.has_waivers) {
      to.put(",\"waived\":["sv);
      for (std::size_t w = 0; w < gate.waived.size(); ++w) {
        if (w) to.put(',');
        to.put(conditions_[gate.waived[w].condition]);
      }
      to.put(']');
    }
    to.put('}');
  }
  to.put('}');
  out.resize(static_cast<std::size_t>(to.at() - out.data()));
  if (result.has_stage && plan_ != nullptr) {
    out += ",\"stage\":";
    append_stage_json(out, *plan_, result.stage);
  }
  if (result.has_waivers) {
    out += ",\"waivers\":[";
    for (std::size_t i = 0; i < result.waivers.size(); ++i) {
      if (i) out += ',';
      out += waivers_[result.waivers[i].waiver];
      out += result.waivers[i].expired ? "true}" : "false}";
    }
    out += ']';
  }
  out += '}';
}

}  // namespace dealgate
