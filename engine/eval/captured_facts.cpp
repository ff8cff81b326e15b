#include "engine/eval/captured_facts.hpp"

#include "engine/eval/evaluator.hpp"

namespace dealgate {

void capture_facts(const Plan& plan, const Facts& facts, const std::vector<NodeIndex>& nodes,
                   std::vector<CapturedFact>& out) {
  out.resize(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    CapturedFact& captured = out[i];
    captured.text.clear();
    const SchemaNode& node = plan.schema.node(nodes[i]);
    captured.present = node.frame == 0 && node.slot < facts.top.size() &&
                       facts.top[node.slot].state == FactState::Present;
    if (!captured.present) continue;
    const FactValue& value = facts.top[node.slot];
    switch (node.type) {
      case ValueType::Bool:
        captured.text = value.boolean ? "true" : "false";
        break;
      case ValueType::Number:
        append_number(captured.text, value.number);
        break;
      case ValueType::Date:
        captured.text = format_date(value.date);
        break;
      case ValueType::String:
        captured.text.assign(facts.text(value));
        break;
      default:  // lists and records have no one-line value
        captured.present = false;
        break;
    }
  }
}

}  // namespace dealgate
