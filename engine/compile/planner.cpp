#include "engine/compile/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>

#include "base/calendar.hpp"
#include "engine/eval/evaluator.hpp"

namespace dealgate {
namespace {

// The opcode of each function, by the name the checker accepted, for the plain call
// (`count(list)`) and for the form that binds a variable (`count(x in list: pred)`).
struct NamedOp {
  std::string_view name;
  Op op;
};
constexpr NamedOp kCalls[] = {
    {"count", Op::Count}, {"exists", Op::Exists},     {"sum", Op::Sum},
    {"min", Op::Min},     {"max", Op::Max},           {"lower", Op::Lower},
    {"len", Op::Len},     {"contains", Op::Contains}, {"starts_with", Op::StartsWith}};
constexpr NamedOp kQuantifiers[] = {{"any", Op::AnyOf}, {"all", Op::AllOf}, {"count", Op::CountOf},
                                    {"sum", Op::SumOf}, {"min", Op::MinOf}, {"max", Op::MaxOf}};

template <std::size_t N>
Op op_named(const NamedOp (&table)[N], std::string_view name) {
  for (const NamedOp& entry : table) {
    if (entry.name == name) return entry.op;
  }
  return table[N - 1].op;  // not reached: the checker rejected every other name
}

class Planner {
 public:
  Planner(const CheckedRuleSet& checked, const SourceSet& sources, Plan& plan)
      : checked_(checked), sources_(sources), plan_(plan) {
    const_nodes_.assign(checked.consts.size(), kNone);
  }

  void run() {
    plan_.title = checked_.title;
    plan_.phases = checked_.phases;
    plan_.schema = checked_.schema;
    for (std::size_t f = 0; f < sources_.size(); ++f) {
      plan_.source_paths.push_back(sources_.file(static_cast<FileId>(f)).path());
      plan_.source_texts.push_back(sources_.file(static_cast<FileId>(f)).text());
    }
    for (const ParamInfo& p : checked_.params) {
      PlanParam param;
      param.name = p.decl->name.name;
      param.type = p.type->kind;
      param.full_type = p.type;
      param.default_value = lower(*p.decl->value);
      param.span = p.decl->span;
      plan_.params.push_back(std::move(param));
    }
    for (BlockIndex b = 0; b < checked_.blocks.size(); ++b) plan_block(b);
    compute_reach();
    plan_stages();
    plan_waivers();
    plan_show();
    plan_.sources = checked_.sources;
  }

 private:
  ExprIndex push(ExprNode node) {
    plan_.nodes.push_back(std::move(node));
    return static_cast<ExprIndex>(plan_.nodes.size() - 1);
  }

  ExprNode leaf(Op op, Type::Kind type, Span span) {
    ExprNode n;
    n.op = op;
    n.type = type;
    n.span = span;
    return n;
  }

  // Replaces a constant scalar expression by its value, so evaluation never recomputes it.
  ExprIndex fold(ExprIndex index) {
    const ExprNode& node = plan_.nodes[index];
    if (node.op == Op::Bool || node.op == Op::Number || node.op == Op::String ||
        node.op == Op::Date || node.op == Op::ListLiteral) {
      return index;
    }
    ExprNode folded = leaf(Op::Bool, node.type, node.span);
    // Unknown (say, a division by zero) or a list: keep the expression.
    if (!set_literal(folded, evaluate_constant(plan_, index))) return index;
    return push(std::move(folded));
  }

  // Makes `node` the literal `v`; false when `v` has none (unknown, a list).
  static bool set_literal(ExprNode& node, const Value& v) {
    switch (v.kind) {
      case Value::Kind::Bool:
        node.op = Op::Bool;
        node.boolean = v.boolean;
        return true;
      case Value::Kind::Number:
        node.op = Op::Number;
        node.number = v.number;
        return true;
      case Value::Kind::String:
        node.op = Op::String;
        node.text = std::string(v.text);
        return true;
      case Value::Kind::Date:
        node.op = Op::Date;
        node.date = v.date;
        return true;
      default:
        return false;
    }
  }

  ExprIndex lower(const ast::Expr& e) {
    ExprIndex index = lower_unfolded(e);
    const ExprInfo& info = checked_.info(e);
    if (!info.reads_deal) index = fold(index);
    return index;
  }

