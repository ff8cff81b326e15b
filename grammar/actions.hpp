// What happens when a rule of grammar.hpp matches: the owned AST is built on a few stacks in
// `parse_state`, with a byte span on every node. Non-fatal problems (impossible dates, bad
// escapes) are reported here and parsing goes on. Only parser.cpp includes this file.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "base/utf8.hpp"
#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/errors.hpp"
#include "grammar/grammar.hpp"

namespace dealgate::grammar {

// A syntax error as it will be reported; filled in before a pegtl::parse_error is thrown.
struct syntax_error {
  std::string message;
  std::string help;
  Span span;
  std::vector<Note> notes;
  std::string code = "syntax";  // "pasted-text" for what a word processor left
};

struct parse_state {
  struct op_token {
    ast::BinaryOp binary = ast::BinaryOp::Or;
    ast::UnaryOp unary = ast::UnaryOp::Not;
    Span span;
  };
  // An open bracket (`(`, `any(`, `[`, `{`, `list<`), for "expected `)` to close `any(`".
  struct opener {
    std::string text;
    Span span;
  };

  parse_state(FileId id, std::string_view text, Diagnostics& diags)
      : file(id), source(text), diagnostics(diags) {
    out.file = id;
  }

  FileId file;
  std::string_view source;
  Diagnostics& diagnostics;
  ast::File out;

  std::vector<ast::ExprPtr> exprs;
  std::vector<int> heights;  // of each tree in `exprs`, for kMaxExprHeight
  int popped_height = 0;
  std::vector<op_token> ops;
  std::vector<ast::TypeExprPtr> types;
  std::vector<ast::Ident> names;
  std::vector<opener> opens;

  std::string text;                // the string literal or message text being read
  std::uint32_t string_begin = 0;  // offset of the opening quote of the plain string being read
  std::uint32_t message_begin = 0;
  ast::Message message;
  bool in_given = false;
  int interpolation_depth = 0;
  std::string context;  // "milestone `x`": the declaration being read, for messages

  // Maintained by the control in parser.cpp.
  std::vector<std::uint32_t> must_starts;  // where each active must-point began
  int depth = 0;                           // expression nesting
  std::optional<syntax_error> error;

  std::uint32_t offset(const char* p) const {
    return static_cast<std::uint32_t>(p - source.data());
  }
  Span span(const char* begin, const char* end) const { return {file, offset(begin), offset(end)}; }
  template <typename ActionInput>
  Span span(const ActionInput& in) const {
    return span(in.begin(), in.end());
  }

  void push_expr(ast::ExprPtr e, int height = 1) {
    exprs.push_back(std::move(e));
    heights.push_back(height);
  }
  // Pops the expression on top; its height is left in `popped_height`.
  ast::ExprPtr pop_expr() {
    ast::ExprPtr e = std::move(exprs.back());
    exprs.pop_back();
    popped_height = heights.back();
    heights.pop_back();
    return e;
  }
  // The expression on top gained a child of height `child`: a tree deeper than kMaxExprHeight is
  // an error, so that no later pass (checker, evaluator, even the destructor) recurses too deep.
  template <typename ActionInput>
  void grow(const ActionInput& in, int child, Span at) {
    heights.back() = std::max(heights.back(), child + 1);
    if (heights.back() > kMaxExprHeight) fail(in, kTooComplex, kTooComplexHelp, at);
  }
  ast::TypeExprPtr pop_type() {
    ast::TypeExprPtr t = std::move(types.back());
    types.pop_back();
    return t;
  }
  ast::Ident pop_name() {
    ast::Ident n = std::move(names.back());
    names.pop_back();
    return n;
  }
  op_token pop_op() {
    op_token o = ops.back();
    ops.pop_back();
    return o;
  }
  template <typename Decl>
  Decl& current() {
    return std::get<Decl>(out.decls.back());
  }
  ast::Block& block() { return current<ast::Block>(); }
  ast::Condition& condition() { return block().conditions.back(); }
  ast::TestDecl& test() { return current<ast::TestDecl>(); }
  ast::Expectation& expectation() { return test().expectations.back(); }

