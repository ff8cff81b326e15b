// `--format json`: one document, {"records":[...],"summary":{...}}. Records are the SPEC §7
// objects, one a line, written as they come so a long run never holds them in memory; the summary
// follows.
#include "base/json_writer.hpp"
#include "cli/summarizing_writer.hpp"
#include "engine/eval/evaluator.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {
namespace {

class JsonDocumentWriter final : public SummarizingWriter {
 public:
  // A fragment writer starts every record with ",\n"; the document's writer turns the first one
  // into the opening of the records array.
  JsonDocumentWriter(const Plan& plan, std::ostream& out, bool fragment = false)
      : SummarizingWriter(plan), plan_(plan), record_(plan), out_(out), first_(!fragment) {}

  void write(const DealResult& result) override {
    tally(result);
    buffer_.assign(first_ ? kOpening : kSeparator);
    first_ = false;
    record_.append(buffer_, result);
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<JsonDocumentWriter>(plan_, out, true);
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

  void finish() override {
    std::string out(first_ ? "{\"records\":[],\n" : "\n],\n");
    JsonWriter json(out);
    json.key("summary").begin_object().key("records").number(summary_.records());
    json.key("evaluated").number(summary_.evaluated());
    json.key("unreadable").number(summary_.unreadable());
    json.key("skipped").begin_object().key("footer_rows").number(skipped_.footer);
    json.key("blank_rows").number(skipped_.blank).end_object();
    json.key("gates").begin_object();
    for (const GateSummary& gate : summary_.gates()) {
      json.key(plan_.blocks[gate.gate].name).begin_object().key("pass").number(gate.pass);
      json.key("fail").number(gate.fail).key("unknown").number(gate.unknown);
      json.key("blocking").begin_array();
      for (const BlockingCount& b : gate.blocking) {
        json.begin_object().key("id").string(plan_.conditions[b.condition].id);
        json.key("failed").number(b.failed).key("unknown").number(b.unknown).end_object();
      }
      json.end_array().key("missing");
      paths(json, gate.missing);
      json.key("invalid");
      paths(json, gate.invalid);
      json.end_object();
    }
    json.end_object();
    if (plan_.stages) stage_summary(json);
    if (!plan_.waivers.empty()) waiver_summary(json);
    json.end_object();
    out += "}\n";
    out_ << out;
  }

 private:
  // "stage":{"audited":N,"ahead":N,...,"phases":{...},"owners":[...],"unmapped":[...]}
  void stage_summary(JsonWriter& json) const {
    json.key("stage").begin_object().key("audited").number(stages_.audited());
    json.key("ahead").number(stages_.count(StageAudit::Verdict::Ahead));
    json.key("unmapped").number(stages_.count(StageAudit::Verdict::Unmapped));
    json.key("excluded").number(stages_.count(StageAudit::Verdict::Excluded));
    json.key("missing").number(stages_.count(StageAudit::Verdict::Missing));
    json.key("invalid").number(stages_.count(StageAudit::Verdict::Invalid));
    json.key("phases").begin_object();
    for (std::size_t p = 0; p < plan_.phases.size(); ++p) {
      const PhaseStageCount& c = stages_.phases()[p];
      json.key(plan_.phases[p]).begin_object().key("recorded").number(c.recorded);
      json.key("supported").number(c.supported).key("ahead").number(c.ahead).end_object();
    }
    json.end_object().key("owners").begin_array();
    for (const OwnerStageCount& o : stages_.owners()) {
      json.begin_object().key("owner").string_or_null(o.owner);
      json.key("audited").number(o.audited).key("ahead").number(o.ahead).end_object();
    }
    json.end_array().key("unmapped_stages").begin_array();
    for (const ValueCount& v : stages_.unmapped())
      json.begin_object().key("stage").string(v.value).key("deals").number(v.deals).end_object();
    json.end_array().end_object();
  }

  // "waivers":[{"id":"acme_pilot","in_force":N,"used":N,"expired":N,"amount":350000}]: every
  // waiver that named a deal; `amount` is null when the facts declare no `amount`.
  void waiver_summary(JsonWriter& json) const {
    json.key("waivers").begin_array();
    for (const WaiverCount& w : waivers_.waivers()) {
      json.begin_object().key("id").string(plan_.waivers[w.waiver].name);
      json.key("in_force").number(w.in_force).key("used").number(w.used);
      json.key("expired").number(w.expired).key("amount");
      if (waivers_.has_amount()) {
        json.raw(format_number(w.amount));
      } else {
        json.null();
      }
      json.end_object();
    }
    json.end_array();
  }

  static void paths(JsonWriter& json, const std::vector<PathCount>& paths) {
    json.begin_array();
    for (const PathCount& p : paths)
      json.begin_object().key("path").string(p.path).key("deals").number(p.deals).end_object();
    json.end_array();
  }

  static constexpr std::string_view kOpening = "{\"records\":[\n";
  static constexpr std::string_view kSeparator = ",\n";

  const Plan& plan_;
  RecordJson record_;
  std::ostream& out_;
  std::string buffer_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<JsonDocumentWriter>(plan, out);
}

}  // namespace dealgate::cli
