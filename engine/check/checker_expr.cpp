// Types and names of expressions. An operand that already failed to check has the Error type and
// produces no further messages, so one mistake gives one diagnostic.
#include <fmt/format.h>

#include <array>

#include "engine/check/checker_internal.hpp"
#include "grammar/pasted_text.hpp"
#include "base/suggest.hpp"

namespace dealgate::checking {
namespace {

using K = Type::Kind;

bool is(const TypeRef& t, K k) {
  return t->kind == k;
}
bool is_error(const TypeRef& t) {
  return t->kind == K::Error;
}
bool is_list(const TypeRef& t) {
  return t->kind == K::List || t->kind == K::EmptyList;
}
bool is_scalar(const TypeRef& t) {
  return t->kind == K::Bool || t->kind == K::Number || t->kind == K::String || t->kind == K::Date;
}

TypeRef error_type() {
  return Type::make(K::Error);
}

TypeRef type_of_node(const Schema& schema, NodeIndex n) {
  const SchemaNode& node = schema.node(n);
  switch (node.type) {
    case ValueType::List:
      return Type::list_of(node.element == kNoNode ? error_type()
                                                   : type_of_node(schema, node.element));
    case ValueType::Record:
      return Type::record_at(n);
    default:
      return type_from_kind(node.type);
  }
}

struct FunctionInfo {
  const char* name;
  int arity;          // arguments of the plain call form; -1 when only the variable form exists
  bool takes_binder;  // has the `f(x in list: ...)` form
};

constexpr std::array<FunctionInfo, 11> kFunctions{{
    {"count", 1, true},
    {"any", -1, true},
    {"all", -1, true},
    {"exists", 1, false},
    {"sum", 1, true},
    {"min", 1, true},
    {"max", 1, true},
    {"lower", 1, false},
    {"contains", 2, false},
    {"starts_with", 2, false},
    {"len", 1, false},
}};

const FunctionInfo* find_function(const std::string& name) {
  for (const FunctionInfo& f : kFunctions) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : kFunctions) names.emplace_back(f.name);
  return names;
}

std::string dotted(const std::vector<ast::Ident>& path, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < path.size(); ++i) {
    if (i) out += '.';
    out += path[i].name;
  }
  return out;
}

// Whether a name of type `candidate` may be offered where `expected` is wanted; a record may
// always be, as the path goes on into its fields (`valeu.confirmed`), and only a record can stand
// before a further `.field`.
bool fits(const TypeRef& candidate, const TypeRef& expected, bool more_segments) {
  if (!candidate) return true;
  if (candidate->kind == K::Record) return true;
  if (more_segments) return false;
  return !expected || same_type(*candidate, *expected);
}

// What a function's argument should be, for the names offered when it is misspelt.
TypeRef argument_hint(const std::string& function, std::size_t i) {
  if (function == "count") return Type::list_of(error_type());
  if (function == "sum" || function == "min" || function == "max")
    return Type::list_of(Type::make(K::Number));
  if (function == "lower" || function == "len" || function == "contains" ||
      function == "starts_with") {
    return i < 2 ? Type::make(K::String) : nullptr;
  }
  return nullptr;
}

// What one operand of `op` should be, given the other's type, for the names offered when it is
// misspelt: the same type for `==` and `??`, a list of it for `in`, numbers for `*`. Nothing for
// `+` and `-`, where a date and a number mix.
TypeRef operand_hint(ast::BinaryOp op, const TypeRef& other, bool is_left) {
  using Op = ast::BinaryOp;
  switch (op) {
    case Op::And:
    case Op::Or:
      return Type::make(K::Bool);
    case Op::Multiply:
    case Op::Divide:
      return Type::make(K::Number);
    case Op::Add:
    case Op::Subtract:
      return nullptr;
    default:
      break;
  }
  if (!other || is_error(other)) return nullptr;
  if (op == Op::In || op == Op::NotIn) {
    if (!is_left) return Type::list_of(other);
    return is(other, K::List) ? other->element : nullptr;
  }
  bool ordering =
      op == Op::Less || op == Op::LessEqual || op == Op::Greater || op == Op::GreaterEqual;
  if (ordering && !is(other, K::Number) && !is(other, K::Date)) return nullptr;
  return other;
}

}  // namespace

