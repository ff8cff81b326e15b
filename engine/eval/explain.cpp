#include "engine/eval/explain.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/eval/eval_context.hpp"

namespace dealgate {
namespace {

using namespace evaluation;

constexpr std::uint32_t kMaxElementsShown = 20;

ConditionOutcome truth_of(const Value& v) {
  if (v.is_unknown()) return ConditionOutcome::Unknown;
  if (v.kind != Value::Kind::Bool) return ConditionOutcome::NotEvaluated;
  return v.boolean ? ConditionOutcome::True : ConditionOutcome::False;
}

class Explainer {
 public:
  Explainer(const Plan& plan, const Facts& facts, const EvalOptions& options,
            const std::vector<std::uint32_t>& waived_by)
      : plan_(plan),
        waived_by_(waived_by),
        binders_(plan.max_binder_depth + 1),
        defaults_(),
        ctx_{plan, facts, options.today, params(options), binders_, scratch_} {}

  ExplainedExpr tree(ExprIndex index) {
    const ExprNode& n = plan_.nodes[index];
    ExplainedExpr out;
    out.source = std::string(plan_.source_of(n.span));
    Value v = ctx_.eval(index);
    out.truth = truth_of(v);
    out.value = describe(index, v, out.reasons);
    switch (n.op) {
      case Op::AnyOf:
      case Op::AllOf:
      case Op::CountOf:
      case Op::SumOf:
      case Op::MinOf:
      case Op::MaxOf: {
        out.children.push_back(tree(n.args[0]));
        Value list = ctx_.eval(n.args[0]);
        if (list.is_unknown()) break;
        std::uint32_t size = std::min(ctx_.list_size(list), kMaxElementsShown);
        for (std::uint32_t i = 0; i < size; ++i) {
          ctx_.bind(n.depth, list, n.args[0], i);
          ExplainedExpr element = tree(n.args[1]);
          element.label = fmt::format("element {}", i + 1);
          out.children.push_back(std::move(element));
        }
        break;
      }
      case Op::Exists:
        break;
      default:
        for (ExprIndex arg : n.args) {
          // Literals explain themselves.
          Op op = plan_.nodes[arg].op;
          if (op == Op::Bool || op == Op::Number || op == Op::String || op == Op::Date) continue;
          out.children.push_back(tree(arg));
        }
    }
    return out;
  }

  std::string describe(ExprIndex index, const Value& v, std::vector<std::string>& reasons) {
    if (!v.is_unknown()) return render(ctx_, v, kMaxElementsShown);
    Causes why;
    ctx_.collect_causes(index, why);
    for (const std::string& p : why.missing) reasons.push_back(p + " is missing");
    for (const std::string& p : why.invalid) reasons.push_back(p + " is invalid");
    for (const std::string& r : why.other) reasons.push_back(r);
    std::sort(reasons.begin(), reasons.end());
    reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
    return "unknown";
  }

  // The deal-level facts a condition reads (not those read through a quantifier's variable).
  void facts_read(ExprIndex index, std::vector<FactReading>& out) {
    const ExprNode& n = plan_.nodes[index];
    if (n.op == Op::FactRead || (n.op == Op::Exists && plan_.nodes[n.args[0]].op == Op::FactRead)) {
      const ExprNode& read = n.op == Op::FactRead ? n : plan_.nodes[n.args[0]];
      const std::string& path = plan_.schema.node(read.fact).path;
      for (const FactReading& r : out) {
        if (r.path == path) return;
      }
      const FactValue& f = ctx_.facts.top[read.slot];
      std::string value = f.state == FactState::Missing ? "<missing>"
                          : f.state == FactState::Invalid
                              ? fmt::format("<invalid: {}>", ctx_.facts.text(f))
                          : plan_.schema.node(read.fact).type == ValueType::Record
                              ? "{...}"
                              : render(ctx_, ctx_.eval(n.op == Op::FactRead ? index : n.args[0]),
                                       kMaxElementsShown);
      out.push_back({path, value});
      return;
    }
    for (ExprIndex arg : n.args) facts_read(arg, out);
  }

  std::string message(const PlanCondition& c) {
    std::string text;
    for (const MessagePiece& piece : c.message) {
      if (piece.expr == kNone) {
        text += piece.text;
      } else {
        Value v = ctx_.eval(piece.expr);
        std::vector<std::string> reasons;
        text += v.is_unknown() ? "<missing>" : render(ctx_, v);
      }
    }
    return text;
  }

