#include "engine/eval/explain.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/eval/checklist.hpp"
#include "engine/eval/eval_context.hpp"

namespace dealgate {
namespace {

using namespace evaluation;

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

  Explanation explain(BlockIndex gate) {
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
        ec.tree = tree(c.expr);
        ctx_.restart_work(c);
        facts_read(ctx_, c.expr, ec.facts);
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
    const auto ci = static_cast<ConditionIndex>(&c - plan_.conditions.data());
    if (!v.is_unknown()) {
      out.checklist.push_back(false_item(ctx_, b, ci, c, ec.message, ec.facts));
      return;
    }
    Causes why;
    ctx_.restart_work(c);
    ctx_.collect_causes(c.expr, why);
    out.checklist.push_back(unknown_item(b, ci, why, ec.facts));
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
  return explainer.explain(gate);
}

}  // namespace dealgate