  Op binary_op(const ast::Expr& e) {
    Type::Kind l = checked_.info(*e.args[0]).type->kind;
    Type::Kind r = checked_.info(*e.args[1]).type->kind;
    switch (e.binary_op) {
      case ast::BinaryOp::Or:
        return Op::Or;
      case ast::BinaryOp::And:
        return Op::And;
      case ast::BinaryOp::Equal:
        return Op::Equal;
      case ast::BinaryOp::NotEqual:
        return Op::NotEqual;
      case ast::BinaryOp::Less:
        return Op::Less;
      case ast::BinaryOp::LessEqual:
        return Op::LessEqual;
      case ast::BinaryOp::Greater:
        return Op::Greater;
      case ast::BinaryOp::GreaterEqual:
        return Op::GreaterEqual;
      case ast::BinaryOp::In:
        return Op::In;
      case ast::BinaryOp::NotIn:
        return Op::NotIn;
      case ast::BinaryOp::Add:
        return l == Type::Kind::Date || r == Type::Kind::Date ? Op::DatePlusDays : Op::Add;
      case ast::BinaryOp::Subtract:
        if (l == Type::Kind::Date)
          return r == Type::Kind::Date ? Op::DateMinusDate : Op::DateMinusDays;
        return Op::Subtract;
      case ast::BinaryOp::Multiply:
        return Op::Multiply;
      case ast::BinaryOp::Divide:
        return Op::Divide;
      case ast::BinaryOp::Coalesce:
        return Op::Coalesce;
    }
    return Op::Or;
  }

  ExprIndex lower_path(const ast::Expr& e, const ExprInfo& info, ExprNode node) {
    switch (info.target.kind) {
      case PathTarget::Kind::Const: {
        ExprIndex& cached = const_nodes_[info.target.index];
        if (cached == kNone) cached = lower(*checked_.consts[info.target.index].decl->value);
        // A copy at the use, so explanations show the const's name where it is used.
        ExprNode use = plan_.nodes[cached];
        use.span = e.span;
        return push(std::move(use));
      }
      case PathTarget::Kind::Param:
        node.op = Op::Param;
        node.slot = info.target.index;
        return push(std::move(node));
      case PathTarget::Kind::Fact:
        node.op = Op::FactRead;
        node.fact = info.target.index;
        node.slot = plan_.schema.node(node.fact).slot;
        return push(std::move(node));
      case PathTarget::Kind::Binder:
        node.depth = info.target.index;
        if (info.target.fact != kNoNode) {
          node.op = Op::BinderRead;
          node.fact = info.target.fact;
          node.slot = plan_.schema.node(node.fact).slot;
        } else {
          node.op = Op::BinderValue;
        }
        return push(std::move(node));
      case PathTarget::Kind::None:
        break;
    }
    return push(std::move(node));
  }

  ExprIndex lower_unfolded(const ast::Expr& e) {
    const ExprInfo& info = checked_.info(e);
    ExprNode node = leaf(Op::Bool, info.type->kind, e.span);
    switch (e.kind) {
      case ast::Expr::Kind::Number:
        set_literal(node, Value::of_number(e.number));
        break;
      case ast::Expr::Kind::String:
        set_literal(node, Value::of_string(e.text));
        break;
      case ast::Expr::Kind::Bool:
        set_literal(node, Value::of_bool(e.boolean));
        break;
      case ast::Expr::Kind::Date:
        set_literal(node, Value::of_date(days_from_civil(e.year, e.month, e.day)));
        break;
      case ast::Expr::Kind::Today:
        node.op = Op::Today;
        break;
      case ast::Expr::Kind::Record:
        break;  // rejected by the checker
      case ast::Expr::Kind::List:
        node.op = Op::ListLiteral;
        for (const auto& item : e.args) node.args.push_back(lower(*item));
        break;
      case ast::Expr::Kind::Path:
        return lower_path(e, info, std::move(node));
      case ast::Expr::Kind::Unary:
        node.op = e.unary_op == ast::UnaryOp::Not ? Op::Not : Op::Negate;
        node.args.push_back(lower(*e.args[0]));
        break;
      case ast::Expr::Kind::Binary: {
        node.op = binary_op(e);
        ExprIndex l = lower(*e.args[0]);
        ExprIndex r = lower(*e.args[1]);
        // `n + date` is evaluated as `date + n`.
        if (node.op == Op::DatePlusDays && checked_.info(*e.args[0]).type->kind != Type::Kind::Date)
          std::swap(l, r);
        node.args = {l, r};
        break;
      }
      case ast::Expr::Kind::Call: {
        const std::string& f = e.callee.name;
        node.op = op_named(kCalls, f);
        for (const auto& a : e.args)
          node.args.push_back(f == "exists" ? lower_unfolded(*a) : lower(*a));
        break;
      }
      case ast::Expr::Kind::Quantifier: {
        node.op = op_named(kQuantifiers, e.callee.name);
        node.depth = depth_;
        node.fact = info.list_element;
        node.args.push_back(lower(*e.args[0]));
        ++depth_;
        plan_.max_binder_depth = std::max(plan_.max_binder_depth, depth_);
        node.args.push_back(lower(*e.args[1]));
        --depth_;
        break;
      }
    }
    return push(std::move(node));
  }

