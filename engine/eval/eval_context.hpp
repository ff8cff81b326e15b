// The evaluation machinery shared by the evaluator and the explainer: values of plan nodes for one
// deal (`Context::eval`, one case per operator, and its typed fast paths; the three-valued rules of
// SPEC §6 that both use are in truth.hpp), and why a value is unknown (`Context::collect_causes`),
// worked out only when it is.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/text.hpp"
#include "engine/eval/truth.hpp"
#include "engine/eval/value.hpp"
#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::evaluation {

// A quantifier variable bound to one element of the list it ranges over.
struct Binding {
  const FactValue* frame = nullptr;  // the element's slots, for lists of facts
  Value value;                       // the element itself
  std::uint32_t index = 0;           // position in the list, for paths like `stakeholders[2].role`
  NodeIndex list_node = kNoNode;     // the schema node of the list, for fact lists
  int parent_depth = -1;             // the binder the list was read through, or -1 at the top
  ExprIndex list_literal = kNone;    // the list node, for lists written in the rules
};

struct Causes {
  std::vector<std::string> missing;
  std::vector<std::string> invalid;
  std::vector<std::string> other;  // "division by zero", ...
};

// How much work evaluating one condition on one deal may take, in steps: a list element visited,
// or a byte of text examined (compared, searched, lowered, counted). SPEC §6 promises time linear
// in the size of the deal, but a quantifier inside another (`any(x in xs: x in ys)`) visits
// |xs| × |ys| elements, and `lower(notes)` inside one lowers `notes` once per element: hours for a
// 16 MiB record. A condition that reads each fact a bounded number of times stays far below it:
// each of its nodes may go over the whole deal several times (evaluation, the causes of an
// unknown, its message) before the budget notices. `scale` is PlanCondition::work_scale;
// `deal_size` is deal_size(facts). The constants keep tiny conditions and deals in the clear.
inline std::uint64_t work_budget(std::uint64_t scale, std::uint64_t deal_size) {
  constexpr std::uint64_t kVisitsPerNode = 8;
  return kVisitsPerNode * (scale + 16) * (deal_size + 64);
}
// The deal's values and the bytes of its texts.
inline std::uint64_t deal_size(const Facts& facts) {
  return facts.top.size() + facts.pool.size() + facts.lists.size() + facts.strings.size();
}
// Why a value is unknown when the budget ran out while working it out (Causes::other).
inline constexpr const char* kOutOfWork =
    "evaluation stopped: this deal needs more work than its size allows (a long list inside "
    "another quantifier, or long text worked on once per element)";

struct Context {
  const Plan& plan;
  const Facts& facts;
  DayNumber today;
  const std::vector<Value>& params;
  std::vector<Binding>& binders;
  std::deque<std::string>& scratch;  // strings made during evaluation (lower)
  // Each condition may spend its work_budget (restart_work). Once it is spent, whatever needs more
  // work is unknown (kOutOfWork) until the next condition: the same result on every run. Outside
  // conditions (constants, rendering a value) nothing reads a list of the deal twice: no limit.
  const std::uint64_t deal_units = deal_size(facts);
  std::uint64_t work_left = UINT64_MAX;
  bool out_of_work = false;

  const ExprNode& node(ExprIndex i) const { return plan.nodes[i]; }

  void restart_work(const PlanCondition& condition) { restart_work(condition.work_scale); }
  void restart_work(std::uint64_t work_scale) {
    work_left = work_budget(work_scale, deal_units);
    out_of_work = false;
  }
  // False, until restart_work, once the budget cannot pay for `steps`.
  bool spend(std::uint64_t steps) {
    if (steps > work_left) {
      work_left = 0;
      out_of_work = true;
      return false;
    }
    work_left -= steps;
    return true;
  }
  // Comparing two texts for equality looks at their bytes only when their lengths agree.
  static std::uint64_t comparison_steps(std::string_view a, std::string_view b) {
    return a.size() == b.size() ? a.size() : 0;
  }
  static std::uint64_t comparison_steps(const Value& a, const Value& b) {
    return a.kind == Value::Kind::String ? comparison_steps(a.text, b.text) : 0;
  }