  // Reports a syntax error found by an action and stops the parse.
  template <typename ActionInput>
  [[noreturn]] void fail(const ActionInput& in, std::string msg, std::string help, Span at) {
    error = syntax_error{std::move(msg), std::move(help), at, {}};
    throw tao::pegtl::parse_error(error->message, in);
  }
};

inline ast::ExprPtr make_expr(ast::Expr::Kind kind, Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

inline ast::TypeExprPtr make_type(ast::TypeExpr::Kind kind, Span span) {
  auto t = std::make_unique<ast::TypeExpr>();
  t->kind = kind;
  t->span = span;
  return t;
}

// `@2026-02-30` is read as written; an impossible day is reported and parsing goes on.
template <typename ActionInput>
ast::ExprPtr make_date(const ActionInput& in, parse_state& s) {
  auto e = make_expr(ast::Expr::Kind::Date, s.span(in));
  std::string_view text(in.begin() + 1, in.size() - 1);
  auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  e->text = std::string(text);
  e->year = number(0, 4);
  e->month = number(5, 2);
  e->day = number(8, 2);
  if (!is_valid_date(e->year, e->month, e->day)) {
    static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
    std::string why;
    if (e->year < 1) {
      why = "years start at 0001";
    } else if (e->month < 1 || e->month > 12) {
      why = fmt::format("there is no month {}", e->month);
    } else if (e->day < 1) {
      why = "there is no day 0";
    } else {
      int last = 28;
      while (last < 31 && is_valid_date(e->year, e->month, last + 1)) ++last;
      why = fmt::format("{} {} has {} days", kMonths[e->month - 1], e->year, last);
    }
    s.diagnostics.error("invalid-date", e->span, fmt::format("`{}` is not a date: {}", text, why));
  }
  return e;
}

inline constexpr const char* kEscapeHelp =
    "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{...}` with 1 to 6 hex digits";

// ---- The actions --------------------------------------------------------------------------------

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

// Comments are lexical: a comment may be read twice when a branch backtracks, so keep one per
// offset.
template <>
struct action<comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    Span span = s.span(in);
    if (s.interpolation_depth > 0) {
      s.fail(in, kCommentInInterpolation, kCommentInInterpolationHelp,
             Span{s.file, span.begin, span.begin + 1});
    }
    auto& comments = s.out.comments;
    // A re-read comment is one of the last few read: look back only as far as its offset.
    for (auto c = comments.rbegin(); c != comments.rend() && c->span.begin >= span.begin; ++c) {
      if (c->span.begin == span.begin) return;
    }
    comments.push_back({span});
  }
};

// ---- Strings and escapes

template <>
struct action<string_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.text.clear();
    s.string_begin = s.offset(in.begin());
  }
};

struct append_text {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.text.append(in.begin(), in.end());
  }
};
template <>
struct action<string_text> : append_text {};
template <>
struct action<message_text> : append_text {};

template <>
struct action<escape_simple> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    switch (*in.begin()) {
      case 'n':
        s.text += '\n';
        break;
      case 't':
        s.text += '\t';
        break;
      default:
        s.text += *in.begin();
    }
  }
};

template <>
struct action<escape_unicode> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    std::string_view hex(in.begin() + 2, in.size() - 3);
    std::uint32_t cp = 0;
    std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      Span at = s.span(in.begin() - 1, in.end());
      s.diagnostics.error("invalid-escape", at,
                          fmt::format("`\\u{{{}}}` is not a Unicode scalar value", hex),
                          "code points go up to `10FFFF` and exclude the surrogates `D800`-`DFFF`");
      return;
    }
    append_utf8(s.text, cp);
  }
};

template <>
struct action<escape_malformed_unicode> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.diagnostics.error("invalid-escape", s.span(in.begin() - 1, in.end()),
                        "malformed Unicode escape",
                        "write `\\u{` then 1 to 6 hex digits then `}`, like `\\u{1F600}`");
  }
};

template <>
struct action<escape_unknown> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.diagnostics.error("invalid-escape", s.span(in.begin() - 1, in.end()),
                        fmt::format("unknown escape `\\{}`", in.string_view()), kEscapeHelp);
    s.text.append(in.begin(), in.end());
  }
};

// ---- Messages

template <>
struct action<message_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.text.clear();
    s.message = {};
    s.message_begin = s.offset(in.begin());
  }
};

inline void flush_message_text(parse_state& s) {
  if (s.text.empty()) return;
  ast::MessagePart part;
  part.text = std::move(s.text);
  s.message.parts.push_back(std::move(part));
  s.text.clear();
}