// The operands of a binary expression, each checked with what the other says about its type. A
// lone name beside a literal or an expression is checked second (`account == "Acme"`: a string).
template <typename Operand>
std::pair<TypeRef, TypeRef> Checker::binary_operands(const ast::Expr& e, Operand& operand) {
  bool right_first =
      e.args[0]->kind == ast::Expr::Kind::Path && e.args[1]->kind != ast::Expr::Kind::Path;
  if (right_first) {
    TypeRef r = operand(e.args[1], operand_hint(e.binary_op, nullptr, false));
    TypeRef l = operand(e.args[0], operand_hint(e.binary_op, r, true));
    return {l, r};
  }
  TypeRef l = operand(e.args[0], operand_hint(e.binary_op, nullptr, true));
  TypeRef r = operand(e.args[1], operand_hint(e.binary_op, l, false));
  return {l, r};
}

TypeRef Checker::const_type(std::uint32_t index) {
  ConstInfo& c = out_.consts[index];
  if (c.visit == 2) return c.type;
  if (c.visit == 1) {
    diag_.error("const-cycle", c.decl->name.span,
                fmt::format("const `{}` is defined in terms of itself", c.decl->name.name));
    c.type = error_type();
    return c.type;
  }
  c.visit = 1;
  bool saved = in_const_;
  std::string saved_context = const_context_;
  in_const_ = true;
  const_context_ = fmt::format("const `{}`", c.decl->name.name);
  TypeRef t = check_expr(*c.decl->value);
  in_const_ = saved;
  const_context_ = saved_context;
  c.type = t;
  c.visit = 2;
  return t;
}

void Checker::check_message(const ast::Message& message) {
  for (const ast::MessagePart& part : message.parts) {
    if (!part.expr) continue;
    TypeRef t = check_expr(*part.expr);
    if (is(t, K::Record)) {
      diag_.error("message-type", part.expr->span, "a message cannot show a whole record",
                  "name one of its fields, such as `{value.price}`");
    }
  }
}

bool Checker::report_keyword_case(const ast::Ident& name, const char* code) {
  std::optional<PastedText> hint = keyword_in_other_case(name.name);
  if (!hint) return false;
  diag_.error(code, name.span, std::move(hint->message), std::move(hint->help));
  return true;
}

