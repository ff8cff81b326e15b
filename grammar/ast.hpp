// The owned syntax tree of one rule file. Every node carries the byte span it came from; nothing
// from PEGTL appears here. The checker (engine/) reads it; the formatter rewrites it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/enum_words.hpp"
#include "grammar/source.hpp"

namespace dealgate::ast {

struct Ident {
  std::string name;
  Span span;
};

// ---- Types of the facts schema ------------------------------------------------------------------

struct TypeExpr;
using TypeExprPtr = std::unique_ptr<TypeExpr>;

struct FieldDecl {
  Ident name;
  TypeExprPtr type;
};

struct TypeExpr {
  enum class Kind { Bool, Number, String, Date, List, Record };
  Kind kind = Kind::Bool;
  Span span;
  TypeExprPtr element;            // List: list<element>
  std::vector<FieldDecl> fields;  // Record: { name: type ... }
};

// The type's keyword as written in rule files (`record` for `{ ... }`, which has none).
inline const char* type_word(TypeExpr::Kind kind) {
  static constexpr const char* kWords[] = {"bool", "number", "string", "date", "list", "record"};
  return enum_word<TypeExpr::Kind::Bool, TypeExpr::Kind::Record>(kind, kWords);
}

// ---- Expressions --------------------------------------------------------------------------------

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class UnaryOp { Not, Negate };

enum class BinaryOp {
  Or,
  And,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  In,
  NotIn,
  Add,
  Subtract,
  Multiply,
  Divide,
  Coalesce,
};

// The operator as written in rule files: `and`, `==`, `not in`, `??`.
inline const char* binary_op_text(BinaryOp op) {
  static constexpr const char* kText[] = {
      "or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "+", "-", "*", "/", "??"};
  return enum_word<BinaryOp::Or, BinaryOp::Coalesce>(op, kText);
}

struct RecordField {
  Ident key;
  ExprPtr value;
};

struct Expr {
  enum class Kind {
    Number,      // number
    String,      // text (escapes resolved)
    Bool,        // boolean
    Date,        // date_text "YYYY-MM-DD" as written; year/month/day parsed
    Today,       // `today`
    List,        // [args...]
    Record,      // { fields } — only in a test's `given`
    Path,        // path: a.b.c (first segment may be a const, param, binder or fact)
    Unary,       // unary_op args[0]
    Binary,      // args[0] binary_op args[1]
    Call,        // callee(args...) — count(list), exists(path), lower(s), ...
    Quantifier,  // callee(binder in args[0]: args[1]) — any, all, count, sum, min, max
  };

  Kind kind = Kind::Number;
  Span span;  // parentheses included
  // Pairs of parentheses the author wrote around it: `(a and b)` is 1, `((a))` is 2. They change
  // nothing but the layout, which the formatter keeps as written.
  int parens = 0;

  double number = 0;
  bool boolean = false;
  std::string text;
  int year = 0, month = 0, day = 0;

  std::vector<Ident> path;
  UnaryOp unary_op = UnaryOp::Not;
  BinaryOp binary_op = BinaryOp::Or;
  Span op_span;  // the operator token, for type errors

  Ident callee;
  Ident binder;
  std::vector<ExprPtr> args;
  std::vector<RecordField> fields;
};

// ---- Blocks -------------------------------------------------------------------------------------

// An `else` message: literal text with `{expr}` holes. `{{` and `}}` are already single braces.
struct MessagePart {
  std::string text;  // when expr is null
  ExprPtr expr;      // an interpolation
};

struct Message {
  std::vector<MessagePart> parts;
  Span span;  // the whole string literal, quotes included
};

struct Condition {
  enum class Kind { Require, Warn };
  Kind kind = Kind::Require;
  std::optional<Ident> label;
  ExprPtr expr;
  std::optional<Message> message;
  Span span;
};

struct RequiresStmt {
  std::vector<Ident> names;
  Span span;
};

struct Block {
  enum class Kind { Milestone, Gate };
  Kind kind = Kind::Milestone;
  Ident name;
  std::optional<std::string> label;
  std::optional<Ident> enters;  // gates only
  std::vector<RequiresStmt> requires_stmts;
  std::vector<Condition> conditions;  // in source order, require and warn together
  Span span;
};

// ---- Tests --------------------------------------------------------------------------------------

// `because a` (a milestone) or `because a.label` / `because a.2` (a condition id).
struct Reference {
  Ident block;
  std::optional<Ident> condition;
  Span span;
};

struct Expectation {
  Ident gate;
  Ident status;  // pass | fail | unknown, checked by the checker
  std::vector<Reference> because;
  std::vector<Reference> waived;  // `waived a.b, m`: conditions a waiver must have waived
  Span span;
};

struct ParamOverride {
  Ident name;
  ExprPtr value;
  Span span;
};

struct TestDecl {
  std::string name;
  Span name_span;
  ExprPtr given;  // Kind::Record
  ExprPtr today;  // Kind::Date, or null
  std::vector<ParamOverride> params;
  std::vector<Expectation> expectations;
  Span span;
};

// ---- Top-level declarations ---------------------------------------------------------------------

struct RulesetDecl {
  std::string title;
  Span span;
};

struct PhasesDecl {
  std::vector<Ident> phases;
  Span span;
};

struct FactsDecl {
  std::vector<FieldDecl> fields;
  Span span;
};

struct ConstDecl {
  Ident name;
  ExprPtr value;
  Span span;
};

struct ParamDecl {
  Ident name;
  TypeExprPtr type;
  ExprPtr value;
  Span span;
};

// One line of a `stages` block: `"Proposal", "Negotiation" -> Deliver`, or `-> none` for stages
// the audit leaves out ("Closed Lost").
struct StageMapping {
  struct Value {
    std::string text;  // escapes resolved
    Span span;         // the string literal, quotes included
  };
  std::vector<Value> values;
  Ident phase;  // `none` when `is_none`
  bool is_none = false;
  Span span;
};

// `stages from stage by owner { ... }`: which fact holds the CRM stage, how its values map to the
// declared phases, and (optionally) which fact names the deal's owner, for the stage audit.
struct StagesDecl {
  std::vector<Ident> fact;  // the path's segments: `crm.stage` -> {crm, stage}
  Span fact_span;
  std::vector<Ident> owner;  // empty without `by`
  Span owner_span;
  std::vector<StageMapping> mappings;
  Span span;
};

// A string literal as written: its text (escapes resolved) and where it stands.
struct StringLiteral {
  std::string text;
  Span span;  // quotes included
};

// `waives value_confirmed.roi` (a condition, by label or number) or `waives acid_test` (every
// condition of a milestone or gate).
struct WaiverTarget {
  Ident block;
  std::optional<Ident> condition;
  Span span;
};

// `waiver name "label"? { deal "D-1" | when expr; waives ...; approved by "..."; reason "...";
// until @date }`: an exception a deal desk granted. The clauses may come in any order; the checker
// says which are missing, the parser which are given twice.
struct WaiverDecl {
  Ident name;
  std::optional<std::string> label;
  std::vector<StringLiteral> deals;  // `deal "D-1", "D-2"`: the deals it applies to, by id
  Span deal_span;                    // the `deal` clause
  ExprPtr when;                      // `when expr`: or the deals whose facts make it true
  Span when_span;
  std::vector<WaiverTarget> targets;
  Span waives_span;
  std::optional<StringLiteral> approver;
  Span approver_span;  // the `approved by` clause
  std::optional<StringLiteral> reason;
  Span reason_span;
  ExprPtr until;  // Kind::Date: in force through this day
  Span until_span;
  Span span;
};

// One line of a `show` block: `amount "Amount" as money in currency`.
struct ShowField {
  std::vector<Ident> fact;  // the path's segments
  Span fact_span;
  std::optional<StringLiteral> label;  // the heading; the path when absent
  bool money = false;                  // `as money in ...`
  std::vector<Ident> currency_fact;    // `in currency`: the fact naming each deal's currency
  std::optional<StringLiteral> currency_code;  // or `in "EUR"`: one currency for every deal
  Span currency_span;
  Span span;
};

// `show { ... }`: the facts every output shows beside a deal's id (the id stays the key), and
// which of them is the deal's money. Several `show` blocks (across files) add up, in order.
struct ShowDecl {
  std::vector<ShowField> fields;
  Span span;
};

// One line of a `source` block, in the order written: a column (`"Close Date" -> close_date as date
// "MM/DD/YYYY"`), a constant (`currency = "USD"`) or the footer's first words (`footer "Grand
// Totals"`).
struct SourceLine {
  enum class Kind { Column, Constant, Footer };
  enum class Format { Plain, Money, Number, Percent, Date, Bool, List };
  Kind kind = Kind::Column;
  StringLiteral column;     // Column: the export's column name
  std::vector<Ident> fact;  // Column and Constant: the fact it fills
  Span fact_span;
  Format format = Format::Plain;
  std::optional<StringLiteral> pattern;  // `date "MM/DD/YYYY"`, `list ";"`, `money "1.234,56"`
  Span format_span;
  StringLiteral value;                // Constant: the value every record gets
  std::vector<StringLiteral> footer;  // Footer: the texts a footer line starts with
  Span span;
};

// The format's word as written after `as` (`plain` where nothing is written).
inline const char* format_word(SourceLine::Format format) {
  static constexpr const char* kWords[] = {"plain", "money", "number", "percent",
                                           "date",  "bool",  "list"};
  return enum_word<SourceLine::Format::Plain, SourceLine::Format::List>(format, kWords);
}

// `source name "label" { ... }`: how the columns of one CRM export become facts.
struct SourceDecl {
  Ident name;
  std::optional<StringLiteral> label;
  std::vector<SourceLine> lines;
  Span span;
};

using Decl = std::variant<RulesetDecl, PhasesDecl, FactsDecl, ConstDecl, ParamDecl, Block, TestDecl,
                          StagesDecl, WaiverDecl, ShowDecl, SourceDecl>;

struct Comment {
  Span span;  // from `#` to the end of the line, line break excluded
};

struct File {
  FileId file = 0;
  std::vector<Decl> decls;        // in source order
  std::vector<Comment> comments;  // in source order; kept for the formatter
};

}  // namespace dealgate::ast