template <>
struct action<message_open_brace> {
  static void apply0(parse_state& s) { s.text += '{'; }
};
template <>
struct action<message_close_brace> {
  static void apply0(parse_state& s) { s.text += '}'; }
};

template <>
struct action<interpolation_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    flush_message_text(s);
    s.opens.push_back({"{", s.span(in)});
    ++s.interpolation_depth;
  }
};

template <>
struct action<interpolation> {
  static void apply0(parse_state& s) {
    ast::MessagePart part;
    part.expr = s.pop_expr();
    s.message.parts.push_back(std::move(part));
    s.opens.pop_back();
    --s.interpolation_depth;
    s.text.clear();  // a string inside the interpolation used the buffer
  }
};

template <>
struct action<else_message> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    flush_message_text(s);
    s.message.span = s.span(in);
    s.condition().message = std::move(s.message);
    s.message = {};
  }
};

// ---- Literals

template <>
struct action<number_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    std::string digits;
    for (char c : in.string_view()) {
      if (c != '_') digits += c;
    }
    auto e = make_expr(ast::Expr::Kind::Number, s.span(in));
    auto result = std::from_chars(digits.data(), digits.data() + digits.size(), e->number);
    if (result.ec == std::errc::result_out_of_range) {
      s.diagnostics.error("invalid-number", e->span, "number is too large",
                          "numbers are IEEE doubles, up to about `1.8e308`");
    }
    s.push_expr(std::move(e));
  }
};

template <>
struct action<string_expr> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto e = make_expr(ast::Expr::Kind::String, s.span(in));
    e->text = s.text;
    s.push_expr(std::move(e));
  }
};

template <>
struct action<date_expr> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.push_expr(make_date(in, s));
  }
};

template <bool Value>
struct push_bool {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto e = make_expr(ast::Expr::Kind::Bool, s.span(in));
    e->boolean = Value;
    s.push_expr(std::move(e));
  }
};
template <>
struct action<true_literal> : push_bool<true> {};
template <>
struct action<false_literal> : push_bool<false> {};

template <>
struct action<today_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.push_expr(make_expr(ast::Expr::Kind::Today, s.span(in)));
  }
};

// ---- Brackets: lists, parentheses, records

template <>
struct action<list_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.push_expr(make_expr(ast::Expr::Kind::List, s.span(in)));
    s.opens.push_back({"[", s.span(in)});
  }
};

struct append_argument {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::ExprPtr arg = s.pop_expr();
    Span at = arg->span;
    s.exprs.back()->args.push_back(std::move(arg));
    s.grow(in, s.popped_height, at);
  }
};
template <>
struct action<list_element> : append_argument {};
template <>
struct action<call_argument> : append_argument {};
template <>
struct action<binder_argument> : append_argument {};
template <>
struct action<quantifier_body> : append_argument {};

// The closing bracket ends the node that its opener started.
struct close_bracket {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.exprs.back()->span.end = s.offset(in.end());
    s.opens.pop_back();
  }
};
template <>
struct action<list_close> : close_bracket {};
template <>
struct action<call_close> : close_bracket {};
template <>
struct action<record_close> : close_bracket {};

template <>
struct action<paren_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.opens.push_back({"(", s.span(in)});
  }
};

// A parenthesised expression keeps its node; its span grows to cover the parentheses, which it
// counts for the formatter.
template <>
struct action<paren_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ++s.exprs.back()->parens;
    s.exprs.back()->span = Span{s.file, s.opens.back().span.begin, s.offset(in.end())};
    s.opens.pop_back();
  }
};

template <>
struct action<record_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    if (!s.in_given) {
      s.fail(in, kRecordOutsideGiven, kRecordOutsideGivenHelp, s.span(in));
    }
    s.push_expr(make_expr(ast::Expr::Kind::Record, s.span(in)));
    s.opens.push_back({"{", s.span(in)});
  }
};

template <>
struct action<given_record_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.in_given = true;
    s.push_expr(make_expr(ast::Expr::Kind::Record, s.span(in)));
    s.opens.push_back({"{", s.span(in)});
  }
};

template <>
struct action<given_record> {
  static void apply0(parse_state& s) {
    s.in_given = false;
    s.test().given = s.pop_expr();
  }
};

