#include "engine/eval/checklist.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace dealgate::evaluation {

void facts_read(Context& ctx, ExprIndex index, std::vector<FactReading>& out) {
  const Plan& plan = ctx.plan;
  const ExprNode& n = plan.nodes[index];
  if (n.op == Op::FactRead || (n.op == Op::Exists && plan.nodes[n.args[0]].op == Op::FactRead)) {
    const ExprIndex read_index = n.op == Op::FactRead ? index : n.args[0];
    const ExprNode& read = plan.nodes[read_index];
    const std::string& path = plan.schema.node(read.fact).path;
    for (const FactReading& r : out) {
      if (r.path == path) return;
    }
    const FactValue& f = ctx.facts.top[read.slot];
    std::string value = f.state == FactState::Missing ? "<missing>"
                        : f.state == FactState::Invalid
                            ? fmt::format("<invalid: {}>", ctx.facts.text(f))
                        : plan.schema.node(read.fact).type == ValueType::Record
                            ? "{...}"
                            : render(ctx, ctx.eval(read_index), kMaxElementsShown);
    out.push_back({path, std::move(value)});
    return;
  }
  for (ExprIndex arg : n.args) facts_read(ctx, arg, out);
}

namespace {

// "`review.held_on` (invalid: "15/12/2026")" for each `exists` in the expression whose deal-level
// fact is Invalid.
void invalid_exists(const Context& ctx, ExprIndex index, std::vector<std::string>& out) {
  const ExprNode& n = ctx.plan.nodes[index];
  if (n.op == Op::Exists && ctx.plan.nodes[n.args[0]].op == Op::FactRead) {
    const ExprNode& read = ctx.plan.nodes[n.args[0]];
    const FactValue& f = ctx.facts.top[read.slot];
    if (f.state == FactState::Invalid) {
      out.push_back(fmt::format("`{}` (invalid: {})", ctx.plan.schema.node(read.fact).path,
                                ctx.facts.text(f)));
    }
    return;
  }
  for (ExprIndex arg : n.args) invalid_exists(ctx, arg, out);
}

}  // namespace

ChecklistItem false_item(const Context& ctx, BlockIndex block, ConditionIndex condition,
                         const PlanCondition& c, const std::string& message,
                         std::vector<FactReading> facts) {
  ChecklistItem item;
  item.block = block;
  item.condition = condition;
  // `exists` of an invalid fact is false (SPEC §5), but the fact is there, typed badly: say so
  // with its value, never that it is absent or has not happened.
  std::vector<std::string> invalid;
  invalid_exists(ctx, c.expr, invalid);
  item.text = !invalid.empty()
                  ? fmt::format(
                        "correct {}: the value does not fit its type, so `exists` reads it as not "
                        "there",
                        fmt::join(invalid, ", "))
              : !message.empty() ? message
                                 : fmt::format("`{}` is false", c.source);
  item.facts = std::move(facts);
  return item;
}

ChecklistItem unknown_item(BlockIndex block, ConditionIndex condition, const Causes& why,
                           std::vector<FactReading> facts) {
  std::vector<std::string> parts;
  for (const std::string& p : why.missing) parts.push_back(fmt::format("fill in `{}`", p));
  for (const std::string& p : why.invalid)
    parts.push_back(fmt::format("correct `{}` (its value does not fit its type)", p));
  for (const std::string& r : why.other) parts.push_back(r);
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  ChecklistItem item;
  item.block = block;
  item.condition = condition;
  item.text = fmt::format("cannot be decided: {}", parts.empty()
                                                       ? std::string("a fact is missing")
                                                       : fmt::format("{}", fmt::join(parts, "; ")));
  item.facts = std::move(facts);
  return item;
}

}  // namespace dealgate::evaluation