TypeRef Checker::check_expr(const ast::Expr& e, const TypeRef& expected) {
  ExprInfo info;
  auto finish = [&](TypeRef t) {
    info.type = t;
    out_.exprs[&e] = info;
    return t;
  };
  auto operand = [&](const ast::ExprPtr& p, const TypeRef& want = nullptr) {
    TypeRef t = check_expr(*p, want);
    info.reads_deal = info.reads_deal || out_.exprs[p.get()].reads_deal;
    return t;
  };
  // The fields of a record node, each marked by whether its type fits at segment `i` of the path.
  auto field_candidates = [&](NodeIndex record, std::size_t i, bool full_path) {
    std::vector<Candidate> out;
    for (NodeIndex f : out_.schema.node(record).fields) {
      const SchemaNode& field = out_.schema.node(f);
      out.push_back({full_path ? field.path : field.name,
                     fits(type_of_node(out_.schema, f), expected, i + 1 < e.path.size())});
    }
    return out;
  };
  // Every declared fact path, for a path misspelt in more than its first segment.
  auto path_candidates = [&]() {
    std::vector<Candidate> out;
    for (std::string& path : out_.schema.all_paths()) {
      NodeIndex node = out_.schema.find_path(path);
      bool ok = node == kNoNode || fits(type_of_node(out_.schema, node), expected, false);
      out.push_back({std::move(path), ok});
    }
    return out;
  };

  switch (e.kind) {
    case ast::Expr::Kind::Number:
      return finish(Type::make(K::Number));
    case ast::Expr::Kind::String:
      return finish(Type::make(K::String));
    case ast::Expr::Kind::Bool:
      return finish(Type::make(K::Bool));
    case ast::Expr::Kind::Date:
      return finish(Type::make(K::Date));
    case ast::Expr::Kind::Today:
      info.reads_deal = true;
      if (in_const_) {
        diag_.error("const-reads-deal", e.span,
                    fmt::format("{} cannot use `today`", const_context_),
                    "`today` changes with every run; use it in a condition instead");
        return finish(error_type());
      }
      return finish(Type::make(K::Date));

    case ast::Expr::Kind::List: {
      TypeRef element;
      for (const ast::ExprPtr& item : e.args) {
        TypeRef t = operand(item);
        if (is_error(t)) continue;
        if (!is_scalar(t)) {
          diag_.error(
              "list-element", item->span,
              fmt::format("a list holds bools, numbers, strings or dates, not {}", describe(*t)));
          continue;
        }
        if (!element) {
          element = t;
        } else if (!same_type(*element, *t)) {
          diag_.error(
              "list-element", item->span,
              fmt::format(
                  "every element of a list has the same type; this one is {}, the first is {}",
                  describe(*t), describe(*element)));
        }
      }
      return finish(element ? Type::list_of(element) : Type::make(K::EmptyList));
    }

    case ast::Expr::Kind::Record:
      diag_.error("record-literal", e.span,
                  "a record `{ ... }` can only be written in a test's `given`");
      return finish(error_type());

    case ast::Expr::Kind::Path: {
      const std::string& first = e.path[0].name;
      // Innermost quantifier variable first.
      for (std::size_t d = binders_.size(); d-- > 0;) {
        const Binder& b = binders_[d];
        if (b.name != first) continue;
        info.target.kind = PathTarget::Kind::Binder;
        info.target.index = static_cast<std::uint32_t>(d);
        info.target.fact = b.element;
        info.reads_deal = true;
        TypeRef t = b.type;
        NodeIndex node = b.element;
        // A variable over a list that did not check has already been reported, once.
        if (is_error(t)) return finish(t);
        for (std::size_t i = 1; i < e.path.size(); ++i) {
          if (!is(t, K::Record) || node == kNoNode) {
            diag_.error("not-a-record", e.path[i].span,
                        fmt::format("`{}` is {} and has no field `{}`", dotted(e.path, i),
                                    describe(*t), e.path[i].name));
            return finish(error_type());
          }
          NodeIndex field = out_.schema.find_field(node, e.path[i].name);
          if (field == kNoNode) {
            diag_.error("unknown-fact", e.path[i].span,
                        fmt::format("`{}` has no field `{}`", dotted(e.path, i), e.path[i].name),
                        did_you_mean(e.path[i].name, field_candidates(node, i, false)));
            return finish(error_type());
          }
          node = field;
          t = type_of_node(out_.schema, node);
        }
        if (node != kNoNode) fact_used_[node] = true;
        info.target.fact = node;
        return finish(t);
      }
      auto symbol = symbols_.find(first);
      // A const or param named like a fact is already an error; reading `name.field` then
      // means the fact, so the one mistake is not reported again at every use.
      bool clashes_with_fact = symbol != symbols_.end() && e.path.size() > 1 &&
                               out_.schema.find_field(kNoNode, first) != kNoNode;
      if (symbol != symbols_.end() && !clashes_with_fact) {
        const Symbol& s = symbol->second;
        if (s.kind == Symbol::Kind::Waiver) {
          if (out_.schema.find_field(kNoNode, first) == kNoNode) {
            diag_.error("block-in-expression", e.path[0].span,
                        fmt::format("`{}` is a waiver; a condition cannot read it", first),
                        "a waiver says which conditions it waives with `waives`");
            return finish(error_type());
          }
        } else if (s.kind == Symbol::Kind::Milestone || s.kind == Symbol::Kind::Gate) {
          if (out_.schema.find_field(kNoNode, first) == kNoNode) {
            diag_.error("block-in-expression", e.path[0].span,
                        fmt::format("`{}` is a {}; a condition cannot read its status", first,
                                    s.kind == Symbol::Kind::Gate ? "gate" : "milestone"),
                        fmt::format("to depend on it, write `requires {}` in the block", first));
            return finish(error_type());
          }
        } else {
          if (e.path.size() > 1) {
            diag_.error(
                "not-a-record", e.path[1].span,
                fmt::format("`{}` is a {} and has no field `{}`", first,
                            s.kind == Symbol::Kind::Const ? "const" : "param", e.path[1].name));
            return finish(error_type());
          }
          if (s.kind == Symbol::Kind::Const) {
            info.target = {PathTarget::Kind::Const, s.index, kNoNode};
            return finish(const_type(s.index));
          }
          info.target = {PathTarget::Kind::Param, s.index, kNoNode};
          info.reads_deal = true;
          if (in_const_) {
            diag_.error("const-reads-deal", e.span,
                        fmt::format("{} cannot use param `{}`", const_context_, first),
                        "a const or a param's default is fixed when the rules compile");
            return finish(error_type());
          }
          const ParamInfo& p = out_.params[s.index];
          return finish(p.type ? p.type : type_from_kind(value_type_of(*p.decl->type)));
        }
      }
      NodeIndex node = out_.schema.find_field(kNoNode, first);
      if (node == kNoNode && e.path.size() == 1 && report_keyword_case(e.path[0], "unknown-name")) {
        return finish(error_type());
      }
      if (node == kNoNode) {
        bool more = e.path.size() > 1;
        std::vector<Candidate> names;
        for (NodeIndex f : out_.schema.top_fields()) {
          names.push_back(
              {out_.schema.node(f).name, fits(type_of_node(out_.schema, f), expected, more)});
        }
        for (const auto& [n, s] : symbols_) {
          if (s.kind == Symbol::Kind::Const) {
            const ConstInfo& c = out_.consts[s.index];
            names.push_back({n, fits(c.visit == 2 ? c.type : nullptr, expected, more)});
          } else if (s.kind == Symbol::Kind::Param) {
            names.push_back({n, fits(out_.params[s.index].type, expected, more)});
          }
        }
        for (const Binder& b : binders_) names.push_back({b.name, fits(b.type, expected, more)});
        std::string help = did_you_mean(first, names);
        if (help.empty() && more)
          help = did_you_mean(dotted(e.path, e.path.size()), path_candidates());
        diag_.error("unknown-name", e.path[0].span,
                    fmt::format("`{}` is not a declared fact, const or param", first), help);
        return finish(error_type());
      }
      info.reads_deal = true;
      if (in_const_) {
        diag_.error("const-reads-deal", e.span,
                    fmt::format("{} cannot read the fact `{}`", const_context_,
                                dotted(e.path, e.path.size())),
                    "a const is the same for every deal; read facts in conditions");
        return finish(error_type());
      }
      for (std::size_t i = 1; i < e.path.size(); ++i) {
        const SchemaNode& at = out_.schema.node(node);
        if (at.type == ValueType::List) {
          diag_.error(
              "not-a-record", e.path[i].span,
              fmt::format("`{}` is a list; its elements' fields are read with a variable", at.path),
              fmt::format("for example `any(x in {}: x.{} ...)`", at.path, e.path[i].name));
          return finish(error_type());
        }
        if (at.type != ValueType::Record) {
          diag_.error("not-a-record", e.path[i].span,
                      fmt::format("`{}` is a {} and has no field `{}`", at.path,
                                  describe(*type_of_node(out_.schema, node)), e.path[i].name));
          return finish(error_type());
        }
        NodeIndex field = out_.schema.find_field(node, e.path[i].name);
        if (field == kNoNode) {
          std::string wanted = dotted(e.path, i + 1);
          std::string help = did_you_mean(wanted, field_candidates(node, i, true));
          if (help.empty()) help = did_you_mean(dotted(e.path, e.path.size()), path_candidates());
          diag_.error("unknown-fact", Span::join(e.path[0].span, e.path[i].span),
                      fmt::format("`{}` is not a declared fact", wanted), help);
          return finish(error_type());
        }
        node = field;
      }
      fact_used_[node] = true;
      info.target = {PathTarget::Kind::Fact, node, node};
      return finish(type_of_node(out_.schema, node));
    }

    case ast::Expr::Kind::Unary: {
      TypeRef t =
          operand(e.args[0], Type::make(e.unary_op == ast::UnaryOp::Not ? K::Bool : K::Number));
      if (is_error(t))
        return finish(e.unary_op == ast::UnaryOp::Not ? Type::make(K::Bool) : error_type());
      if (e.unary_op == ast::UnaryOp::Not) {
        if (!is(t, K::Bool)) {
          diag_.error(
              "type-mismatch", e.args[0]->span,
              fmt::format("`not` needs a condition (true or false), but this is {}", describe(*t)));
        }
        return finish(Type::make(K::Bool));
      }
      if (!is(t, K::Number)) {
        diag_.error("type-mismatch", e.args[0]->span,
                    fmt::format("`-` needs a number, but this is {}", describe(*t)));
        return finish(error_type());
      }
      return finish(t);
    }

    case ast::Expr::Kind::Binary: {
      auto [l, r] = binary_operands(e, operand);
      const char* op = ast::binary_op_text(e.binary_op);
      bool any_error = is_error(l) || is_error(r);
      auto mismatch = [&](const std::string& message, const std::string& help = {}) {
        diag_.error("type-mismatch", e.op_span, message, help);
      };
      switch (e.binary_op) {
        case ast::BinaryOp::And:
        case ast::BinaryOp::Or:
          if (!any_error) {
            if (!is(l, K::Bool)) {
              mismatch(fmt::format("`{}` needs conditions on both sides, but the left side is {}",
                                   op, describe(*l)));
            } else if (!is(r, K::Bool)) {
              mismatch(fmt::format("`{}` needs conditions on both sides, but the right side is {}",
                                   op, describe(*r)));
            }
          }
          return finish(Type::make(K::Bool));
        case ast::BinaryOp::Equal:
        case ast::BinaryOp::NotEqual:
          if (!any_error) {
            if (!is_scalar(l) || !is_scalar(r)) {
              mismatch(fmt::format("`{}` compares bools, numbers, strings or dates, not {} and {}",
                                   op, describe(*l), describe(*r)),
                       is_list(r) ? "to test whether a value is in a list, use `in`" : "");
            } else if (!same_type(*l, *r)) {
              mismatch(fmt::format("cannot compare {} with {}", describe(*l), describe(*r)),
                       "both sides of a comparison must have the same type");
            }
          }
          return finish(Type::make(K::Bool));
        case ast::BinaryOp::Less:
        case ast::BinaryOp::LessEqual:
        case ast::BinaryOp::Greater:
        case ast::BinaryOp::GreaterEqual:
          if (!any_error) {
            bool ordered =
                (is(l, K::Number) && is(r, K::Number)) || (is(l, K::Date) && is(r, K::Date));
            if (!ordered) {
              mismatch(fmt::format("`{}` compares two numbers or two dates, not {} and {}", op,
                                   describe(*l), describe(*r)));
            }
          }
          return finish(Type::make(K::Bool));
        case ast::BinaryOp::In:
        case ast::BinaryOp::NotIn:
          if (!any_error) {
            if (!is_list(r)) {
              mismatch(
                  fmt::format("`{}` needs a list on its right, but this is {}", op, describe(*r)),
                  is(r, K::String) && is(l, K::String)
                      ? "to search inside text, use `contains(text, part)`"
                      : "");
            } else if (is(r, K::List) && !same_type(*l, *r->element)) {
              mismatch(fmt::format("cannot look for {} in {}", describe(*l), describe(*r)),
                       "the value and the list's elements must have the same type");
            }
          }
          return finish(Type::make(K::Bool));
        case ast::BinaryOp::Add:
          if (any_error) return finish(error_type());
          if (is(l, K::Number) && is(r, K::Number)) return finish(l);
          if ((is(l, K::Date) && is(r, K::Number)) || (is(l, K::Number) && is(r, K::Date)))
            return finish(Type::make(K::Date));
          mismatch(fmt::format("cannot add {} and {}", describe(*l), describe(*r)),
                   "`+` adds numbers, or a number of days to a date");
          return finish(error_type());
        case ast::BinaryOp::Subtract:
          if (any_error) return finish(error_type());
          if (is(l, K::Number) && is(r, K::Number)) return finish(l);
          if (is(l, K::Date) && is(r, K::Date)) return finish(Type::make(K::Number));
          if (is(l, K::Date) && is(r, K::Number)) return finish(l);
          mismatch(fmt::format("cannot subtract {} from {}", describe(*r), describe(*l)),
                   "`-` subtracts numbers, days from a date, or two dates (giving days)");
          return finish(error_type());
        case ast::BinaryOp::Multiply:
        case ast::BinaryOp::Divide:
          if (any_error) return finish(error_type());
          if (is(l, K::Number) && is(r, K::Number)) return finish(l);
          mismatch(
              fmt::format("`{}` needs two numbers, not {} and {}", op, describe(*l), describe(*r)));
          return finish(error_type());
        case ast::BinaryOp::Coalesce:
          if (any_error) return finish(is_error(l) ? r : l);
          if (!same_type(*l, *r)) {
            mismatch(fmt::format("both sides of `??` must have the same type, not {} and {}",
                                 describe(*l), describe(*r)),
                     "the right side is the value to use when the left one is missing");
            return finish(error_type());
          }
          // The fallback decides constness only together with the left side.
          return finish(is(l, K::EmptyList) ? r : l);
      }
      return finish(error_type());
    }

    case ast::Expr::Kind::Call: {
      const std::string& name = e.callee.name;
      const FunctionInfo* f = find_function(name);
      if (!f && report_keyword_case(e.callee, "unknown-function")) {
        for (const auto& a : e.args) operand(a);
        return finish(error_type());
      }
      if (!f) {
        diag_.error("unknown-function", e.callee.span,
                    fmt::format("there is no function `{}`", name),
                    did_you_mean(name, function_names()));
        for (const auto& a : e.args) operand(a);
        return finish(error_type());
      }
      if (f->arity < 0) {
        diag_.error("missing-variable", e.span,
                    fmt::format("`{}` needs a variable and a condition", name),
                    fmt::format("for example `{}(s in stakeholders: s.engaged)`", name));
        for (const auto& a : e.args) operand(a);
        return finish(Type::make(K::Bool));
      }
      if (static_cast<int>(e.args.size()) != f->arity) {
        diag_.error("wrong-arity", e.span,
                    fmt::format("`{}` takes {} argument{}, but {} {} given", name, f->arity,
                                f->arity == 1 ? "" : "s", e.args.size(),
                                e.args.size() == 1 ? "was" : "were"));
        for (const auto& a : e.args) operand(a);
        return finish(error_type());
      }
      std::vector<TypeRef> args;
      for (std::size_t i = 0; i < e.args.size(); ++i)
        args.push_back(operand(e.args[i], argument_hint(name, i)));
      bool any_error = false;
      for (const auto& t : args) any_error = any_error || is_error(t);
      auto expect = [&](std::size_t i, bool ok, const char* what) {
        if (!ok && !any_error) {
          diag_.error("type-mismatch", e.args[i]->span,
                      fmt::format("`{}` needs {}, but this is {}", name, what, describe(*args[i])));
          any_error = true;
        }
      };
      if (name == "count") {
        expect(0, is_list(args[0]), "a list");
        return finish(Type::make(K::Number));
      }
      if (name == "exists") {
        const ExprInfo& a = out_.exprs[e.args[0].get()];
        bool is_fact = e.args[0]->kind == ast::Expr::Kind::Path &&
                       (a.target.kind == PathTarget::Kind::Fact ||
                        (a.target.kind == PathTarget::Kind::Binder && a.target.fact != kNoNode));
        if (!is_fact && !any_error) {
          diag_.error("exists-needs-fact", e.args[0]->span,
                      "`exists` takes a fact, such as `exists(value.price)`");
        }
        info.reads_deal = true;
        return finish(Type::make(K::Bool));
      }
      if (name == "sum" || name == "min" || name == "max") {
        expect(
            0,
            is(args[0], K::EmptyList) || (is(args[0], K::List) && is(args[0]->element, K::Number)),
            "a list of numbers");
        return finish(Type::make(K::Number));
      }
      if (name == "lower") {
        expect(0, is(args[0], K::String), "a string");
        return finish(Type::make(K::String));
      }
      if (name == "len") {
        expect(0, is(args[0], K::String), "a string");
        return finish(Type::make(K::Number));
      }
      // contains, starts_with
      expect(0, is(args[0], K::String), "a string first");
      expect(1, is(args[1], K::String), "a string second");
      return finish(Type::make(K::Bool));
    }

    case ast::Expr::Kind::Quantifier: {
      const std::string& name = e.callee.name;
      const FunctionInfo* f = find_function(name);
      TypeRef list = operand(e.args[0], Type::list_of(error_type()));
      const ExprInfo& list_info = out_.exprs[e.args[0].get()];
      bool body_is_bool = name == "any" || name == "all" || name == "count";
      if (!f || !f->takes_binder) {
        diag_.error(f ? "no-variable-form" : "unknown-function", e.callee.span,
                    f ? fmt::format("`{}` does not take a variable", name)
                      : fmt::format("there is no function `{}`", name),
                    f ? "the functions that take `x in list:` are any, all, count, sum, min and max"
                      : did_you_mean(name, function_names()));
        return finish(error_type());
      }
      Binder binder{e.binder.name, error_type(), kNoNode};
      if (!is_error(list) && !is_list(list)) {
        diag_.error("not-a-list", e.args[0]->span,
                    fmt::format("`{}` goes over a list, but this is {}", name, describe(*list)));
      } else if (is(list, K::List)) {
        binder.type = list->element;
        NodeIndex list_node = list_info.target.fact;
        if (e.args[0]->kind == ast::Expr::Kind::Path && list_node != kNoNode) {
          binder.element = out_.schema.node(list_node).element;
          info.list_element = binder.element;
        }
      }
      binders_.push_back(binder);
      TypeRef body = operand(e.args[1], Type::make(body_is_bool ? K::Bool : K::Number));
      binders_.pop_back();
      if (!is_error(body)) {
        if (body_is_bool && !is(body, K::Bool)) {
          diag_.error("type-mismatch", e.args[1]->span,
                      fmt::format("the condition of `{}` must be true or false, but this is {}",
                                  name, describe(*body)));
        } else if (!body_is_bool && !is(body, K::Number)) {
          diag_.error("type-mismatch", e.args[1]->span,
                      fmt::format("`{}` adds up numbers, but this is {}", name, describe(*body)));
        }
      }
      return finish(Type::make(name == "any" || name == "all" ? K::Bool : K::Number));
    }
  }
  return finish(error_type());
}

}  // namespace dealgate::checking