struct push_name {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.names.push_back({in.string(), s.span(in)});
  }
};
template <>
struct action<record_key> : push_name {};
template <>
struct action<callee> : push_name {};
template <>
struct action<type_field_name> : push_name {};

template <>
struct action<record_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::RecordField field;
    field.value = s.pop_expr();
    field.key = s.pop_name();
    Span at = field.value->span;
    s.exprs.back()->fields.push_back(std::move(field));
    s.grow(in, s.popped_height, at);
  }
};

// ---- Calls, quantifiers, paths

template <>
struct action<call_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Ident callee = s.pop_name();
    Span span{s.file, callee.span.begin, s.offset(in.end())};
    s.opens.push_back({callee.name + "(", span});
    auto e = make_expr(ast::Expr::Kind::Call, span);
    e->callee = std::move(callee);
    s.push_expr(std::move(e));
  }
};

template <>
struct action<binder_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto e = make_expr(ast::Expr::Kind::Path, s.span(in));
    e->path.push_back({in.string(), s.span(in)});
    s.push_expr(std::move(e));
  }
};

template <>
struct action<binder_in> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.ops.push_back({ast::BinaryOp::In, ast::UnaryOp::Not, s.span(in)});
  }
};

// `fn(x in list:` — the binder and the list become the quantifier's.
template <>
struct action<quantifier_colon> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::ExprPtr list = s.pop_expr();
    int list_height = s.popped_height;
    ast::ExprPtr binder = s.pop_expr();
    s.pop_op();
    ast::Expr& call = *s.exprs.back();
    call.kind = ast::Expr::Kind::Quantifier;
    call.binder = std::move(binder->path.front());
    Span at = list->span;
    call.args.push_back(std::move(list));
    s.grow(in, list_height, at);
  }
};

template <typename ActionInput>
void reduce_binary(const ActionInput& in, parse_state& s) {
  ast::ExprPtr rhs = s.pop_expr();
  int height = s.popped_height;
  ast::ExprPtr lhs = s.pop_expr();
  height = std::max(height, s.popped_height);
  parse_state::op_token op = s.pop_op();
  auto e = make_expr(ast::Expr::Kind::Binary, Span::join(lhs->span, rhs->span));
  e->binary_op = op.binary;
  e->op_span = op.span;
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  s.push_expr(std::move(e), 0);
  s.grow(in, height, op.span);
}

template <typename ActionInput>
void reduce_unary(const ActionInput& in, parse_state& s) {
  ast::ExprPtr operand = s.pop_expr();
  int height = s.popped_height;
  parse_state::op_token op = s.pop_op();
  auto e = make_expr(ast::Expr::Kind::Unary, Span::join(op.span, operand->span));
  e->unary_op = op.unary;
  e->op_span = op.span;
  e->args.push_back(std::move(operand));
  s.push_expr(std::move(e), 0);
  s.grow(in, height, op.span);
}

// `fn(x in list` with no `:` — it was the comparison `x in list` all along.
template <>
struct action<binder_comparison> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    reduce_binary(in, s);
  }
};

template <>
struct action<path_head> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto e = make_expr(ast::Expr::Kind::Path, s.span(in));
    e->path.push_back({in.string(), s.span(in)});
    s.push_expr(std::move(e));
  }
};

template <>
struct action<path_segment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Expr& path = *s.exprs.back();
    path.path.push_back({in.string(), s.span(in)});
    path.span.end = s.offset(in.end());
  }
};

// ---- Operators