  Value fact_value(const FactValue& f, NodeIndex n) const {
    if (f.state != FactState::Present) return Value::unknown();
    const SchemaNode& s = plan.schema.node(n);
    switch (s.type) {
      case ValueType::Bool:
        return Value::of_bool(f.boolean);
      case ValueType::Number:
        return Value::of_number(f.number);
      case ValueType::String:
        return Value::of_string(facts.text(f));
      case ValueType::Date:
        return Value::of_date(f.date);
      case ValueType::List: {
        Value v;
        v.kind = Value::Kind::FactList;
        v.list = f.list;
        v.element = s.element;
        return v;
      }
      case ValueType::Record:
        return Value::of_bool(true);  // only `exists` looks at records
    }
    return Value::unknown();
  }

  const FactValue& slot_of(const ExprNode& read) const {
    return read.op == Op::FactRead ? facts.top[read.slot] : binders[read.depth].frame[read.slot];
  }

  std::uint32_t list_size(const Value& list) const {
    return list.kind == Value::Kind::FactList
               ? facts.lists[list.list].count
               : static_cast<std::uint32_t>(node(list.list).args.size());
  }

  // Binds element `i` of `list` at `depth`; `list_expr` is the node the list came from.
  void bind(std::uint32_t depth, const Value& list, ExprIndex list_expr, std::uint32_t i) {
    Binding& b = binders[depth];
    b.index = i;
    if (list.kind == Value::Kind::FactList) {
      const ListRef& ref = facts.lists[list.list];
      b.frame = facts.element(ref, i);
      b.value = fact_value(b.frame[0], list.element);
      b.list_node = plan.schema.node(list.element).parent;
      b.parent_depth = read_through(list_expr);
      b.list_literal = kNone;
    } else {
      b.frame = nullptr;
      b.list_literal = list.list;
      b.value = eval(node(list.list).args[i]);
    }
  }

  // The quantifier variable a list fact was read through (-1: none, a top-level fact), following
  // `??` to the side that gave the value, so `(s.tags ?? [])` names `stakeholders[2].tags`.
  int read_through(ExprIndex list_expr) {
    const ExprNode& from = node(list_expr);
    if (from.op == Op::BinderRead) return static_cast<int>(from.depth);
    if (from.op == Op::Coalesce) {
      return read_through(eval(from.args[0]).is_unknown() ? from.args[1] : from.args[0]);
    }
    return -1;
  }

  static Truth truth_of(const Value& v) { return v.is_unknown() ? Unknown : truth(v.boolean); }
  static Value value_of(Truth t) {
    return t == Unknown ? Value::unknown() : Value::of_bool(t == True);
  }

  // Two known values of the same type (the checker sees to it), by the typed rule of `compare`.
  static bool compare_values(Op op, const Value& a, const Value& b) {
    switch (a.kind) {
      case Value::Kind::Bool:
        return compare(op, a.boolean, b.boolean);
      case Value::Kind::Number:
        return compare(op, a.number, b.number);
      case Value::Kind::String:
        return compare(op, a.text, b.text);
      case Value::Kind::Date:
        return compare(op, a.date, b.date);
      default:
        return false;
    }
  }

  Value eval(ExprIndex index) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::Bool:
        return Value::of_bool(n.boolean);
      case Op::Number:
        return Value::of_number(n.number);
      case Op::String:
        return Value::of_string(n.text);
      case Op::Date:
        return Value::of_date(n.date);
      case Op::Today:
        return Value::of_date(today);
      case Op::Param:
        return params[n.slot];
      case Op::FactRead:
        return fact_value(facts.top[n.slot], n.fact);
      case Op::BinderRead:
        return fact_value(binders[n.depth].frame[n.slot], n.fact);
      case Op::BinderValue:
        return binders[n.depth].value;
      case Op::ListLiteral: {
        Value v;
        v.kind = Value::Kind::ExprList;
        v.list = index;
        return v;
      }