  Explanation explain(BlockIndex gate, bool with_trees) {
    Explanation out;
    out.gate = gate;
    std::vector<Status> status(plan_.blocks.size(), Status::Pass);
    for (BlockIndex b : plan_.blocks[gate].evaluation_order) {
      const PlanBlock& block = plan_.blocks[b];
      ExplainedBlock eb;
      eb.block = b;
      bool failed = false, unknown = false;
      for (BlockIndex dep : block.requires_blocks) {
        failed = failed || status[dep] == Status::Fail;
        unknown = unknown || status[dep] == Status::Unknown;
      }
      for (ConditionIndex ci : block.conditions) {
        const PlanCondition& c = plan_.conditions[ci];
        ExplainedCondition ec;
        ec.condition = ci;
        // Each step gets the work budget the evaluator gives a whole condition, so that a
        // condition reads the same here as in `eval`.
        ctx_.restart_work(c);
        Value v = ctx_.eval(c.expr);
        ec.outcome = truth_of(v);
        ctx_.restart_work(c);
        if (with_trees) ec.tree = tree(c.expr);
        ctx_.restart_work(c);
        facts_read(c.expr, ec.facts);
        bool reported = c.is_warning ? ec.outcome != ConditionOutcome::True
                                     : ec.outcome == ConditionOutcome::False;
        ctx_.restart_work(c);
        if (reported && c.has_message) ec.message = message(c);
        ec.waiver = waived_by_.empty() ? kNone : waived_by_[ci];
        if (!c.is_warning && ec.waiver == kNone) {
          failed = failed || ec.outcome == ConditionOutcome::False;
          unknown = unknown || ec.outcome == ConditionOutcome::Unknown;
          if (ec.outcome != ConditionOutcome::True) add_to_checklist(out, b, c, ec, v);
        }
        eb.conditions.push_back(std::move(ec));
      }
      eb.status = status[b] = failed ? Status::Fail : unknown ? Status::Unknown : Status::Pass;
      out.blocks.push_back(std::move(eb));
    }
    out.status = status[gate];
    if (out.status == Status::Pass) out.checklist.clear();
    return out;
  }

 private:
  void add_to_checklist(Explanation& out, BlockIndex b, const PlanCondition& c,
                        const ExplainedCondition& ec, const Value& v) {
    ChecklistItem item;
    item.block = b;
    item.condition = static_cast<ConditionIndex>(&c - plan_.conditions.data());
    if (!v.is_unknown()) {
      // `exists` of an invalid fact is false (SPEC §5), but the fact is there, typed badly: say
      // so with its value, never that it is absent or has not happened.
      std::vector<std::string> invalid;
      invalid_exists(c.expr, invalid);
      item.text = !invalid.empty() ? fmt::format(
                                         "correct {}: the value does not fit its type, so `exists` "
                                         "reads it as not there",
                                         fmt::join(invalid, ", "))
                  : !ec.message.empty() ? ec.message
                                        : fmt::format("`{}` is false", c.source);
      item.facts = ec.facts;
      out.checklist.push_back(std::move(item));
      return;
    }
    Causes why;
    ctx_.restart_work(c);
    ctx_.collect_causes(c.expr, why);
    std::vector<std::string> parts;
    for (const std::string& p : why.missing) parts.push_back(fmt::format("fill in `{}`", p));
    for (const std::string& p : why.invalid)
      parts.push_back(fmt::format("correct `{}` (its value does not fit its type)", p));
    for (const std::string& r : why.other) parts.push_back(r);
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    item.text = fmt::format("cannot be decided: {}",
                            parts.empty() ? std::string("a fact is missing")
                                          : fmt::format("{}", fmt::join(parts, "; ")));
    item.facts = ec.facts;
    out.checklist.push_back(std::move(item));
  }

  // "`review.held_on` (invalid: "15/12/2026")" for each `exists` in the expression whose deal-level
  // fact is Invalid.
  void invalid_exists(ExprIndex index, std::vector<std::string>& out) {
    const ExprNode& n = plan_.nodes[index];
    if (n.op == Op::Exists && plan_.nodes[n.args[0]].op == Op::FactRead) {
      const ExprNode& read = plan_.nodes[n.args[0]];
      const FactValue& f = ctx_.facts.top[read.slot];
      if (f.state == FactState::Invalid) {
        out.push_back(fmt::format("`{}` (invalid: {})", plan_.schema.node(read.fact).path,
                                  ctx_.facts.text(f)));
      }
      return;
    }
    for (ExprIndex arg : n.args) invalid_exists(arg, out);
  }

  const std::vector<Value>& params(const EvalOptions& options) {
    if (options.params) return options.params->values;
    for (const PlanParam& p : plan_.params)
      defaults_.push_back(evaluate_constant(plan_, p.default_value));
    return defaults_;
  }

  const Plan& plan_;
  const std::vector<std::uint32_t>& waived_by_;
  std::vector<Binding> binders_;
  std::deque<std::string> scratch_;
  std::vector<Value> defaults_;
  Context ctx_;
};

}  // namespace

Explanation explain_gate(const Plan& plan, const Facts& facts, const EvalOptions& options,
                         BlockIndex gate, const std::vector<std::uint32_t>& waived_by) {
  Explainer explainer(plan, facts, options, waived_by);
  return explainer.explain(gate, true);
}

std::vector<ChecklistItem> pass_checklist(const Plan& plan, const Facts& facts,
                                          const EvalOptions& options, BlockIndex gate,
                                          const std::vector<std::uint32_t>& waived_by) {
  Explainer explainer(plan, facts, options, waived_by);
  return explainer.explain(gate, false).checklist;
}

}  // namespace dealgate