template <ast::BinaryOp Op>
struct push_binary_op {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.ops.push_back({Op, ast::UnaryOp::Not, s.span(in)});
  }
};
template <ast::UnaryOp Op>
struct push_unary_op {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.ops.push_back({ast::BinaryOp::Or, Op, s.span(in)});
  }
};
template <>
struct action<or_operator> : push_binary_op<ast::BinaryOp::Or> {};
template <>
struct action<and_operator> : push_binary_op<ast::BinaryOp::And> {};
template <>
struct action<op_equal> : push_binary_op<ast::BinaryOp::Equal> {};
template <>
struct action<op_not_equal> : push_binary_op<ast::BinaryOp::NotEqual> {};
template <>
struct action<op_less> : push_binary_op<ast::BinaryOp::Less> {};
template <>
struct action<op_less_equal> : push_binary_op<ast::BinaryOp::LessEqual> {};
template <>
struct action<op_greater> : push_binary_op<ast::BinaryOp::Greater> {};
template <>
struct action<op_greater_equal> : push_binary_op<ast::BinaryOp::GreaterEqual> {};
template <>
struct action<op_in> : push_binary_op<ast::BinaryOp::In> {};
template <>
struct action<op_not_in> : push_binary_op<ast::BinaryOp::NotIn> {};
template <>
struct action<op_add> : push_binary_op<ast::BinaryOp::Add> {};
template <>
struct action<op_subtract> : push_binary_op<ast::BinaryOp::Subtract> {};
template <>
struct action<op_multiply> : push_binary_op<ast::BinaryOp::Multiply> {};
template <>
struct action<op_divide> : push_binary_op<ast::BinaryOp::Divide> {};
template <>
struct action<coalesce_operator> : push_binary_op<ast::BinaryOp::Coalesce> {};
template <>
struct action<not_operator> : push_unary_op<ast::UnaryOp::Not> {};
template <>
struct action<negate_operator> : push_unary_op<ast::UnaryOp::Negate> {};

struct reduce_binary_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    reduce_binary(in, s);
  }
};
template <typename Operator, typename Operand>
struct action<binary_tail<Operator, Operand>> : reduce_binary_action {};
template <>
struct action<comparison_tail> : reduce_binary_action {};
template <>
struct action<and_tail> : reduce_binary_action {};
template <>
struct action<or_tail> : reduce_binary_action {};

struct reduce_unary_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    reduce_unary(in, s);
  }
};
template <>
struct action<not_prefix> : reduce_unary_action {};
template <>
struct action<negation> : reduce_unary_action {};

// ---- Types

template <ast::TypeExpr::Kind Kind>
struct push_type {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.types.push_back(make_type(Kind, s.span(in)));
  }
};
template <>
struct action<bool_type> : push_type<ast::TypeExpr::Kind::Bool> {};
template <>
struct action<number_type> : push_type<ast::TypeExpr::Kind::Number> {};
template <>
struct action<string_type> : push_type<ast::TypeExpr::Kind::String> {};
template <>
struct action<date_type> : push_type<ast::TypeExpr::Kind::Date> {};

template <>
struct action<list_type_keyword> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.types.push_back(make_type(ast::TypeExpr::Kind::List, s.span(in)));
    s.opens.push_back({"list<", s.span(in)});
  }
};

template <>
struct action<list_element_type> {
  static void apply0(parse_state& s) {
    ast::TypeExprPtr element = s.pop_type();
    s.types.back()->element = std::move(element);
  }
};

struct close_type {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.types.back()->span.end = s.offset(in.end());
    s.opens.pop_back();
  }
};
template <>
struct action<list_type_close> : close_type {};
template <>
struct action<record_type_close> : close_type {};

template <>
struct action<record_type_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.types.push_back(make_type(ast::TypeExpr::Kind::Record, s.span(in)));
    s.opens.push_back({"{", s.span(in)});
  }
};

template <>
struct action<field_type> {
  static void apply0(parse_state& s) {
    ast::FieldDecl field;
    field.type = s.pop_type();
    field.name = s.pop_name();
    s.types.back()->fields.push_back(std::move(field));
  }
};

// ---- Declarations

template <typename Decl>
struct start_decl {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    Decl decl;
    decl.span = s.span(in);
    s.out.decls.emplace_back(std::move(decl));
  }
};

template <typename Decl>
struct finish_decl {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<Decl>().span = s.span(in);
    s.context.clear();
  }
};

template <>
struct action<ruleset_decl> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.out.decls.emplace_back(ast::RulesetDecl{s.text, s.span(in)});
  }
};

template <>
struct action<phases_keyword> : start_decl<ast::PhasesDecl> {};
template <>
struct action<phase_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::PhasesDecl>().phases.push_back({in.string(), s.span(in)});
  }
};
template <>
struct action<phases_decl> : finish_decl<ast::PhasesDecl> {};

template <>
struct action<facts_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.types.push_back(make_type(ast::TypeExpr::Kind::Record, s.span(in)));
    s.opens.push_back({"facts {", s.span(in)});
    s.context = "facts";
  }
};
template <>
struct action<facts_decl> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::TypeExprPtr record = s.pop_type();
    s.out.decls.emplace_back(ast::FactsDecl{std::move(record->fields), s.span(in)});
    s.context.clear();
  }
};