      case Op::Not:
        return value_of(truth_not(truth_of(eval(n.args[0]))));
      case Op::And:
        return value_of(truth_and([&] { return truth_of(eval(n.args[0])); },
                                  [&] { return truth_of(eval(n.args[1])); }));
      case Op::Or:
        return value_of(truth_or([&] { return truth_of(eval(n.args[0])); },
                                 [&] { return truth_of(eval(n.args[1])); }));

      case Op::Negate: {
        Value v = eval(n.args[0]);
        return v.is_unknown() ? v : Value::of_number(-v.number);
      }
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual:
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide:
      case Op::DatePlusDays:
      case Op::DateMinusDays:
      case Op::DateMinusDate:
        return binary(n);

      case Op::In:
      case Op::NotIn: {
        Value x = eval(n.args[0]);
        Value list = eval(n.args[1]);
        if (x.is_unknown() || list.is_unknown()) return Value::unknown();
        const Truth found = any_of(list_size(list), [&](std::uint32_t i) -> ElementTruth {
          Value item = element_value(list, i);
          if (!spend(1 + comparison_steps(x, item))) return std::nullopt;
          if (item.is_unknown()) return Unknown;
          return truth(compare_values(Op::Equal, x, item));
        });
        return value_of(membership(n.op == Op::NotIn, found));
      }

      case Op::Coalesce: {
        Value l = eval(n.args[0]);
        return l.is_unknown() ? eval(n.args[1]) : l;
      }
      case Op::Exists:
        return Value::of_bool(slot_of(node(n.args[0])).state == FactState::Present);

      case Op::Count: {
        Value list = eval(n.args[0]);
        return list.is_unknown() ? list : Value::of_number(list_size(list));
      }
      case Op::Sum:
      case Op::Min:
      case Op::Max: {
        Value list = eval(n.args[0]);
        if (list.is_unknown()) return list;
        return fold_numbers(n.op, list, [&](std::uint32_t i) { return element_value(list, i); });
      }
      case Op::CountOf:
      case Op::AnyOf:
      case Op::AllOf:
      case Op::SumOf:
      case Op::MinOf:
      case Op::MaxOf:
        return quantify(n);

