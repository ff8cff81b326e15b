#include "cli/explain_render.hpp"

#include <fmt/format.h>

#include "base/enum_words.hpp"
#include "base/json_writer.hpp"
#include "cli/checklist_text.hpp"
#include "cli/terminal.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

// Nothing for a condition that was not evaluated.
const char* outcome_word(ConditionOutcome o) {
  static constexpr const char* kWords[] = {"false", "true", "unknown", ""};
  return enum_word<ConditionOutcome::False, ConditionOutcome::NotEvaluated>(o, kWords, "");
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

void tree_json(JsonWriter& json, const ExplainedExpr& node) {
  json.begin_object().key("source").string(node.source);
  if (!node.label.empty()) json.key("label").string(node.label);
  json.key("value").string(node.truth != ConditionOutcome::NotEvaluated ? outcome_word(node.truth)
                                                                        : node.value);
  json.key("reasons").begin_array();
  for (const std::string& reason : node.reasons) json.string(reason);
  json.end_array().key("children").begin_array();
  for (const ExplainedExpr& child : node.children) tree_json(json, child);
  json.end_array().end_object();
}

void facts_json(JsonWriter& json, const std::vector<FactReading>& facts) {
  json.begin_array();
  for (const FactReading& fact : facts)
    json.begin_object().key("path").string(fact.path).key("value").string(fact.value).end_object();
  json.end_array();
}

}  // namespace

std::string explain_text(const Plan& plan, const ExplainHeader& header, const Explanation& e,
                         bool color) {
  return TextExplainer(plan, color).render(header, e);
}

std::string explain_json(const Plan& plan, const Explanation& e) {
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("gate").string(plan.blocks[e.gate].name);
  json.key("status").string(status_name(e.status)).key("blocks").begin_array();
  for (const ExplainedBlock& block : e.blocks) {
    json.begin_object().key("name").string(plan.blocks[block.block].name);
    json.key("status").string(status_name(block.status)).key("conditions").begin_array();
    for (const ExplainedCondition& cond : block.conditions) {
      const PlanCondition& c = plan.conditions[cond.condition];
      json.begin_object().key("id").string(c.id);
      json.key("kind").string(c.is_warning ? "warn" : "require");
      json.key("value").string(outcome_word(cond.outcome)).key("message").string(cond.message);
      if (!plan.waivers.empty()) {
        json.key("waiver");
        if (cond.waiver == kNone) {
          json.null();
        } else {
          json.string(plan.waivers[cond.waiver].name);
        }
      }
      json.key("facts");
      facts_json(json, cond.facts);
      json.key("tree");
      tree_json(json, cond.tree);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().key("checklist").begin_array();
  for (const ChecklistItem& item : e.checklist) {
    json.begin_object().key("milestone").string(plan.blocks[item.block].name);
    json.key("condition").string(plan.conditions[item.condition].id);
    json.key("text").string(item.text).key("facts");
    facts_json(json, item.facts);
    json.end_object();
  }
  json.end_array().end_object();
  return out;
}

}  // namespace dealgate::cli