template <>
struct action<const_keyword> : start_decl<ast::ConstDecl> {};
template <>
struct action<const_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ConstDecl>().name = {in.string(), s.span(in)};
    s.context = fmt::format("constant `{}`", in.string_view());
  }
};
template <>
struct action<const_value> {
  static void apply0(parse_state& s) { s.current<ast::ConstDecl>().value = s.pop_expr(); }
};
template <>
struct action<const_decl> : finish_decl<ast::ConstDecl> {};

template <>
struct action<param_keyword> : start_decl<ast::ParamDecl> {};
template <>
struct action<param_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ParamDecl>().name = {in.string(), s.span(in)};
    s.context = fmt::format("parameter `{}`", in.string_view());
  }
};
template <>
struct action<param_type> {
  static void apply0(parse_state& s) { s.current<ast::ParamDecl>().type = s.pop_type(); }
};
template <>
struct action<param_value> {
  static void apply0(parse_state& s) { s.current<ast::ParamDecl>().value = s.pop_expr(); }
};
template <>
struct action<param_decl> : finish_decl<ast::ParamDecl> {};

// ---- Milestones and gates

template <ast::Block::Kind Kind>
struct start_block {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Block block;
    block.kind = Kind;
    block.span = s.span(in);
    s.out.decls.emplace_back(std::move(block));
  }
};
template <>
struct action<milestone_keyword> : start_block<ast::Block::Kind::Milestone> {};
template <>
struct action<gate_keyword> : start_block<ast::Block::Kind::Gate> {};

template <const char* Kind>
struct block_name {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.block().name = {in.string(), s.span(in)};
    s.context = fmt::format("{} `{}`", Kind, in.string_view());
  }
};
inline constexpr char kMilestoneWord[] = "milestone";
inline constexpr char kGateWord[] = "gate";
template <>
struct action<milestone_name> : block_name<kMilestoneWord> {};
template <>
struct action<gate_name> : block_name<kGateWord> {};

template <>
struct action<block_label> {
  static void apply0(parse_state& s) { s.block().label = s.text; }
};

template <>
struct action<enters_phase> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.block().enters = ast::Ident{in.string(), s.span(in)};
  }
};

struct open_block {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.opens.push_back({"{", s.span(in)});
  }
};
template <>
struct action<milestone_open> : open_block {};
template <>
struct action<gate_open> : open_block {};
template <>
struct action<test_open> : open_block {};

struct close_block {
  static void apply0(parse_state& s) { s.opens.pop_back(); }
};
template <>
struct action<block_close> : close_block {};
template <>
struct action<test_close> : close_block {};

template <>
struct action<milestone_decl> : finish_decl<ast::Block> {};
template <>
struct action<gate_decl> : finish_decl<ast::Block> {};

template <>
struct action<requires_keyword> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.block().requires_stmts.push_back({{}, s.span(in)});
  }
};
template <>
struct action<requires_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.block().requires_stmts.back().names.push_back({in.string(), s.span(in)});
  }
};
template <>
struct action<requires_stmt> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.block().requires_stmts.back().span = s.span(in);
  }
};

template <ast::Condition::Kind Kind>
struct start_condition {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Condition condition;
    condition.kind = Kind;
    condition.span = s.span(in);
    s.block().conditions.push_back(std::move(condition));
  }
};
template <>
struct action<require_keyword> : start_condition<ast::Condition::Kind::Require> {};
template <>
struct action<warn_keyword> : start_condition<ast::Condition::Kind::Warn> {};

template <>
struct action<label_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.condition().label = ast::Ident{in.string(), s.span(in)};
  }
};
template <>
struct action<condition_expr> {
  static void apply0(parse_state& s) { s.condition().expr = s.pop_expr(); }
};
struct finish_condition {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.condition().span = s.span(in);
  }
};
template <>
struct action<require_stmt> : finish_condition {};
template <>
struct action<warn_stmt> : finish_condition {};

// ---- The stage audit

template <>
struct action<stages_keyword> : start_decl<ast::StagesDecl> {};

