// `--format csv`: RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes
// doubled). One row per deal and gate; an unreadable record is one row with status `error`.
#include <fmt/format.h>

#include "base/json_text.hpp"
#include "cli/csv_field.hpp"
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

class CsvWriter final : public ResultWriter {
 public:
  CsvWriter(const Plan& plan, std::ostream& out, bool header) : plan_(plan), out_(out) {
    if (!header) return;  // a fragment of a parallel run
    out_ << "id,line,gate,status,failed,unknown,missing,messages";
    // The stage audit's columns come only with a `stages` declaration, so other rule sets keep
    // the columns they had.
    if (plan_.stages) {
      out_ << ",stage,recorded_phase,supported_phase,stage_audit";
      if (plan_.stages->owner_slot != kNone) out_ << ",owner";
    }
    // Likewise the waivers' columns come only with waivers.
    if (!plan_.waivers.empty()) out_ << ",waived,waivers";
    out_ << "\r\n";
  }

  void write(const DealResult& result) override {
    buffer_.clear();
    const std::string id = id_text(result.id_json);
    if (!result.error.empty()) {
      row_start(id, result.line);
      buffer_ += ",,error,,,,";  // gate, status, failed, unknown, missing
      append_csv_field(buffer_, result.error);
      if (plan_.stages) buffer_ += plan_.stages->owner_slot != kNone ? ",,,,," : ",,,,";
      if (!plan_.waivers.empty()) buffer_ += ",,";
      buffer_ += "\r\n";
    }
    for (const GateResult& gate : result.gates) {
      row_start(id, result.line);
      buffer_ += ',';
      append_csv_field(buffer_, plan_.blocks[gate.gate].name);
      buffer_ += ',';
      buffer_ += status_name(gate.status);
      buffer_ += ',';
      cell_.clear();
      for (ConditionIndex c : gate.failed) join(plan_.conditions[c].id);
      append_csv_field(buffer_, cell_);
      buffer_ += ',';
      cell_.clear();
      for (ConditionIndex c : gate.unknown) join(plan_.conditions[c].id);
      append_csv_field(buffer_, cell_);
      buffer_ += ',';
      cell_.clear();
      for (const std::string& path : gate.missing) join(path);
      for (const std::string& path : gate.invalid) join(path + " (invalid)");
      append_csv_field(buffer_, cell_);
      buffer_ += ',';
      cell_.clear();
      for (const std::string& message : gate.messages) join(message);
      append_csv_field(buffer_, cell_);
      if (result.has_stage) append_stage(result.stage);
      if (result.has_waivers) append_waivers(gate, result.waivers);
      buffer_ += "\r\n";
    }
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<CsvWriter>(plan_, out, false);
  }
  void write_fragment(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  void row_start(const std::string& id, std::uint64_t line) {
    append_csv_field(buffer_, id);
    buffer_ += fmt::format(",{}", line);
  }
  void append_stage(const StageAudit& stage) {
    auto phase = [&](std::uint32_t p) {
      if (p < plan_.phases.size()) append_csv_field(buffer_, plan_.phases[p]);
    };
    buffer_ += ',';
    if (stage.verdict != StageAudit::Verdict::Missing) append_csv_field(buffer_, stage.value);
    buffer_ += ',';
    phase(stage.recorded);
    buffer_ += ',';
    phase(stage.supported);
    buffer_ += ',';
    buffer_ += verdict_name(stage.verdict);
    if (plan_.stages->owner_slot != kNone) {
      buffer_ += ',';
      if (stage.has_owner) append_csv_field(buffer_, stage.owner);
    }
  }

  // The gate's waived conditions, then every waiver that names the deal: `acme: approved by Dana
  // Lee, until 2026-12-31`, or `acme: expired 2026-10-31`.
  void append_waivers(const GateResult& gate, const std::vector<WaiverUse>& waivers) {
    buffer_ += ',';
    cell_.clear();
    for (const WaivedCondition& w : gate.waived) join(plan_.conditions[w.condition].id);
    append_csv_field(buffer_, cell_);
    buffer_ += ',';
    cell_.clear();
    for (const WaiverUse& use : waivers) {
      const PlanWaiver& w = plan_.waivers[use.waiver];
      join(use.expired ? fmt::format("{}: expired {}", w.name, format_date(w.until))
                       : fmt::format("{}: approved by {}, until {}", w.name, w.approver,
                                     format_date(w.until)));
    }
    append_csv_field(buffer_, cell_);
  }

  void join(std::string_view item) {
    if (!cell_.empty()) cell_ += "; ";
    cell_ += item;
  }

  const Plan& plan_;
  std::ostream& out_;
  std::string buffer_;
  std::string cell_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_csv_writer(const Plan& plan, std::ostream& out) {
  return std::make_unique<CsvWriter>(plan, out, true);
}

}  // namespace dealgate::cli
