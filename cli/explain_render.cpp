#include "cli/explain_render.hpp"

#include <fmt/format.h>

#include "cli/checklist_text.hpp"
#include "cli/terminal.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

const char* outcome_word(ConditionOutcome o) {
  switch (o) {
    case ConditionOutcome::True:
      return "true";
    case ConditionOutcome::False:
      return "false";
    case ConditionOutcome::Unknown:
      return "unknown";
    case ConditionOutcome::NotEvaluated:
      break;
  }
  return "";
}

const char* status_word(Status s) {
  return s == Status::Pass ? "PASS" : s == Status::Fail ? "FAIL" : "UNKNOWN";
}

class TextExplainer {
 public:
  TextExplainer(const Plan& plan, bool color) : plan_(plan), p_(Palette::of(color)) {}

  std::string render(const ExplainHeader& header, const Explanation& e) {
    const PlanBlock& gate = plan_.blocks[e.gate];
    out_ += fmt::format("{}{}{}", p_.bold, gate.name, p_.reset);
    if (!gate.label.empty()) out_ += fmt::format(" \"{}\"", gate.label);
    out_ += fmt::format(": {}\n", status(e.status));
    for (const ExplainedBlock& b : e.blocks) block(b, b.block == e.gate);
    if (!e.checklist.empty()) {
      out_ += '\n';
      append_checklist(out_, plan_, e.checklist, 2, false, p_);
    }
    (void)header;
    return out_;
  }

 private:
  std::string status(Status s) const {
    const char* color = s == Status::Pass ? p_.pass : s == Status::Fail ? p_.fail : p_.unknown;
    return fmt::format("{}{}{}", color, status_word(s), p_.reset);
  }

  std::string outcome(ConditionOutcome o) const {
    const char* color = o == ConditionOutcome::True    ? p_.pass
                        : o == ConditionOutcome::False ? p_.fail
                                                       : p_.unknown;
    return fmt::format("{}{}{}", color, outcome_word(o), p_.reset);
  }

  void block(const ExplainedBlock& b, bool is_gate) {
    const PlanBlock& pb = plan_.blocks[b.block];
    if (!is_gate) {
      out_ += fmt::format("\n  {}{}", pb.is_gate ? "gate " : "", pb.name);
      if (!pb.label.empty()) out_ += fmt::format(" \"{}\"", pb.label);
      out_ += fmt::format(": {}\n", status(b.status));
    } else {
      out_ += fmt::format("\n  {} (its own conditions)\n", pb.name);
    }
    if (!pb.requires_blocks.empty()) {
      std::vector<std::string> names;
      for (BlockIndex r : pb.requires_blocks) names.push_back(plan_.blocks[r].name);
      out_ += fmt::format("    requires {}\n", fmt::join(names, ", "));
    }
    for (const ExplainedCondition& c : b.conditions) condition(c);
  }

  void condition(const ExplainedCondition& c) {
    const PlanCondition& pc = plan_.conditions[c.condition];
    out_ +=
        fmt::format("    {} {}: {}", pc.is_warning ? "warn" : "require", pc.id, outcome(c.outcome));
    // A condition that holds needs no explaining; the tree is for the ones that do not.
    if (c.waiver != kNone && c.outcome != ConditionOutcome::True) {
      out_ +=
          fmt::format(", {}waived{} by {}", p_.unknown, p_.reset, describe_waiver(plan_, c.waiver));
    }
    if (c.outcome == ConditionOutcome::True) {
      out_ += fmt::format("  {}{}{}\n", p_.dim, pc.source, p_.reset);
      return;
    }
    out_ += '\n';
    tree(c.tree, 6);
    if (!c.message.empty()) out_ += fmt::format("      message: {}\n", c.message);
  }