// A dotted path as written (no white space inside), split into its segments.
template <typename ActionInput>
std::vector<ast::Ident> split_path(const ActionInput& in, parse_state& s) {
  std::vector<ast::Ident> out;
  const char* begin = in.begin();
  for (const char* p = in.begin();; ++p) {
    if (p == in.end() || *p == '.') {
      out.push_back({std::string(begin, p), s.span(begin, p)});
      if (p == in.end()) break;
      begin = p + 1;
    }
  }
  return out;
}

template <>
struct action<stage_fact> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto& decl = s.current<ast::StagesDecl>();
    decl.fact = split_path(in, s);
    decl.fact_span = s.span(in);
    s.context = "the stage mapping";
  }
};
template <>
struct action<stage_owner> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto& decl = s.current<ast::StagesDecl>();
    decl.owner = split_path(in, s);
    decl.owner_span = s.span(in);
  }
};
template <>
struct action<stages_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.opens.push_back({"stages {", s.span(in)});
  }
};
template <>
struct action<stages_close> : close_block {};
template <>
struct action<stage_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    auto& mappings = s.current<ast::StagesDecl>().mappings;
    // The first value of a line starts a new mapping; later ones (after `,`) join it.
    if (mappings.empty() || mappings.back().phase.span.end != 0) {
      mappings.emplace_back();
      mappings.back().span = s.span(in);
    }
    mappings.back().values.push_back({s.text, s.span(in)});
  }
};
template <>
struct action<stage_phase> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::StageMapping& mapping = s.current<ast::StagesDecl>().mappings.back();
    mapping.phase = {in.string(), s.span(in)};
    mapping.is_none = in.string_view() == "none";
  }
};
template <>
struct action<stage_mapping> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::StagesDecl>().mappings.back().span = s.span(in);
  }
};
template <>
struct action<stages_decl> : finish_decl<ast::StagesDecl> {};

// ---- What a report shows

template <>
struct action<show_keyword> : start_decl<ast::ShowDecl> {};
template <>
struct action<show_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.opens.push_back({"show {", s.span(in)});
    s.context = "the `show` block";
  }
};
template <>
struct action<show_close> : close_block {};
template <>
struct action<show_fact> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::ShowField field;
    field.fact = split_path(in, s);
    field.fact_span = s.span(in);
    s.current<ast::ShowDecl>().fields.push_back(std::move(field));
  }
};
template <>
struct action<show_label> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ShowDecl>().fields.back().label = ast::StringLiteral{s.text, s.span(in)};
  }
};
template <>
struct action<show_money> {
  static void apply0(parse_state& s) { s.current<ast::ShowDecl>().fields.back().money = true; }
};
template <>
struct action<show_currency_code> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ShowDecl>().fields.back().currency_code = ast::StringLiteral{s.text, s.span(in)};
  }
};
template <>
struct action<show_currency_fact> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ShowDecl>().fields.back().currency_fact = split_path(in, s);
  }
};
template <>
struct action<show_currency> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ShowDecl>().fields.back().currency_span = s.span(in);
  }
};
template <>
struct action<show_field> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::ShowDecl>().fields.back().span = s.span(in);
  }
};
template <>
struct action<show_decl> : finish_decl<ast::ShowDecl> {};

// ---- Waivers

template <>
struct action<waiver_keyword> : start_decl<ast::WaiverDecl> {};
template <>
struct action<waiver_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().name = {in.string(), s.span(in)};
    s.context = fmt::format("waiver `{}`", in.string_view());
  }
};
template <>
struct action<waiver_label> {
  static void apply0(parse_state& s) { s.current<ast::WaiverDecl>().label = s.text; }
};
template <>
struct action<waiver_open> : open_block {};
template <>
struct action<waiver_close> : close_block {};

template <>
struct action<waiver_deal_id> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().deals.push_back({s.text, s.span(in)});
  }
};
template <>
struct action<waiver_condition> {
  static void apply0(parse_state& s) { s.current<ast::WaiverDecl>().when = s.pop_expr(); }
};
template <>
struct action<waiver_target_block> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().targets.push_back({{in.string(), s.span(in)}, {}, s.span(in)});
  }
};
template <>
struct action<waiver_target_condition> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().targets.back().condition = ast::Ident{in.string(), s.span(in)};
  }
};
template <>
struct action<waiver_target> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().targets.back().span = s.span(in);
  }
};
template <>
struct action<waiver_approver> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().approver = ast::StringLiteral{s.text, s.span(in)};
  }
};
template <>
struct action<waiver_reason_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().reason = ast::StringLiteral{s.text, s.span(in)};
  }
};
template <>
struct action<waiver_until_date> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.current<ast::WaiverDecl>().until = make_date(in, s);
  }
};