  std::string source_text(const Span& span) {
    const std::string& text = sources_.file(span.file).text();
    return text.substr(span.begin, span.end - span.begin);
  }

  void plan_block(BlockIndex b) {
    const BlockInfo& info = checked_.blocks[b];
    const ast::Block& decl = *info.decl;
    PlanBlock block;
    block.name = decl.name.name;
    block.label = decl.label.value_or("");
    block.is_gate = decl.kind == ast::Block::Kind::Gate;
    block.enters_phase = info.enters_phase;
    block.requires_blocks = info.requires_blocks;
    block.span = decl.span;
    for (std::size_t i = 0; i < decl.conditions.size(); ++i) {
      const ast::Condition& c = decl.conditions[i];
      PlanCondition condition;
      condition.id = block.name + "." + (c.label ? c.label->name : std::to_string(i + 1));
      condition.is_warning = c.kind == ast::Condition::Kind::Warn;
      condition.block = b;
      condition.expr = lower(*c.expr);
      condition.source = source_text(c.expr->span);
      condition.span = c.span;
      if (c.message) {
        condition.has_message = true;
        for (const ast::MessagePart& part : c.message->parts) {
          MessagePiece piece;
          if (part.expr) {
            piece.expr = lower(*part.expr);
          } else {
            piece.text = part.text;
          }
          condition.message.push_back(std::move(piece));
        }
      }
      condition.work_scale = expression_weight(plan_.nodes, condition.expr);
      for (const MessagePiece& piece : condition.message) {
        if (piece.expr != kNone) condition.work_scale += expression_weight(plan_.nodes, piece.expr);
      }
      block.conditions.push_back(static_cast<ConditionIndex>(plan_.conditions.size()));
      plan_.conditions.push_back(std::move(condition));
    }
    if (block.is_gate) plan_.gates.push_back(b);
    plan_.blocks.push_back(std::move(block));
  }

  // Only gates are evaluated from (and report their reach), so only gates get the lists; a
  // milestone's would make a long `requires` chain cost memory quadratic in its length. The walk
  // keeps its own stack, so a chain of any length cannot overflow the call stack.
  void compute_reach() {
    std::vector<bool> seen(plan_.blocks.size(), false);
    std::vector<std::pair<BlockIndex, std::size_t>> stack;  // block, next dependency to visit
    for (BlockIndex b = 0; b < plan_.blocks.size(); ++b) {
      PlanBlock& block = plan_.blocks[b];
      if (!block.is_gate) continue;
      std::fill(seen.begin(), seen.end(), false);
      std::vector<BlockIndex> order;
      seen[b] = true;
      stack.emplace_back(b, 0);
      while (!stack.empty()) {
        auto& [at, next] = stack.back();
        const std::vector<BlockIndex>& deps = plan_.blocks[at].requires_blocks;
        if (next < deps.size()) {
          BlockIndex dep = deps[next++];
          if (!seen[dep]) {
            seen[dep] = true;
            stack.emplace_back(dep, 0);
          }
          continue;
        }
        order.push_back(at);  // after its dependencies
        stack.pop_back();
      }
      block.evaluation_order = std::move(order);
      for (BlockIndex i = 0; i < plan_.blocks.size(); ++i) {
        if (seen[i]) block.reach.push_back(i);
      }
    }
  }

