// `--format json`: one document, {"records":[...],"summary":{...}}. Records are the SPEC §7
// objects, one a line, written as they come so a long run never holds them in memory; the summary
// follows.
#include <fmt/format.h>

#include "cli/stage_summary.hpp"
#include "cli/summary.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"
#include "engine/eval/evaluator.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

class JsonWriter final : public ResultWriter {
 public:
  // A fragment writer starts every record with ",\n"; the document's writer turns the first one
  // into the opening of the records array.
  JsonWriter(const Plan& plan, std::ostream& out, bool fragment = false)
      : plan_(plan),
        record_(plan),
        out_(out),
        summary_(plan),
        stages_(plan),
        waivers_(plan),
        first_(!fragment) {}

  void write(const DealResult& result) override {
    summary_.add(result);
    stages_.add(result);
    waivers_.add(result);
    buffer_.assign(first_ ? kOpening : kSeparator);
    first_ = false;
    record_.append(buffer_, result);
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<JsonWriter>(plan_, out, true);
  }
  void write_fragment(std::string_view text) override {
    if (text.empty()) return;
    if (first_) {
      out_ << kOpening;
      text.remove_prefix(kSeparator.size());
      first_ = false;
    }
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  void absorb(const ResultWriter& fragment) override {
    const auto& other = dynamic_cast<const JsonWriter&>(fragment);
    summary_.merge(other.summary_);
    stages_.merge(other.stages_);
    waivers_.merge(other.waivers_);
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
    out += '}';
    if (plan_.stages) append_stage_summary(out);
    if (!plan_.waivers.empty()) append_waiver_summary(out);
    out += "}}\n";
    out_ << out;
  }

 private:
  // "stage":{"audited":N,"ahead":N,...,"phases":{...},"owners":[...],"unmapped":[...]}
  void append_stage_summary(std::string& out) const {
    out += fmt::format(
        ",\"stage\":{{\"audited\":{},\"ahead\":{},\"unmapped\":{},\"excluded\":{},"
        "\"missing\":{},\"invalid\":{},\"phases\":{{",
        stages_.audited(), stages_.count(StageAudit::Verdict::Ahead),
        stages_.count(StageAudit::Verdict::Unmapped), stages_.count(StageAudit::Verdict::Excluded),
        stages_.count(StageAudit::Verdict::Missing), stages_.count(StageAudit::Verdict::Invalid));
    for (std::size_t p = 0; p < plan_.phases.size(); ++p) {
      const PhaseStageCount& c = stages_.phases()[p];
      out += fmt::format("{}\"{}\":{{\"recorded\":{},\"supported\":{},\"ahead\":{}}}", p ? "," : "",
                         json_escape(plan_.phases[p]), c.recorded, c.supported, c.ahead);
    }
    out += "},\"owners\":[";
    bool first = true;
    for (const OwnerStageCount& o : stages_.owners()) {
      out += first ? "{\"owner\":" : ",{\"owner\":";
      first = false;
      if (o.owner.empty()) {
        out += "null";
      } else {
        out += '"' + json_escape(o.owner) + '"';
      }
      out += fmt::format(",\"audited\":{},\"ahead\":{}}}", o.audited, o.ahead);
    }
    out += "],\"unmapped_stages\":[";
    first = true;
    for (const ValueCount& v : stages_.unmapped()) {
      out += fmt::format("{}{{\"stage\":\"{}\",\"deals\":{}}}", first ? "" : ",",
                         json_escape(v.value), v.deals);
      first = false;
    }
    out += "]}";
  }

  // "waivers":[{"id":"acme_pilot","in_force":N,"used":N,"expired":N,"amount":350000}]: every
  // waiver that named a deal; `amount` is null when the facts declare no `amount`.
  void append_waiver_summary(std::string& out) const {
    out += ",\"waivers\":[";
    bool first = true;
    for (const WaiverCount& w : waivers_.waivers()) {
      out += fmt::format(
          "{}{{\"id\":\"{}\",\"in_force\":{},\"used\":{},\"expired\":{},\"amount\":{}}}",
          first ? "" : ",", json_escape(plan_.waivers[w.waiver].name), w.in_force, w.used,
          w.expired, waivers_.has_amount() ? format_number(w.amount) : "null");
      first = false;
    }
    out += ']';
  }

  static void append_paths(std::string& out, const std::vector<PathCount>& paths) {
    out += '[';
    for (std::size_t i = 0; i < paths.size(); ++i) {
      out += fmt::format("{}{{\"path\":\"{}\",\"deals\":{}}}", i ? "," : "",
                         json_escape(paths[i].path), paths[i].deals);
    }
    out += ']';
  }

  static constexpr std::string_view kOpening = "{\"records\":[\n";
  static constexpr std::string_view kSeparator = ",\n";

  const Plan& plan_;
  RecordJson record_;
  std::ostream& out_;
  Summary summary_;
  StageSummary stages_;
  WaiverSummary waivers_;
  std::string buffer_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonWriter>(plan, out);
}

}  // namespace dealgate::cli