// Each clause once: a second one is reported (it replaces the first) and parsing goes on.
template <Span ast::WaiverDecl::*Clause, const char* Word>
struct waiver_clause_span {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    Span& clause = s.current<ast::WaiverDecl>().*Clause;
    if (clause.end != 0) {
      s.diagnostics.add(
          {Severity::Error,
           "duplicate-clause",
           fmt::format("{} says `{}` twice", s.context, Word),
           s.span(in),
           "keep one of them; one `deal` clause lists several deals: `deal \"D-1\", \"D-2\"`",
           {{clause, "first said here"}}});
    }
    clause = s.span(in);
  }
};
inline constexpr char kDealWord[] = "deal";
inline constexpr char kWhenWord[] = "when";
inline constexpr char kWaivesWord[] = "waives";
inline constexpr char kApprovedWord[] = "approved by";
inline constexpr char kReasonWord[] = "reason";
inline constexpr char kUntilWord[] = "until";
template <>
struct action<waiver_deal> : waiver_clause_span<&ast::WaiverDecl::deal_span, kDealWord> {};
template <>
struct action<waiver_when> : waiver_clause_span<&ast::WaiverDecl::when_span, kWhenWord> {};
template <>
struct action<waiver_waives> : waiver_clause_span<&ast::WaiverDecl::waives_span, kWaivesWord> {};
template <>
struct action<waiver_approved>
    : waiver_clause_span<&ast::WaiverDecl::approver_span, kApprovedWord> {};
template <>
struct action<waiver_reason> : waiver_clause_span<&ast::WaiverDecl::reason_span, kReasonWord> {};
template <>
struct action<waiver_until> : waiver_clause_span<&ast::WaiverDecl::until_span, kUntilWord> {};
template <>
struct action<waiver_decl> : finish_decl<ast::WaiverDecl> {};

// ---- Tests

template <>
struct action<test_keyword> : start_decl<ast::TestDecl> {};
template <>
struct action<test_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.test().name = s.text;
    s.test().name_span = s.span(in);
    s.context = fmt::format("test \"{}\"", s.text);
  }
};
template <>
struct action<today_date> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.test().today = make_date(in, s);
  }
};
template <>
struct action<override_keyword> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::ParamOverride override_;
    override_.span = s.span(in);
    s.test().params.push_back(std::move(override_));
  }
};
template <>
struct action<override_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.test().params.back().name = {in.string(), s.span(in)};
  }
};
template <>
struct action<override_value> {
  static void apply0(parse_state& s) { s.test().params.back().value = s.pop_expr(); }
};
template <>
struct action<param_override> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.test().params.back().span = s.span(in);
  }
};
template <>
struct action<expect_keyword> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Expectation expectation;
    expectation.span = s.span(in);
    s.test().expectations.push_back(std::move(expectation));
  }
};
template <>
struct action<expect_gate> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().gate = {in.string(), s.span(in)};
  }
};
template <>
struct action<expect_status> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().status = {in.string(), s.span(in)};
  }
};
template <>
struct action<ref_block> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    ast::Reference reference;
    reference.block = {in.string(), s.span(in)};
    reference.span = s.span(in);
    s.expectation().because.push_back(std::move(reference));
  }
};
template <>
struct action<ref_condition> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().because.back().condition = ast::Ident{in.string(), s.span(in)};
  }
};
template <>
struct action<waived_ref_block> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().waived.push_back({{in.string(), s.span(in)}, {}, s.span(in)});
  }
};
template <>
struct action<waived_ref_condition> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().waived.back().condition = ast::Ident{in.string(), s.span(in)};
  }
};
template <>
struct action<waived_reference> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().waived.back().span = s.span(in);
  }
};
template <>
struct action<reference> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().because.back().span = s.span(in);
  }
};
struct finish_expectation {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& s) {
    s.expectation().span = s.span(in);
  }
};
template <>
struct action<expectation> : finish_expectation {};
template <>
struct action<first_expectation> : finish_expectation {};
template <>
struct action<test_decl> : finish_decl<ast::TestDecl> {};

}  // namespace dealgate::grammar