  void plan_stages() {
    if (!checked_.stages || checked_.stages->stage_fact == kNoNode) return;
    const StagesInfo& info = *checked_.stages;
    PlanStages stages;
    const SchemaNode& stage = plan_.schema.node(info.stage_fact);
    stages.stage_path = stage.path;
    stages.stage_slot = stage.slot;
    if (info.owner_fact != kNoNode) {
      const SchemaNode& owner = plan_.schema.node(info.owner_fact);
      stages.owner_path = owner.path;
      stages.owner_slot = owner.slot;
    }
    stages.mapping = info.mapping;
    std::sort(stages.mapping.begin(), stages.mapping.end());
    stages.entry_gates.resize(plan_.phases.size());
    for (BlockIndex g : plan_.gates) {
      std::uint32_t phase = plan_.blocks[g].enters_phase;
      if (phase != kNone && phase < stages.entry_gates.size())
        stages.entry_gates[phase].push_back(g);
    }
    plan_.stages = std::move(stages);
  }

  void plan_waivers() {
    for (const WaiverInfo& info : checked_.waivers) {
      const ast::WaiverDecl& decl = *info.decl;
      PlanWaiver w;
      w.name = decl.name.name;
      w.label = decl.label.value_or("");
      for (const ast::StringLiteral& deal : decl.deals) {
        w.deals.push_back(deal.text);
        plan_.waiver_deals.emplace_back(deal.text,
                                        static_cast<std::uint32_t>(plan_.waivers.size()));
      }
      if (decl.when) {
        w.when = lower(*decl.when);
        w.when_work_scale = expression_weight(plan_.nodes, w.when);
      }
      for (const auto& [block, position] : info.conditions) {
        w.conditions.push_back(plan_.blocks[block].conditions[position]);
      }
      std::sort(w.conditions.begin(), w.conditions.end());
      w.waives = info.waives;
      w.approver = decl.approver ? decl.approver->text : "";
      w.reason = decl.reason ? decl.reason->text : "";
      if (decl.until)
        w.until = days_from_civil(decl.until->year, decl.until->month, decl.until->day);
      w.span = decl.span;
      plan_.waivers.push_back(std::move(w));
    }
    std::sort(plan_.waiver_deals.begin(), plan_.waiver_deals.end());
    NodeIndex amount = plan_.schema.find_field(kNoNode, "amount");
    if (amount != kNoNode && plan_.schema.node(amount).type == ValueType::Number) {
      plan_.amount_slot = plan_.schema.node(amount).slot;
    }
  }

  void plan_show() {
    for (const ShownField& shown : checked_.shown) {
      const SchemaNode& node = plan_.schema.node(shown.node);
      const ast::ShowField& decl = *shown.decl;
      plan_.shown.push_back(
          {node.path, decl.label ? decl.label->text : node.path, node.type, node.slot});
    }
    if (checked_.money == kNone) return;
    const ShownField& money = checked_.shown[checked_.money];
    PlanMoney out;
    out.field = checked_.money;
    if (money.currency != kNoNode) {
      out.currency_slot = plan_.schema.node(money.currency).slot;
      out.currency_path = plan_.schema.node(money.currency).path;
    } else if (money.decl->currency_code) {
      out.currency_code = money.decl->currency_code->text;
    }
    plan_.amount_slot = plan_.shown[out.field].slot;  // the declared money wins over `amount`
    plan_.money = std::move(out);
  }

  const CheckedRuleSet& checked_;
  const SourceSet& sources_;
  Plan& plan_;
  std::vector<ExprIndex> const_nodes_;
  std::uint32_t depth_ = 0;
};

}  // namespace

std::shared_ptr<const Plan> make_plan(const CheckedRuleSet& checked, const SourceSet& sources) {
  auto plan = std::make_shared<Plan>();
  Planner(checked, sources, *plan).run();
  return plan;
}

}  // namespace dealgate