      case Op::Lower: {
        Value s = eval(n.args[0]);
        if (s.is_unknown() || !spend(1 + s.text.size())) return Value::unknown();
        return Value::of_string(scratch.emplace_back(utf8_lower(s.text)));
      }
      case Op::Len: {
        Value s = eval(n.args[0]);
        if (s.is_unknown() || !spend(1 + s.text.size())) return Value::unknown();
        return Value::of_number(static_cast<double>(utf8_length(s.text)));
      }
      case Op::Contains:
      case Op::StartsWith: {
        Value s = eval(n.args[0]);
        Value part = eval(n.args[1]);
        if (s.is_unknown() || part.is_unknown()) return Value::unknown();
        const std::size_t examined = n.op == Op::Contains
                                         ? s.text.size() + part.text.size()
                                         : std::min(s.text.size(), part.text.size());
        if (!spend(1 + examined)) return Value::unknown();
        bool found = n.op == Op::Contains ? text_contains(s.text, part.text)
                                          : s.text.substr(0, part.text.size()) == part.text;
        return Value::of_bool(found);
      }
    }
    return Value::unknown();
  }

  // ---- Typed fast paths -----------------------------------------------------------------------
  // The same rules as `eval` (truth.hpp), for a node whose static type is known, without building
  // a Value: a condition is mostly `and`s, comparisons and fact reads, and going through Value for
  // each node cost more than the work itself. Operators without a case here fall back to `eval`.

  const FactValue* read_slot(const ExprNode& n) const {
    if (n.op == Op::FactRead) return &facts.top[n.slot];
    if (n.op == Op::BinderRead) return &binders[n.depth].frame[n.slot];
    return nullptr;
  }

  Truth eval_truth(ExprIndex index) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::Bool:
        return n.boolean ? True : False;
      case Op::FactRead:
      case Op::BinderRead: {
        if (n.type != Type::Kind::Bool) break;
        const FactValue& f = *read_slot(n);
        return f.state != FactState::Present ? Unknown : f.boolean ? True : False;
      }
      case Op::Not:
        return truth_not(eval_truth(n.args[0]));
      case Op::And:
        return truth_and([&] { return eval_truth(n.args[0]); },
                         [&] { return eval_truth(n.args[1]); });
      case Op::Or:
        return truth_or([&] { return eval_truth(n.args[0]); },
                        [&] { return eval_truth(n.args[1]); });
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual: {
        const Type::Kind operand = node(n.args[0]).type;
        if (operand == Type::Kind::Number) {
          return compare_typed<double>(n,
                                       [&](ExprIndex i, double& v) { return eval_number(i, v); });
        }
        if (operand == Type::Kind::Date) {
          return compare_typed<DayNumber>(
              n, [&](ExprIndex i, DayNumber& v) { return eval_date(i, v); });
        }
        if (operand == Type::Kind::String && (n.op == Op::Equal || n.op == Op::NotEqual)) {
          return compare_typed<std::string_view>(
              n, [&](ExprIndex i, std::string_view& v) { return eval_string(i, v); });
        }
        break;
      }
      case Op::AnyOf:
      case Op::AllOf:
        return any_or_all(n, [&] { return eval_truth(n.args[1]); });
      case Op::Exists:
        return truth(slot_of(node(n.args[0])).state == FactState::Present);
      case Op::In:
      case Op::NotIn: {
        // `x in ["a", "b"]`: a list written in the rules, of strings (the usual shape).
        const ExprNode& list = node(n.args[1]);
        if (list.op != Op::ListLiteral || node(n.args[0]).type != Type::Kind::String) break;
        std::string_view x;
        if (!eval_string(n.args[0], x)) return Unknown;
        const auto items = static_cast<std::uint32_t>(list.args.size());
        const Truth found = any_of(items, [&](std::uint32_t i) -> ElementTruth {
          std::string_view text;
          const bool known = eval_string(list.args[i], text);
          // What `eval` spends on the same list, so that both give the same answer near the limit.
          if (!spend(1 + (known ? comparison_steps(x, text) : 0))) return std::nullopt;
          if (!known) return Unknown;
          return truth(text == x);
        });
        return membership(n.op == Op::NotIn, found);
      }
      default:
        break;
    }
    return truth_of(eval(index));
  }

  // A comparison (node `n`) of two operands read by `read(index, out)`, false when unknown: unknown
  // when either is, and the right one is not read when the left is unknown.
  template <typename T, typename Read>
  Truth compare_typed(const ExprNode& n, Read&& read) {
    T l{}, r{};
    if (!read(n.args[0], l) || !read(n.args[1], r)) return Unknown;
    if constexpr (std::is_same_v<T, std::string_view>) {
      if (!spend(comparison_steps(l, r))) return Unknown;
    }
    return truth(compare(n.op, l, r));
  }

  template <typename T>
  static bool compare(Op op, T l, T r) {
    // Texts are only compared for equality (the checker allows no ordering of them); so that
    // comparing them stays a length test and a memcmp, inlined.
    if constexpr (std::is_same_v<T, std::string_view>) return (l == r) == (op == Op::Equal);
    // Each written out, not as `!(l < r)`: with a NaN (`inf - inf`) every ordering is false.
    switch (op) {
      case Op::Equal:
        return l == r;
      case Op::NotEqual:
        return !(l == r);
      case Op::Less:
        return l < r;
      case Op::LessEqual:
        return l <= r;
      case Op::Greater:
        return r < l;
      case Op::GreaterEqual:
        return r <= l;
      default:
        return false;
    }
  }

  // False when the value is unknown.
  bool eval_number(ExprIndex index, double& out) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::Number:
        out = n.number;
        return true;
      case Op::Param: {
        if (n.type != Type::Kind::Number) break;
        out = params[n.slot].number;
        return !params[n.slot].is_unknown();
      }
      case Op::FactRead:
      case Op::BinderRead: {
        if (n.type != Type::Kind::Number) break;
        const FactValue& f = *read_slot(n);
        out = f.number;
        return f.state == FactState::Present;
      }
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide: {
        double l = 0, r = 0;
        // Both sides are evaluated, as `eval` does, so that the same reads happen.
        const bool known_l = eval_number(n.args[0], l);
        const bool known_r = eval_number(n.args[1], r);
        if (!known_l || !known_r) return false;
        switch (n.op) {
          case Op::Add:
            out = l + r;
            return true;
          case Op::Subtract:
            out = l - r;
            return true;
          case Op::Multiply:
            out = l * r;
            return true;
          default:
            if (r == 0) return false;
            out = l / r;
            return true;
        }
      }
      case Op::Count: {
        const ExprNode& list = node(n.args[0]);
        if (list.op != Op::FactRead && list.op != Op::BinderRead) break;
        const FactValue& f = *read_slot(list);
        if (f.state != FactState::Present) return false;
        out = facts.lists[f.list].count;
        return true;
      }
      case Op::DateMinusDate: {
        DayNumber l = 0, r = 0;
        const bool known_l = eval_date(n.args[0], l);
        const bool known_r = eval_date(n.args[1], r);
        if (!known_l || !known_r) return false;
        out = static_cast<double>(l) - r;
        return true;
      }
      default:
        break;
    }
    const Value v = eval(index);
    out = v.number;
    return !v.is_unknown();
  }

  bool eval_date(ExprIndex index, DayNumber& out) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::Date:
        out = n.date;
        return true;
      case Op::Today:
        out = today;
        return true;
      case Op::FactRead:
      case Op::BinderRead: {
        if (n.type != Type::Kind::Date) break;
        const FactValue& f = *read_slot(n);
        out = f.date;
        return f.state == FactState::Present;
      }
      default:
        break;
    }
    const Value v = eval(index);
    out = v.date;
    return !v.is_unknown();
  }

  bool eval_string(ExprIndex index, std::string_view& out) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::String:
        out = n.text;
        return true;
      case Op::FactRead:
      case Op::BinderRead: {
        if (n.type != Type::Kind::String) break;
        const FactValue& f = *read_slot(n);
        if (f.state != FactState::Present) return false;
        out = facts.text(f);
        return true;
      }
      default:
        break;
    }
    const Value v = eval(index);
    out = v.text;
    return !v.is_unknown();
  }

  Value element_value(const Value& list, std::uint32_t i) {
    if (list.kind == Value::Kind::FactList) {
      const FactValue* frame = facts.element(facts.lists[list.list], i);
      return fact_value(frame[0], list.element);
    }
    return eval(node(list.list).args[i]);
  }

  template <typename Element>
  Value fold_numbers(Op op, const Value& list, Element element) {
    std::uint32_t size = list_size(list);
    bool is_sum = op == Op::Sum || op == Op::SumOf;
    if (size == 0) return is_sum ? Value::of_number(0) : Value::unknown();
    double acc = is_sum ? 0 : 0;
    for (std::uint32_t i = 0; i < size; ++i) {
      if (!spend(1)) return Value::unknown();
      Value v = element(i);
      if (v.is_unknown()) return v;
      if (is_sum) {
        acc += v.number;
      } else if (i == 0 || ((op == Op::Min || op == Op::MinOf) ? v.number < acc : v.number > acc)) {
        acc = v.number;
      }
    }
    return Value::of_number(acc);
  }

  // `any`/`all` (node `n`) over the list it ranges over; `body()` is the truth of the predicate
  // for the element just bound.
  template <typename Body>
  Truth any_or_all(const ExprNode& n, Body&& body) {
    const Value list = eval(n.args[0]);
    return list.is_unknown() ? Unknown : any_or_all(list, n, body);
  }
  template <typename Body>
  Truth any_or_all(const Value& list, const ExprNode& n, Body&& body) {
    auto element = [&](std::uint32_t i) -> ElementTruth {
      if (!spend(1)) return std::nullopt;
      bind(n.depth, list, n.args[0], i);
      return body();
    };
    const std::uint32_t size = list_size(list);
    return n.op == Op::AnyOf ? any_of(size, element) : all_of(size, element);
  }

  Value quantify(const ExprNode& n) {
    Value list = eval(n.args[0]);
    if (list.is_unknown()) return list;
    std::uint32_t size = list_size(list);
    switch (n.op) {
      case Op::AnyOf:
      case Op::AllOf:
        return value_of(any_or_all(list, n, [&] { return truth_of(eval(n.args[1])); }));
      case Op::CountOf: {
        double count = 0;
        for (std::uint32_t i = 0; i < size; ++i) {
          if (!spend(1)) return Value::unknown();
          bind(n.depth, list, n.args[0], i);
          Value v = eval(n.args[1]);
          if (v.is_unknown()) return v;
          count += v.boolean;
        }
        return Value::of_number(count);
      }
      default:
        return fold_numbers(n.op, list, [&](std::uint32_t i) {
          bind(n.depth, list, n.args[0], i);
          return eval(n.args[1]);
        });
    }
  }

  Value binary(const ExprNode& n) {
    Value l = eval(n.args[0]);
    Value r = eval(n.args[1]);
    if (l.is_unknown() || r.is_unknown()) return Value::unknown();
    if (!spend(comparison_steps(l, r))) return Value::unknown();
    switch (n.op) {
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual:
        return Value::of_bool(compare_values(n.op, l, r));
      case Op::Add:
        return Value::of_number(l.number + r.number);
      case Op::Subtract:
        return Value::of_number(l.number - r.number);
      case Op::Multiply:
        return Value::of_number(l.number * r.number);
      case Op::Divide:
        if (r.number == 0) return Value::unknown();
        return Value::of_number(l.number / r.number);
      case Op::DatePlusDays:
        return shift_date(l.date, r.number);
      case Op::DateMinusDays:
        return shift_date(l.date, -r.number);
      case Op::DateMinusDate:
        return Value::of_number(static_cast<double>(l.date) - r.date);
      default:
        return Value::unknown();
    }
  }

  // Fractions of a day are dropped; a result outside the calendar is unknown.
  static Value shift_date(DayNumber date, double days) {
    double shifted = static_cast<double>(date) + std::floor(days);
    if (!std::isfinite(shifted) || shifted < days_from_civil(1, 1, 1) ||
        shifted > days_from_civil(9999, 12, 31)) {
      return Value::unknown();
    }
    return Value::of_date(static_cast<DayNumber>(shifted));
  }

  // ---- Why a value is unknown -----------------------------------------------------------------

  // The path of a fact read through quantifier variables, with the elements' positions:
  // `stakeholders[2].role`.
  std::string realized_path(NodeIndex fact, int depth) const {
    const SchemaNode& node = plan.schema.node(fact);
    if (depth < 0) return node.path;
    const Binding& b = binders[static_cast<std::size_t>(depth)];
    if (b.list_node == kNoNode) return node.path;
    const SchemaNode& list = plan.schema.node(b.list_node);
    const std::string& element_path = plan.schema.node(list.element).path;
    std::string prefix =
        realized_path(b.list_node, b.parent_depth) + "[" + std::to_string(b.index) + "]";
    return prefix + node.path.substr(std::min(element_path.size(), node.path.size()));
  }

  void fact_cause(const FactValue& f, NodeIndex fact, int depth, Causes& out) {
    if (f.state == FactState::Missing) out.missing.push_back(realized_path(fact, depth));
    if (f.state == FactState::Invalid) out.invalid.push_back(realized_path(fact, depth));
  }

  void element_causes(const Value& list, ExprIndex list_expr, std::uint32_t i, Causes& out) {
    if (list.kind == Value::Kind::FactList) {
      bind(kScratchDepth(), list, list_expr, i);
      Binding& b = binders[kScratchDepth()];
      fact_cause(b.frame[0], list.element, static_cast<int>(kScratchDepth()), out);
    } else {
      collect_causes(node(list.list).args[i], out);
    }
  }

  // The spare binding slot past the deepest quantifier, used to name list elements in causes.
  std::uint32_t kScratchDepth() const { return static_cast<std::uint32_t>(binders.size() - 1); }

  // Precondition: eval(index) is unknown. Adds the facts (or other reasons) that made it so.
  void collect_causes(ExprIndex index, Causes& out) {
    const ExprNode& n = node(index);
    switch (n.op) {
      case Op::FactRead:
        fact_cause(facts.top[n.slot], n.fact, -1, out);
        return;
      case Op::BinderRead:
        fact_cause(binders[n.depth].frame[n.slot], n.fact, static_cast<int>(n.depth), out);
        return;
      case Op::BinderValue: {
        // A variable over a list written in the rules, or over a list fact reached through `??`.
        const Binding& b = binders[n.depth];
        if (b.list_literal != kNone) {
          collect_causes(node(b.list_literal).args[b.index], out);
        } else if (b.frame != nullptr) {
          fact_cause(b.frame[0], plan.schema.node(b.list_node).element, static_cast<int>(n.depth),
                     out);
        }
        return;
      }
      case Op::Divide:
      case Op::DatePlusDays:
      case Op::DateMinusDays: {
        // Unknown with both operands known: the operation itself had no result.
        Value l = eval(n.args[0]);
        Value r = eval(n.args[1]);
        if (l.is_unknown()) collect_causes(n.args[0], out);
        if (r.is_unknown()) collect_causes(n.args[1], out);
        if (!l.is_unknown() && !r.is_unknown()) {
          out.other.emplace_back(n.op == Op::Divide ? "division by zero" : "date out of range");
        }
        return;
      }
      case Op::In:
      case Op::NotIn:
      case Op::Sum:
      case Op::Min:
      case Op::Max: {
        ExprIndex list_expr = n.op == Op::In || n.op == Op::NotIn ? n.args[1] : n.args[0];
        if (n.op == Op::In || n.op == Op::NotIn) {
          if (eval(n.args[0]).is_unknown()) collect_causes(n.args[0], out);
        }
        Value list = eval(list_expr);
        if (list.is_unknown()) {
          collect_causes(list_expr, out);
          return;
        }
        std::uint32_t size = list_size(list);
        if (size == 0 && n.op != Op::In && n.op != Op::NotIn) out.other.emplace_back("empty list");
        for (std::uint32_t i = 0; i < size; ++i) {
          if (!spend(1)) return out_of_work_cause(out);
          if (element_value(list, i).is_unknown()) element_causes(list, list_expr, i, out);
        }
        return;
      }
      case Op::CountOf:
      case Op::AnyOf:
      case Op::AllOf:
      case Op::SumOf:
      case Op::MinOf:
      case Op::MaxOf: {
        Value list = eval(n.args[0]);
        if (list.is_unknown()) {
          collect_causes(n.args[0], out);
          return;
        }
        std::uint32_t size = list_size(list);
        if (size == 0) out.other.emplace_back("empty list");
        for (std::uint32_t i = 0; i < size; ++i) {
          if (!spend(1)) return out_of_work_cause(out);
          bind(n.depth, list, n.args[0], i);
          if (eval(n.args[1]).is_unknown()) collect_causes(n.args[1], out);
        }
        return;
      }
      case Op::Coalesce:
        collect_causes(n.args[0], out);
        collect_causes(n.args[1], out);
        return;
      default: {
        // Every other operator is unknown exactly when one of its operands is, or when the work
        // budget ran out on it (comparing or working on long text).
        bool operand_unknown = false;
        for (ExprIndex arg : n.args) {
          if (eval(arg).is_unknown()) {
            operand_unknown = true;
            collect_causes(arg, out);
          }
        }
        if (!operand_unknown && out_of_work) out_of_work_cause(out);
        return;
      }
    }
  }

  void out_of_work_cause(Causes& out) {
    if (std::find(out.other.begin(), out.other.end(), kOutOfWork) == out.other.end()) {
      out.other.emplace_back(kOutOfWork);
    }
  }
};

// A list shows its first `max_elements` elements, then how many more it has: explanations and
// checklists read by people show a few; messages, which are data, show all.
std::string render(Context& ctx, const Value& v, std::uint32_t max_elements = UINT32_MAX);
// Appends the rendering to `out` (no allocation beyond the string's own growth).
void render_to(Context& ctx, const Value& v, std::string& out,
               std::uint32_t max_elements = UINT32_MAX);

}  // namespace dealgate::evaluation