  void tree(const ExplainedExpr& node, std::size_t indent) {
    std::string pad(indent, ' ');
    std::string head = node.label.empty() ? node.source : node.label + ": " + node.source;
    std::string value =
        node.truth != ConditionOutcome::NotEvaluated ? outcome(node.truth) : node.value;
    if (node.truth == ConditionOutcome::NotEvaluated && node.value == "unknown")
      value = outcome(ConditionOutcome::Unknown);
    out_ += fmt::format("{}{}  {}=>{} {}", pad, head, p_.dim, p_.reset, value);
    if (!node.reasons.empty()) out_ += fmt::format("  ({})", fmt::join(node.reasons, "; "));
    out_ += '\n';
    for (const ExplainedExpr& child : node.children) tree(child, indent + 2);
  }

  const Plan& plan_;
  Palette p_;
  std::string out_;
};

void tree_json(std::string& out, const ExplainedExpr& node) {
  out += "{\"source\":";
  append_json_string(out, node.source);
  if (!node.label.empty()) {
    out += ",\"label\":";
    append_json_string(out, node.label);
  }
  out += ",\"value\":";
  append_json_string(
      out, node.truth != ConditionOutcome::NotEvaluated ? outcome_word(node.truth) : node.value);
  out += ",\"reasons\":[";
  for (std::size_t i = 0; i < node.reasons.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, node.reasons[i]);
  }
  out += "],\"children\":[";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i) out += ',';
    tree_json(out, node.children[i]);
  }
  out += "]}";
}

void facts_json(std::string& out, const std::vector<FactReading>& facts) {
  out += '[';
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (i) out += ',';
    out += "{\"path\":";
    append_json_string(out, facts[i].path);
    out += ",\"value\":";
    append_json_string(out, facts[i].value);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string explain_text(const Plan& plan, const ExplainHeader& header, const Explanation& e,
                         bool color) {
  return TextExplainer(plan, color).render(header, e);
}

std::string explain_json(const Plan& plan, const Explanation& e) {
  std::string out = "{\"gate\":";
  append_json_string(out, plan.blocks[e.gate].name);
  out += fmt::format(",\"status\":\"{}\",\"blocks\":[", status_name(e.status));
  for (std::size_t b = 0; b < e.blocks.size(); ++b) {
    const ExplainedBlock& block = e.blocks[b];
    if (b) out += ',';
    out += "{\"name\":";
    append_json_string(out, plan.blocks[block.block].name);
    out += fmt::format(",\"status\":\"{}\",\"conditions\":[", status_name(block.status));
    for (std::size_t c = 0; c < block.conditions.size(); ++c) {
      const ExplainedCondition& cond = block.conditions[c];
      if (c) out += ',';
      out += "{\"id\":";
      append_json_string(out, plan.conditions[cond.condition].id);
      out += fmt::format(",\"kind\":\"{}\",\"value\":\"{}\",\"message\":",
                         plan.conditions[cond.condition].is_warning ? "warn" : "require",
                         outcome_word(cond.outcome));
      append_json_string(out, cond.message);
      if (!plan.waivers.empty()) {
        out += ",\"waiver\":";
        if (cond.waiver == kNone) {
          out += "null";
        } else {
          append_json_string(out, plan.waivers[cond.waiver].name);
        }
      }
      out += ",\"facts\":";
      facts_json(out, cond.facts);
      out += ",\"tree\":";
      tree_json(out, cond.tree);
      out += '}';
    }
    out += "]}";
  }
  out += "],\"checklist\":[";
  for (std::size_t i = 0; i < e.checklist.size(); ++i) {
    const ChecklistItem& item = e.checklist[i];
    if (i) out += ',';
    out += "{\"milestone\":";
    append_json_string(out, plan.blocks[item.block].name);
    out += ",\"condition\":";
    append_json_string(out, plan.conditions[item.condition].id);
    out += ",\"text\":";
    append_json_string(out, item.text);
    out += ",\"facts\":";
    facts_json(out, item.facts);
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace dealgate::cli
