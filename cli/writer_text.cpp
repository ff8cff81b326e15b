// `--format text`, the default: a report for people. Per deal, every gate's status and why; at the
// end a summary of the whole run. Colour marks the statuses when it is on; without it the statuses
// are plain words (PASS, FAIL, UNKNOWN) so the text reads the same in a file or a pager.
#include <fmt/format.h>

#include <algorithm>

#include "base/json_text.hpp"
#include "cli/checklist_text.hpp"
#include "cli/shown_text.hpp"
#include "cli/summarizing_writer.hpp"
#include "cli/terminal.hpp"

namespace dealgate::cli {
namespace {

constexpr std::size_t kTop = 5;  // summary lists this many conditions and facts per gate

class TextWriter final : public SummarizingWriter {
 public:
  TextWriter(const Plan& plan, std::ostream& out, const WriterOptions& options)
      : SummarizingWriter(plan),
        plan_(plan),
        out_(out),
        color_(options.color),
        p_(Palette::of(options.color)) {}

  void write(const DealResult& result) override {
    tally(result);
    buffer_.clear();
    const std::string id = id_text(result.id_json);
    if (!result.error.empty()) {
      buffer_ += fmt::format("line {}: {}could not read this record:{} {}\n\n", result.line,
                             p_.fail, p_.reset, result.error);
    } else {
      if (id.empty()) {
        buffer_ += fmt::format("{}line {}{} (no id)\n", p_.bold, result.line, p_.reset);
      } else {
        buffer_ += fmt::format("{}{}{} (line {})\n", p_.bold, id, p_.reset, result.line);
      }
      if (const std::string shown = shown_line(plan_, result); !shown.empty())
        buffer_ += fmt::format("  {}\n", shown);
      for (const GateResult& gate : result.gates) write_gate(gate);
      if (result.has_stage) write_stage(result.stage);
      for (const WaiverUse& use : result.waivers) write_waiver(use);
      buffer_ += '\n';
    }
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  void finish() override {
    buffer_.clear();
    write_summary();
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const override {
    return std::make_unique<TextWriter>(plan_, out, WriterOptions{color_});
  }
  void write_fragment(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  std::string status_mark(Status status) const {
    if (!color_) {
      return status == Status::Pass ? "PASS" : status == Status::Fail ? "FAIL" : "UNKNOWN";
    }
    switch (status) {
      case Status::Pass:
        return fmt::format("{}✓ pass{}", p_.pass, p_.reset);
      case Status::Fail:
        return fmt::format("{}✗ fail{}", p_.fail, p_.reset);
      case Status::Unknown:
        break;
    }
    return fmt::format("{}? unknown{}", p_.unknown, p_.reset);
  }

  // One condition: `failed  value_confirmed.roi (block label)` and a detail line beneath with its
  // `else` message, or its text when it has none. The label is left out for the gate's own
  // conditions; the gate's line already shows it.
  void write_condition(std::string_view kind, ConditionIndex index, std::string_view message,
                       BlockIndex gate) {
    const PlanCondition& c = plan_.conditions[index];
    const std::string_view label =
        c.block == gate ? std::string_view() : std::string_view(plan_.blocks[c.block].label);
    buffer_ += fmt::format("    {:<8}{}", kind, c.id);
    if (!label.empty()) buffer_ += fmt::format(" {}({}){}", p_.dim, label, p_.reset);
    buffer_ += '\n';
    std::string_view detail = message.empty() ? std::string_view(c.source) : message;
    if (!detail.empty()) buffer_ += fmt::format("            {}\n", detail);
  }

  void write_gate(const GateResult& gate) {
    const PlanBlock& block = plan_.blocks[gate.gate];
    buffer_ += fmt::format("  {} {}{}{}", status_mark(gate.status), p_.bold, block.name, p_.reset);
    if (!block.label.empty()) buffer_ += fmt::format(": {}", block.label);
    buffer_ += '\n';

    // Messages belong to the failed and warned conditions that have an `else`, in rule-file order
    // (SPEC §7); match them up so each message stands under its condition.
    attached_.assign(plan_.conditions.size(), std::string_view());
    merged_.assign(gate.failed.begin(), gate.failed.end());
    merged_.insert(merged_.end(), gate.warnings.begin(), gate.warnings.end());
    std::sort(merged_.begin(), merged_.end());
    std::size_t with_message = 0;
    for (ConditionIndex c : merged_) with_message += plan_.conditions[c].has_message ? 1 : 0;
    const bool matched = with_message == gate.messages.size();
    if (matched) {
      std::size_t next = 0;
      for (ConditionIndex c : merged_) {
        if (plan_.conditions[c].has_message) attached_[c] = gate.messages[next++];
      }
    }

    if (!gate.checklist.empty()) {
      write_checklist(gate);
    } else {
      for (ConditionIndex c : gate.failed) write_condition("failed", c, attached_[c], gate.gate);
      for (ConditionIndex c : gate.unknown) write_condition("unknown", c, {}, gate.gate);
      if (!gate.missing.empty()) write_paths("missing", gate.missing);
      if (!gate.invalid.empty()) write_paths("invalid", gate.invalid);
    }
    for (ConditionIndex c : gate.warnings) write_condition("warning", c, attached_[c], gate.gate);
    for (const WaivedCondition& w : gate.waived) {
      write_condition("waived", w.condition, "by " + describe_waiver(plan_, w.waiver), gate.gate);
    }
    if (!matched) {
      for (const std::string& message : gate.messages)
        buffer_ += fmt::format("    - {}\n", message);
    }
  }

  // "To pass this gate": what must change, so a sales rep knows what to do next.
  void write_checklist(const GateResult& gate) {
    append_checklist(buffer_, plan_, gate.checklist, 4, true, p_);
  }

  std::string phase_name(std::uint32_t phase) const {
    return phase < plan_.phases.size() ? plan_.phases[phase] : std::string("no phase yet");
  }

  // The stage audit of one deal: one line, AHEAD marked like a failed gate.
  void write_stage(const StageAudit& stage) {
    const PlanStages& stages = *plan_.stages;
    buffer_ += "  Stage: ";
    switch (stage.verdict) {
      case StageAudit::Verdict::Ok:
        buffer_ += fmt::format("\"{}\" ({}); the evidence supports {}\n", stage.value,
                               phase_name(stage.recorded), phase_name(stage.supported));
        return;
      case StageAudit::Verdict::Ahead: {
        buffer_ +=
            fmt::format("\"{}\" ({}) is {}AHEAD of the evidence{}, which supports {}", stage.value,
                        phase_name(stage.recorded), p_.fail, p_.reset, phase_name(stage.supported));
        for (std::size_t i = 0; i < stage.blocked_by.size(); ++i) {
          buffer_ +=
              fmt::format("{}{}: {}", i ? ", " : " (", plan_.blocks[stage.blocked_by[i].first].name,
                          status_name(stage.blocked_by[i].second));
        }
        buffer_ += stage.blocked_by.empty() ? "\n" : ")\n";
        return;
      }
      case StageAudit::Verdict::Unmapped:
        buffer_ += fmt::format(
            "\"{}\" is {}not mapped to a phase{}; add it to the rule set's `stages` block\n",
            stage.value, p_.unknown, p_.reset);
        return;
      case StageAudit::Verdict::Excluded:
        buffer_ += fmt::format("\"{}\" (not audited)\n", stage.value);
        return;
      case StageAudit::Verdict::Missing:
        buffer_ += fmt::format("{}missing{} (`{}` is not in the record)\n", p_.unknown, p_.reset,
                               stages.stage_path);
        return;
      case StageAudit::Verdict::Invalid:
        buffer_ += fmt::format("{}invalid{} (`{}` is {}, not a string)\n", p_.unknown, p_.reset,
                               stages.stage_path, stage.value);
        return;
    }
  }

  // A waiver that names the deal: in force, or expired and no longer applied.
  void write_waiver(const WaiverUse& use) {
    buffer_ += "  Waiver: " + describe_waiver(plan_, use.waiver);
    if (use.expired)
      buffer_ += fmt::format(" {}EXPIRED{}: it no longer applies", p_.fail, p_.reset);
    buffer_ += '\n';
  }

  // The waivers that named deals of the run: how many deals each held for, made the difference
  // to and had expired for, and the money of the deals it held for.
  void write_waiver_summary() {
    const std::vector<WaiverCount> waivers = waivers_.waivers();
    if (waivers.empty()) return;
    buffer_ += fmt::format("\n{}Waivers:{}\n", p_.bold, p_.reset);
    for (const WaiverCount& w : waivers) {
      buffer_ += "  " + describe_waiver(plan_, w.waiver) + "\n      " +
                 describe_count(w, waivers_.has_amount(), p_.fail, p_.reset) + "\n";
    }
  }

  void write_paths(std::string_view kind, const std::vector<std::string>& paths) {
    buffer_ += fmt::format("    {:<8}{}\n", kind, fmt::join(paths, ", "));
  }

  // ` (skipped: the report's footer, 7 lines, and 1 blank row)`, or nothing.
  std::string skipped_text() const {
    std::string parts;
    if (skipped_.footer > 0) {
      parts = fmt::format("the report's footer, {} line{}", skipped_.footer,
                          skipped_.footer == 1 ? "" : "s");
    }
    if (skipped_.blank > 0) {
      parts += fmt::format("{}{} blank row{}", parts.empty() ? "" : ", and ", skipped_.blank,
                           skipped_.blank == 1 ? "" : "s");
    }
    return parts.empty() ? std::string() : fmt::format(" (skipped: {})", parts);
  }

  void write_summary() {
    buffer_ += fmt::format("{}Summary:{} ", p_.bold, p_.reset);
    const std::uint64_t records = summary_.records();
    if (records == 0) {
      buffer_ += fmt::format("no records{}\n", skipped_text());
      return;
    }
    buffer_ += fmt::format("{} record{}", records, records == 1 ? "" : "s");
    if (summary_.unreadable() > 0) {
      buffer_ += fmt::format(", {} evaluated, {}{} could not be read{}", summary_.evaluated(),
                             p_.fail, summary_.unreadable(), p_.reset);
    }
    buffer_ += skipped_text();
    buffer_ += '\n';
    const std::vector<GateSummary> gates = summary_.gates();
    if (gates.empty()) {
      if (plan_.stages) write_stage_summary();
      write_waiver_summary();
      return;
    }

    std::size_t name_width = 4;
    std::uint64_t widest = 0;
    for (const GateSummary& g : gates) {
      name_width = std::max(name_width, plan_.blocks[g.gate].name.size());
      widest = std::max({widest, g.pass, g.fail, g.unknown});
    }
    const std::size_t w = std::max<std::size_t>(4, fmt::formatted_size("{}", widest));
    buffer_ += fmt::format("\n  {:<{}}  {:>{}}  {:>{}}  {:>{}}\n", "gate", name_width, "pass", w,
                           "fail", w, "unknown", std::max<std::size_t>(w, 7));
    for (const GateSummary& g : gates) {
      buffer_ += fmt::format("  {:<{}}  {}{:>{}}{}  {}{:>{}}{}  {}{:>{}}{}\n",
                             plan_.blocks[g.gate].name, name_width, g.pass ? p_.pass : "", g.pass,
                             w, g.pass ? p_.reset : "", g.fail ? p_.fail : "", g.fail, w,
                             g.fail ? p_.reset : "", g.unknown ? p_.unknown : "", g.unknown,
                             std::max<std::size_t>(w, 7), g.unknown ? p_.reset : "");
    }
    for (const GateSummary& g : gates) {
      const std::string& name = plan_.blocks[g.gate].name;
      if (!g.blocking.empty()) {
        buffer_ += fmt::format("\n  {}: most common blocking conditions\n", name);
        for (std::size_t i = 0; i < g.blocking.size() && i < kTop; ++i) {
          const BlockingCount& b = g.blocking[i];
          std::string why;
          if (b.failed) why = fmt::format("{} failed", b.failed);
          if (b.unknown) why += fmt::format("{}{} unknown", why.empty() ? "" : ", ", b.unknown);
          buffer_ +=
              fmt::format("  {:>8}  {} ({})\n", b.total(), plan_.conditions[b.condition].id, why);
        }
      }
      write_top_paths(name, "missing", g.missing);
      write_top_paths(name, "invalid", g.invalid);
    }
    if (plan_.stages) write_stage_summary();
    write_waiver_summary();
  }

  void write_stage_summary() {
    const std::uint64_t audited = stages_.audited();
    const std::uint64_t ahead = stages_.count(StageAudit::Verdict::Ahead);
    buffer_ += fmt::format(
        "\n{}Stage audit:{} {} of {} deal{} recorded in a phase {} ahead of the evidence\n",
        p_.bold, p_.reset, ahead ? fmt::format("{}{}{}", p_.fail, ahead, p_.reset) : "0", audited,
        audited == 1 ? "" : "s", ahead == 1 ? "is" : "are");
    std::size_t width = 5;
    for (const std::string& phase : plan_.phases) width = std::max(width, phase.size());
    buffer_ += fmt::format("\n  {:<{}}  {:>8}  {:>9}  {:>5}\n", "phase", width, "recorded",
                           "supported", "ahead");
    for (std::size_t p = 0; p < plan_.phases.size(); ++p) {
      const PhaseStageCount& c = stages_.phases()[p];
      buffer_ +=
          fmt::format("  {:<{}}  {:>8}  {:>9}  {}{:>5}{}\n", plan_.phases[p], width, c.recorded,
                      c.supported, c.ahead ? p_.fail : "", c.ahead, c.ahead ? p_.reset : "");
    }
    if (stages_.supported_none() > 0) {
      buffer_ +=
          fmt::format("  {:<{}}  {:>8}  {:>9}\n", "(none)", width, "", stages_.supported_none());
    }
    if (stages_.has_owner()) {
      const std::vector<OwnerStageCount> owners = stages_.owners();
      std::size_t owner_width = 5;
      for (const OwnerStageCount& o : owners)
        owner_width = std::max(owner_width, o.owner.empty() ? 10 : o.owner.size());
      buffer_ +=
          fmt::format("\n  {:<{}}  {:>8}  {:>5}\n", "owner", owner_width, "audited", "ahead");
      for (const OwnerStageCount& o : owners) {
        buffer_ += fmt::format("  {:<{}}  {:>8}  {}{:>5}{}\n",
                               o.owner.empty() ? "(no owner)" : o.owner, owner_width, o.audited,
                               o.ahead ? p_.fail : "", o.ahead, o.ahead ? p_.reset : "");
      }
    }
    const std::vector<ValueCount> unmapped = stages_.unmapped();
    if (!unmapped.empty()) {
      buffer_ += fmt::format("\n  stages not mapped to a phase (add them to `stages`):\n");
      for (const ValueCount& v : unmapped)
        buffer_ += fmt::format("  {:>8}  \"{}\"\n", v.deals, v.value);
    }
    const std::uint64_t excluded = stages_.count(StageAudit::Verdict::Excluded);
    const std::uint64_t missing = stages_.count(StageAudit::Verdict::Missing);
    const std::uint64_t invalid = stages_.count(StageAudit::Verdict::Invalid);
    if (excluded + missing + invalid > 0) {
      buffer_ += fmt::format(
          "\n  not audited: {} mapped to `none`, {} without a stage, {} with an invalid stage\n",
          excluded, missing, invalid);
    }
  }

  void write_top_paths(const std::string& gate, std::string_view kind,
                       const std::vector<PathCount>& paths) {
    if (paths.empty()) return;
    buffer_ += fmt::format("\n  {}: most common {} facts\n", gate, kind);
    for (std::size_t i = 0; i < paths.size() && i < kTop; ++i) {
      buffer_ += fmt::format("  {:>8}  {}\n", paths[i].deals, paths[i].path);
    }
  }

  const Plan& plan_;
  std::ostream& out_;
  bool color_;
  Palette p_;
  std::string buffer_;
  std::vector<std::string_view> attached_;  // by ConditionIndex, for the gate being written
  std::vector<ConditionIndex> merged_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_text_writer(const Plan& plan, std::ostream& out,
                                               const WriterOptions& options) {
  return std::make_unique<TextWriter>(plan, out, options);
}

}  // namespace dealgate::cli
