// The parser: rule-file text in, owned AST or exactly-worded diagnostics out.
#include "grammar/parser.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

#include "grammar/diagnostic_render.hpp"
#include "read_text_file.hpp"

namespace dealgate {
namespace {

struct Parsed {
  SourceSet sources;
  Diagnostics diagnostics;
  std::optional<ast::File> file;
  FileId id = 0;

  // `file:line:col: error: message` of the first diagnostic.
  std::string first_line() const {
    if (diagnostics.items().empty()) return "<no diagnostics>";
    std::string text = render_text(diagnostics.items().front(), sources);
    return text.substr(0, text.find('\n'));
  }
  std::string rendered() const {
    std::string out;
    for (const auto& d : diagnostics.items()) out += render_text(d, sources);
    return out;
  }
  std::string_view text(const Span& span) const {
    return std::string_view(sources.file(span.file).text())
        .substr(span.begin, span.end - span.begin);
  }
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->id = p->sources.add("t.gate", std::move(text));
  p->file = parse_rule_file(p->sources, p->id, p->diagnostics);
  return p;
}

// The text parsed to a file with no diagnostic at all; otherwise the diagnostics, rendered.
::testing::AssertionResult parses_cleanly(const Parsed& p) {
  if (p.file && p.diagnostics.items().empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << (p.file ? "parsed with diagnostics:\n" : "did not parse:\n") << p.rendered();
}

const char* op_name(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Or:
      return "or";
    case ast::BinaryOp::And:
      return "and";
    case ast::BinaryOp::Equal:
      return "==";
    case ast::BinaryOp::NotEqual:
      return "!=";
    case ast::BinaryOp::Less:
      return "<";
    case ast::BinaryOp::LessEqual:
      return "<=";
    case ast::BinaryOp::Greater:
      return ">";
    case ast::BinaryOp::GreaterEqual:
      return ">=";
    case ast::BinaryOp::In:
      return "in";
    case ast::BinaryOp::NotIn:
      return "not-in";
    case ast::BinaryOp::Add:
      return "+";
    case ast::BinaryOp::Subtract:
      return "-";
    case ast::BinaryOp::Multiply:
      return "*";
    case ast::BinaryOp::Divide:
      return "/";
    case ast::BinaryOp::Coalesce:
      return "??";
  }
  return "?";
}

// A Lisp-like rendering of an expression tree, for asserting on its shape.
std::string sexpr(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  auto args = [&]() {
    std::string out;
    for (const auto& arg : e.args) out += fmt::format(" {}", sexpr(*arg));
    return out;
  };
  switch (e.kind) {
    case K::Number: {
      std::ostringstream out;
      out << e.number;
      return out.str();
    }
    case K::String:
      return fmt::format("\"{}\"", e.text);
    case K::Bool:
      return e.boolean ? "true" : "false";
    case K::Date:
      return fmt::format("@{}", e.text);
    case K::Today:
      return "today";
    case K::List:
      return fmt::format("[{} ]", args());
    case K::Record: {
      std::string out = "{";
      for (const auto& f : e.fields) out += fmt::format(" {}: {}", f.key.name, sexpr(*f.value));
      return out + " }";
    }
    case K::Path: {
      std::string out;
      for (const auto& seg : e.path) out += (out.empty() ? "" : ".") + seg.name;
      return out;
    }
    case K::Unary:
      return fmt::format("({}{})", e.unary_op == ast::UnaryOp::Not ? "not" : "neg", args());
    case K::Binary:
      return fmt::format("({}{})", op_name(e.binary_op), args());
    case K::Call:
      return fmt::format("(call {}{})", e.callee.name, args());
    case K::Quantifier:
      return fmt::format("({} {}{})", e.callee.name, e.binder.name, args());
  }
  return "?";
}

// The expression of `const x = <text>`.
std::string expr_of(const std::string& text) {
  auto p = parse("const x = " + text + "\n");
  if (!p->file) return "error: " + p->first_line();
  return sexpr(*std::get<ast::ConstDecl>(p->file->decls.at(0)).value);
}

// ---- The SPEC example ---------------------------------------------------------------------------

class ParserSpecExample : public ::testing::Test {
 protected:
  void SetUp() override {
    p = parse(testing::read_text_file(std::string(DEALGATE_SOURCE_DIR) +
                                      "/tests/grammar/data/enterprise.gate"));
    ASSERT_TRUE(parses_cleanly(*p));
  }
  template <typename T>
  const T& decl(std::size_t i) {
    return std::get<T>(p->file->decls.at(i));
  }
  std::unique_ptr<Parsed> p;
};

TEST_F(ParserSpecExample, DeclarationKindsInOrder) {
  const auto& decls = p->file->decls;
  ASSERT_EQ(decls.size(), 13u);
  EXPECT_TRUE(std::holds_alternative<ast::RulesetDecl>(decls[0]));
  EXPECT_TRUE(std::holds_alternative<ast::PhasesDecl>(decls[1]));
  EXPECT_TRUE(std::holds_alternative<ast::FactsDecl>(decls[2]));
  EXPECT_TRUE(std::holds_alternative<ast::ConstDecl>(decls[3]));
  EXPECT_TRUE(std::holds_alternative<ast::ParamDecl>(decls[4]));
  for (std::size_t i = 5; i <= 10; ++i) {
    EXPECT_EQ(std::get<ast::Block>(decls[i]).kind, ast::Block::Kind::Milestone);
  }
  EXPECT_EQ(std::get<ast::Block>(decls[11]).kind, ast::Block::Kind::Gate);
  EXPECT_TRUE(std::holds_alternative<ast::TestDecl>(decls[12]));
  ASSERT_EQ(p->file->comments.size(), 1u);
  EXPECT_EQ(p->text(p->file->comments[0].span), "# enterprise.gate");
}

TEST_F(ParserSpecExample, RulesetPhasesFacts) {
  EXPECT_EQ(decl<ast::RulesetDecl>(0).title, "Enterprise sale");
  EXPECT_EQ(p->text(decl<ast::RulesetDecl>(0).span), "ruleset \"Enterprise sale\"");
  const auto& phases = decl<ast::PhasesDecl>(1);
  ASSERT_EQ(phases.phases.size(), 4u);
  EXPECT_EQ(phases.phases[3].name, "Deliver");
  EXPECT_EQ(p->text(phases.span), "phases Discover -> Diagnose -> Design -> Deliver");

  const auto& facts = decl<ast::FactsDecl>(2);
  ASSERT_EQ(facts.fields.size(), 9u);
  EXPECT_EQ(facts.fields[0].name.name, "id");
  EXPECT_EQ(facts.fields[0].type->kind, ast::TypeExpr::Kind::String);
  const auto& diagnosis = facts.fields[2];
  EXPECT_EQ(diagnosis.type->kind, ast::TypeExpr::Kind::Record);
  ASSERT_EQ(diagnosis.type->fields.size(), 3u);
  EXPECT_EQ(diagnosis.type->fields[2].name.name, "confirmed_by");
  EXPECT_EQ(p->text(diagnosis.type->span),
            "{ causes_confirmed: bool, consequences_confirmed: bool, confirmed_by: string }");
  const auto& stakeholders = facts.fields[7];
  EXPECT_EQ(stakeholders.type->kind, ast::TypeExpr::Kind::List);
  EXPECT_EQ(stakeholders.type->element->kind, ast::TypeExpr::Kind::Record);
  EXPECT_EQ(p->text(stakeholders.type->span), "list<{ role: string, engaged: bool }>");
  EXPECT_EQ(facts.fields[8].type->kind, ast::TypeExpr::Kind::Date);
  EXPECT_EQ(p->text(facts.span).substr(0, 8), "facts {\n");
  EXPECT_EQ(p->text(facts.span).back(), '}');
}

TEST_F(ParserSpecExample, ConstAndParam) {
  const auto& c = decl<ast::ConstDecl>(3);
  EXPECT_EQ(c.name.name, "decision_makers");
  EXPECT_EQ(sexpr(*c.value), "[ \"economic_buyer\" \"sponsor\" ]");
  EXPECT_EQ(p->text(c.span), "const decision_makers = [\"economic_buyer\", \"sponsor\"]");
  const auto& param = decl<ast::ParamDecl>(4);
  EXPECT_EQ(param.name.name, "min_roi");
  EXPECT_EQ(param.type->kind, ast::TypeExpr::Kind::Number);
  EXPECT_EQ(param.value->number, 3);
  EXPECT_EQ(p->text(param.span), "param min_roi: number = 3");
}

TEST_F(ParserSpecExample, MilestoneConditionsAndMessages) {
  const auto& m = decl<ast::Block>(5);
  EXPECT_EQ(m.name.name, "causes_confirmed");
  EXPECT_EQ(m.label, "Customer understood and confirmed the causes of the problems");
  ASSERT_EQ(m.conditions.size(), 2u);
  EXPECT_FALSE(m.conditions[0].label);
  EXPECT_EQ(sexpr(*m.conditions[0].expr), "diagnosis.causes_confirmed");
  EXPECT_EQ(p->text(m.conditions[0].span), "require diagnosis.causes_confirmed");
  const auto& c = m.conditions[1];
  EXPECT_EQ(c.kind, ast::Condition::Kind::Require);
  ASSERT_TRUE(c.label);
  EXPECT_EQ(c.label->name, "by_decision_maker");
  EXPECT_EQ(sexpr(*c.expr), "(in diagnosis.confirmed_by decision_makers)");
  EXPECT_EQ(p->text(c.expr->op_span), "in");
  ASSERT_TRUE(c.message);
  ASSERT_EQ(c.message->parts.size(), 3u);
  EXPECT_EQ(c.message->parts[0].text, "causes were confirmed by ");
  ASSERT_TRUE(c.message->parts[1].expr);
  EXPECT_EQ(sexpr(*c.message->parts[1].expr), "diagnosis.confirmed_by");
  EXPECT_EQ(c.message->parts[2].text, ", not a decision maker");
  EXPECT_EQ(p->text(c.message->span),
            "\"causes were confirmed by {diagnosis.confirmed_by}, not a decision maker\"");
  EXPECT_EQ(p->text(c.span).substr(0, 26), "require by_decision_maker:");
  EXPECT_EQ(p->text(c.span).back(), '"');
  EXPECT_EQ(p->text(m.span).substr(0, 27), "milestone causes_confirmed ");
  EXPECT_EQ(p->text(m.span).back(), '}');

  const auto& solution = decl<ast::Block>(7);
  EXPECT_EQ(sexpr(*solution.conditions[1].expr), "(>= (call count solution.parameters) 2)");
  const auto& parts = solution.conditions[1].message->parts;
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(sexpr(*parts[1].expr), "(call count solution.parameters)");

  const auto& value = decl<ast::Block>(8);
  ASSERT_EQ(value.requires_stmts.size(), 1u);
  EXPECT_EQ(value.requires_stmts[0].names[0].name, "solution_defined");
  EXPECT_EQ(sexpr(*value.conditions[1].expr), "(>= value.annual_benefit (* min_roi value.price))");
}

TEST_F(ParserSpecExample, Gate) {
  const auto& g = decl<ast::Block>(11);
  EXPECT_EQ(g.name.name, "enter_delivery");
  EXPECT_EQ(g.label, "Ready to enter the Delivery phase");
  ASSERT_TRUE(g.enters);
  EXPECT_EQ(g.enters->name, "Deliver");
  ASSERT_EQ(g.requires_stmts.size(), 1u);
  ASSERT_EQ(g.requires_stmts[0].names.size(), 5u);
  EXPECT_EQ(g.requires_stmts[0].names[4].name, "acid_test");
  EXPECT_EQ(
      p->text(g.requires_stmts[0].span),
      "requires causes_confirmed, consequences_confirmed, value_confirmed, mutual_fit, acid_test");
  ASSERT_EQ(g.conditions.size(), 2u);
  const auto& buyer = g.conditions[0];
  EXPECT_EQ(sexpr(*buyer.expr),
            "(any s stakeholders (and (== s.role \"economic_buyer\") s.engaged))");
  EXPECT_EQ(p->text(buyer.expr->span),
            "any(s in stakeholders: s.role == \"economic_buyer\" and s.engaged)");
  EXPECT_EQ(p->text(buyer.expr->binder.span), "s");
  const auto& warn = g.conditions[1];
  EXPECT_EQ(warn.kind, ast::Condition::Kind::Warn);
  EXPECT_EQ(sexpr(*warn.expr), "(<= (- today last_customer_contact) 30)");
  EXPECT_EQ(p->text(warn.expr->op_span), "<=");
  EXPECT_EQ(p->text(warn.expr->args[0]->span), "today - last_customer_contact");
  EXPECT_EQ(sexpr(*warn.message->parts[1].expr), "(- today last_customer_contact)");
  EXPECT_EQ(warn.message->parts[2].text, " days ago");
}

TEST_F(ParserSpecExample, Test) {
  const auto& t = decl<ast::TestDecl>(12);
  EXPECT_EQ(t.name, "a deal whose seller would not buy it stays out of Delivery");
  EXPECT_EQ(p->text(t.name_span), "\"a deal whose seller would not buy it stays out of Delivery\"");
  ASSERT_TRUE(t.given);
  EXPECT_EQ(t.given->kind, ast::Expr::Kind::Record);
  ASSERT_EQ(t.given->fields.size(), 9u);
  EXPECT_EQ(t.given->fields[0].key.name, "id");
  EXPECT_EQ(sexpr(*t.given->fields[0].value), "\"T1\"");
  EXPECT_EQ(sexpr(*t.given->fields[7].value), "[ { role: \"economic_buyer\" engaged: true } ]");
  EXPECT_EQ(sexpr(*t.given->fields[8].value), "@2026-11-20");
  EXPECT_EQ(t.given->fields[8].value->year, 2026);
  EXPECT_EQ(t.given->fields[8].value->month, 11);
  EXPECT_EQ(t.given->fields[8].value->day, 20);
  EXPECT_EQ(p->text(t.given->fields[8].value->span), "@2026-11-20");
  ASSERT_TRUE(t.today);
  EXPECT_EQ(t.today->text, "2026-11-26");
  EXPECT_TRUE(t.params.empty());
  ASSERT_EQ(t.expectations.size(), 1u);
  const auto& e = t.expectations[0];
  EXPECT_EQ(e.gate.name, "enter_delivery");
  EXPECT_EQ(e.status.name, "fail");
  ASSERT_EQ(e.because.size(), 1u);
  EXPECT_EQ(e.because[0].block.name, "acid_test");
  EXPECT_FALSE(e.because[0].condition);
  EXPECT_EQ(p->text(e.span), "expect enter_delivery fail because acid_test");
}

TEST_F(ParserSpecExample, SpansByByteOffset) {
  const std::string& text = p->sources.file(p->id).text();
  const auto& g = decl<ast::Block>(11);
  EXPECT_EQ(g.name.span.begin, text.find("enter_delivery \"Ready"));
  EXPECT_EQ(g.name.span.end, g.name.span.begin + 14);
  EXPECT_EQ(g.span.begin, text.find("gate enter_delivery"));
  const auto& roi = decl<ast::Block>(8).conditions[1];
  auto at = text.find("value.annual_benefit >= min_roi");
  EXPECT_EQ(roi.expr->span.begin, at);
  EXPECT_EQ(roi.expr->op_span.begin, at + 21);
  EXPECT_EQ(roi.expr->op_span.end, at + 23);
  EXPECT_EQ(roi.expr->args[0]->path[1].span.begin, at + 6);
}

// ---- Expressions --------------------------------------------------------------------------------

TEST(ParserExpressions, PrecedenceTree) {
  EXPECT_EQ(expr_of("a or b and not c == d + e * -f ?? g"),
            "(or a (and b (not (== c (+ d (* e (neg (?? f g))))))))");
  EXPECT_EQ(expr_of("a and b or c and d"), "(or (and a b) (and c d))");
  EXPECT_EQ(expr_of("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(expr_of("8 / 4 * 2"), "(* (/ 8 4) 2)");
  EXPECT_EQ(expr_of("a ?? b ?? c"), "(?? (?? a b) c)");
  EXPECT_EQ(expr_of("not not a"), "(not (not a))");
  EXPECT_EQ(expr_of("- -3"), "(neg (neg 3))");
  EXPECT_EQ(expr_of("(a + b) * c"), "(* (+ a b) c)");
  EXPECT_EQ(expr_of("x not in [1, 2,]"), "(not-in x [ 1 2 ])");
  EXPECT_EQ(expr_of("not x in l"), "(not (in x l))");
  EXPECT_EQ(expr_of("a ?? -1"), "(?? a (neg 1))");
  EXPECT_EQ(expr_of("a != b"), "(!= a b)");
  EXPECT_EQ(expr_of("a < b"), "(< a b)");
  EXPECT_EQ(expr_of("a > b"), "(> a b)");
  EXPECT_EQ(expr_of("a >= b"), "(>= a b)");
  EXPECT_EQ(expr_of("today - @2026-01-01"), "(- today @2026-01-01)");
  EXPECT_EQ(expr_of("true or false"), "(or true false)");
  EXPECT_EQ(expr_of("[]"), "[ ]");
}

TEST(ParserExpressions, SpansCoverTheWholeExpression) {
  auto p = parse("const x = (a + b) * -c\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& e = *std::get<ast::ConstDecl>(p->file->decls[0]).value;
  EXPECT_EQ(p->text(e.span), "(a + b) * -c");
  EXPECT_EQ(p->text(e.op_span), "*");
  EXPECT_EQ(p->text(e.args[0]->span), "(a + b)");
  EXPECT_EQ(p->text(e.args[0]->op_span), "+");
  EXPECT_EQ(p->text(e.args[1]->span), "-c");
  EXPECT_EQ(p->text(e.args[1]->op_span), "-");
}

TEST(ParserExpressions, CountsTheParenthesesAroundEachNode) {
  auto p = parse("const x = ((a)) and (b or c) and not d\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& e = *std::get<ast::ConstDecl>(p->file->decls[0]).value;
  EXPECT_EQ(e.parens, 0);
  const auto& left = *e.args[0];  // ((a)) and (b or c)
  EXPECT_EQ(left.parens, 0);
  EXPECT_EQ(left.args[0]->parens, 2);
  EXPECT_EQ(p->text(left.args[0]->span), "((a))");
  EXPECT_EQ(left.args[1]->parens, 1);
  EXPECT_EQ(left.args[1]->args[0]->parens, 0);
  EXPECT_EQ(e.args[1]->parens, 0);
}

TEST(ParserExpressions, CallsAndQuantifiers) {
  EXPECT_EQ(expr_of("count(xs)"), "(call count xs)");
  EXPECT_EQ(expr_of("count(x in xs)"), "(call count (in x xs))");
  EXPECT_EQ(expr_of("count(x in xs and y)"), "(call count (and (in x xs) y))");
  EXPECT_EQ(expr_of("count(x in xs: x > 1)"), "(count x xs (> x 1))");
  EXPECT_EQ(expr_of("sum(d in deals: d.value * 2)"), "(sum d deals (* d.value 2))");
  EXPECT_EQ(expr_of("all(x in a ?? b: x)"), "(all x (?? a b) x)");
  EXPECT_EQ(expr_of("exists(a.b)"), "(call exists a.b)");
  EXPECT_EQ(expr_of("contains(lower(s), \"x\",)"), "(call contains (call lower s) \"x\")");
  EXPECT_EQ(expr_of("f()"), "(call f)");
  EXPECT_EQ(expr_of("any (x in xs: any(y in x.ys: y))"), "(any x xs (any y x.ys y))");
  auto p = parse("const x = max(v in vs: v)");
  ASSERT_TRUE(p->file);
  const auto& q = *std::get<ast::ConstDecl>(p->file->decls[0]).value;
  EXPECT_EQ(q.kind, ast::Expr::Kind::Quantifier);
  EXPECT_EQ(p->text(q.callee.span), "max");
  EXPECT_EQ(p->text(q.span), "max(v in vs: v)");
}

TEST(ParserExpressions, KeywordsAreWholeWords) {
  EXPECT_EQ(expr_of("counted + notable + order + android + inner + todays"),
            "(+ (+ (+ (+ (+ counted notable) order) android) inner) todays)");
  EXPECT_EQ(expr_of("sum + min + max + lower + contains + starts_with + len"),
            "(+ (+ (+ (+ (+ (+ sum min) max) lower) contains) starts_with) len)");
  EXPECT_EQ(expr_of("pass or fail or unknown"), "(or (or pass fail) unknown)");
  auto p = parse("milestone m {\n  requires counted\n  require x\n}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& block = std::get<ast::Block>(p->file->decls[0]);
  ASSERT_EQ(block.requires_stmts.size(), 1u);
  EXPECT_EQ(block.requires_stmts[0].names[0].name, "counted");
  EXPECT_EQ(block.conditions.size(), 1u);
}

TEST(ParserExpressions, Numbers) {
  EXPECT_EQ(expr_of("12"), "12");
  EXPECT_EQ(expr_of("12.5"), "12.5");
  EXPECT_EQ(expr_of("1_000_000"), "1e+06");
  auto p = parse("const x = 1_000_000.25");
  ASSERT_TRUE(p->file);
  EXPECT_EQ(std::get<ast::ConstDecl>(p->file->decls[0]).value->number, 1000000.25);
  EXPECT_EQ(expr_of("1__0"), "error: t.gate:1:12: error: malformed number");
  EXPECT_EQ(expr_of("12abc"), "error: t.gate:1:13: error: malformed number");
}

TEST(ParserExpressions, HugeNumberIsReported) {
  auto p = parse("const x = 1" + std::string(400, '0'));
  ASSERT_TRUE(p->file);
  ASSERT_EQ(p->diagnostics.items().size(), 1u);
  EXPECT_EQ(p->diagnostics.items()[0].code, "invalid-number");
  EXPECT_EQ(p->first_line(), "t.gate:1:11: error: number is too large");
}

TEST(ParserExpressions, PathsMayBreakAfterADot) {
  EXPECT_EQ(expr_of("value.\n  price"), "value.price");
  EXPECT_EQ(expr_of("a. b.c"), "a.b.c");
}

TEST(ParserExpressions, StringsAndEscapes) {
  auto p = parse(R"(const x = "a\"b\\c\nd\te\u{1F600}\u{e9}")");
  ASSERT_TRUE(p->file) << p->rendered();
  EXPECT_EQ(std::get<ast::ConstDecl>(p->file->decls[0]).value->text,
            "a\"b\\c\nd\te\xF0\x9F\x98\x80\xC3\xA9");
  // Ordinary strings do not interpolate.
  EXPECT_EQ(expr_of(R"("{a} }")"), R"("{a} }")");
}

TEST(ParserExpressions, UnknownEscapeIsReportedAndParsingGoesOn) {
  auto p = parse("const x = \"a\\qb\"\nconst y = \"\\u{D800}\"\nconst z = \"\\u12\"\n");
  ASSERT_TRUE(p->file);
  EXPECT_EQ(p->file->decls.size(), 3u);
  ASSERT_EQ(p->diagnostics.items().size(), 3u);
  EXPECT_EQ(p->rendered(),
            "t.gate:1:13: error: unknown escape `\\q`\n"
            "   |\n"
            " 1 | const x = \"a\\qb\"\n"
            "   |             ^~\n"
            "  = help: the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{...}` with 1 to 6 hex "
            "digits\n"
            "t.gate:2:12: error: `\\u{D800}` is not a Unicode scalar value\n"
            "   |\n"
            " 2 | const y = \"\\u{D800}\"\n"
            "   |            ^~~~~~~~\n"
            "  = help: code points go up to `10FFFF` and exclude the surrogates `D800`-`DFFF`\n"
            "t.gate:3:12: error: malformed Unicode escape\n"
            "   |\n"
            " 3 | const z = \"\\u12\"\n"
            "   |            ^~\n"
            "  = help: write `\\u{` then 1 to 6 hex digits then `}`, like `\\u{1F600}`\n");
  EXPECT_EQ(p->diagnostics.items()[0].code, "invalid-escape");
}

TEST(ParserExpressions, Dates) {
  auto p = parse("const x = @2024-02-29\nconst y = @2026-02-30\nconst z = @2026-13-01\n");
  ASSERT_TRUE(p->file);
  ASSERT_EQ(p->file->decls.size(), 3u);
  const auto& leap = *std::get<ast::ConstDecl>(p->file->decls[0]).value;
  EXPECT_EQ(leap.kind, ast::Expr::Kind::Date);
  EXPECT_EQ(leap.text, "2024-02-29");
  EXPECT_EQ(leap.day, 29);
  ASSERT_EQ(p->diagnostics.items().size(), 2u);
  EXPECT_EQ(p->diagnostics.items()[0].code, "invalid-date");
  EXPECT_EQ(p->first_line(),
            "t.gate:2:11: error: `2026-02-30` is not a date: February 2026 has 28 days");
  EXPECT_EQ(p->diagnostics.items()[1].message, "`2026-13-01` is not a date: there is no month 13");
  EXPECT_EQ(expr_of("@2026-1-01"),
            "error: t.gate:1:12: error: expected a date `YYYY-MM-DD` after `@`");
}

TEST(ParserExpressions, DeepNestingIsADiagnosticNotACrash) {
  std::string ok = std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_EQ(expr_of(ok), "1");
  for (std::string open : {"(", "[", "not ", "-", "f("}) {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += open;
    auto p = parse("const x = " + deep + "1");
    EXPECT_FALSE(p->file);
    ASSERT_EQ(p->diagnostics.items().size(), 1u) << open;
    EXPECT_EQ(p->diagnostics.items()[0].message,
              "expression is nested too deeply (more than 256 levels)");
  }
  auto p = parse("const x = " + std::string(10000, '(') + "1");
  EXPECT_EQ(p->first_line(),
            "t.gate:1:267: error: expression is nested too deeply (more than 256 levels)");
}

TEST(ParserExpressions, LongOperatorChainsAreBounded) {
  auto chain = [](int terms, const std::string& op) {
    std::string text = "a";
    for (int i = 1; i < terms; ++i) text += op + "a";
    return text;
  };
  auto p = parse("const x = " + chain(1024, " or "));
  EXPECT_TRUE(p->file) << p->first_line();
  // A left-leaning tree 200,000 deep would overflow the stack of every later pass.
  for (std::string op : {" + ", " and ", " ?? ", " * "}) {
    p = parse("const x = " + chain(200000, op));
    EXPECT_FALSE(p->file);
    ASSERT_EQ(p->diagnostics.items().size(), 1u);
    EXPECT_EQ(p->diagnostics.items()[0].message,
              "expression is too complex (more than 1024 levels of operators)");
  }
  p = parse("const x = " + chain(1025, " or "));
  EXPECT_EQ(p->first_line().substr(0, 16), "t.gate:1:5128: e");
}

// ---- Messages -----------------------------------------------------------------------------------

ast::Message message_of(Parsed& p) {
  return std::move(*std::get<ast::Block>(p.file->decls.at(0)).conditions.at(0).message);
}

TEST(ParserMessages, LiteralBracesAndInterpolations) {
  auto p =
      parse("milestone m { require x else \"{{a}} { count( l ) } \\\"q\\\" {lower(\"Z\")}!\" }");
  ASSERT_TRUE(p->file) << p->rendered();
  auto m = message_of(*p);
  ASSERT_EQ(m.parts.size(), 5u);
  EXPECT_EQ(m.parts[0].text, "{a} ");
  EXPECT_EQ(sexpr(*m.parts[1].expr), "(call count l)");
  EXPECT_EQ(m.parts[2].text, " \"q\" ");
  EXPECT_EQ(sexpr(*m.parts[3].expr), "(call lower \"Z\")");
  EXPECT_EQ(m.parts[4].text, "!");
}

TEST(ParserMessages, Errors) {
  auto p = parse("milestone m {\n  require x else \"a } b\"\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:21: error: unmatched `}` in the message");
  EXPECT_EQ(p->diagnostics.items()[0].help, "write `}}` for a literal `}`");
  p = parse("milestone m {\n  require x else \"a {b\"\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:23: error: expected `}` to close the interpolation");
  p = parse("milestone m {\n  require x else \"a {}\"\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:22: error: expected an expression after `{` in the message");
  p = parse("milestone m {\n  require x else \"abc\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:18: error: unterminated string");
  p = parse("milestone m {\n  require x else oops\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:18: error: expected a message string after `else`");
}

// ---- Declarations -------------------------------------------------------------------------------

TEST(ParserDeclarations, EmptyAndCommentOnlyFiles) {
  for (std::string text : {"", "   \n\n", "# nothing here\n  # at all", "\xEF\xBB\xBF# bom\n"}) {
    auto p = parse(text);
    ASSERT_TRUE(p->file) << p->rendered();
    EXPECT_TRUE(p->file->decls.empty());
    EXPECT_TRUE(p->diagnostics.items().empty());
  }
  auto p = parse("# one\n# two\r\nconst a = 1 # three\n");
  ASSERT_TRUE(p->file);
  ASSERT_EQ(p->file->comments.size(), 3u);
  EXPECT_EQ(p->text(p->file->comments[1].span), "# two");
  EXPECT_EQ(p->text(p->file->comments[2].span), "# three");
}

TEST(ParserDeclarations, OptionalCommasBetweenFields) {
  auto p = parse(
      "facts {\n  a: number\n  b: { c: bool, d: list<list<string>>,\n  e: date }, f: string,\n}\n"
      "test \"t\" {\n  given { a: 1\n b: { c: true }, f: \"x\" }\n"
      "  param min_roi = -3\n  param other = [1, 2]\n"
      "  expect g pass\n  expect h unknown because m, m.label, m.2\n}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& facts = std::get<ast::FactsDecl>(p->file->decls[0]);
  ASSERT_EQ(facts.fields.size(), 3u);
  EXPECT_EQ(facts.fields[1].type->fields.size(), 3u);
  EXPECT_EQ(facts.fields[1].type->fields[1].type->element->element->kind,
            ast::TypeExpr::Kind::String);
  const auto& t = std::get<ast::TestDecl>(p->file->decls[1]);
  EXPECT_EQ(sexpr(*t.given), "{ a: 1 b: { c: true } f: \"x\" }");
  ASSERT_EQ(t.params.size(), 2u);
  EXPECT_EQ(t.params[0].name.name, "min_roi");
  EXPECT_EQ(sexpr(*t.params[0].value), "(neg 3)");
  EXPECT_EQ(p->text(t.params[0].span), "param min_roi = -3");
  ASSERT_EQ(t.expectations.size(), 2u);
  const auto& because = t.expectations[1].because;
  ASSERT_EQ(because.size(), 3u);
  EXPECT_EQ(because[1].condition->name, "label");
  EXPECT_EQ(because[2].condition->name, "2");
  EXPECT_EQ(p->text(because[2].span), "m.2");
  EXPECT_FALSE(t.today);

  auto q = parse("facts {\n  a: number b: bool\n}\n");
  EXPECT_EQ(q->first_line(), "t.gate:2:13: error: expected `,` between fields");
  q = parse("test \"t\" {\n  given { a: 1 b: 2 }\n  expect g pass\n}\n");
  EXPECT_EQ(q->first_line(), "t.gate:2:16: error: expected `,` between fields");
}

TEST(ParserDeclarations, LabelVersusExpression) {
  auto p = parse(
      "milestone m {\n  require x\n  require y: x\n  warn z : a.b == 1 else \"w\"\n  require "
      "(q)\n}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& c = std::get<ast::Block>(p->file->decls[0]).conditions;
  ASSERT_EQ(c.size(), 4u);
  EXPECT_FALSE(c[0].label);
  EXPECT_EQ(sexpr(*c[0].expr), "x");
  EXPECT_EQ(c[1].label->name, "y");
  EXPECT_EQ(sexpr(*c[1].expr), "x");
  EXPECT_EQ(c[2].kind, ast::Condition::Kind::Warn);
  EXPECT_EQ(c[2].label->name, "z");
  EXPECT_EQ(sexpr(*c[3].expr), "q");
}

TEST(ParserDeclarations, GateWithoutLabelOrPhase) {
  auto p = parse("gate g {}\nmilestone m \"M\" {}\ngate h enters P { requires m }");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& g = std::get<ast::Block>(p->file->decls[0]);
  EXPECT_FALSE(g.label);
  EXPECT_FALSE(g.enters);
  EXPECT_EQ(std::get<ast::Block>(p->file->decls[2]).enters->name, "P");
}

TEST(ParserDeclarations, NonUtf8File) {
  auto p = parse("const a = \"ok \xC3\xA9\"\nconst b = \"\xFF\"\n");
  EXPECT_FALSE(p->file);
  ASSERT_EQ(p->diagnostics.items().size(), 1u);
  EXPECT_EQ(p->diagnostics.items()[0].code, "invalid-utf8");
  EXPECT_EQ(p->first_line(), "t.gate:2:12: error: the file is not valid UTF-8 (byte 0xff)");
  p = parse("const a = \"caf\xE9\"");  // Latin-1, not UTF-8
  EXPECT_EQ(p->first_line(), "t.gate:1:15: error: the file is not valid UTF-8 (byte 0xe9)");
  p = parse("const a = \"\xE2\x82");  // cut short by the end of the file
  EXPECT_EQ(p->first_line(), "t.gate:1:12: error: the file is not valid UTF-8 (byte 0xe2)");
  p = parse("const a = \"\xED\xA0\x80\"");  // a surrogate
  EXPECT_EQ(p->first_line(), "t.gate:1:12: error: the file is not valid UTF-8 (byte 0xed)");
  p = parse("const a = \"\xC0\xAF\"");  // overlong
  EXPECT_EQ(p->first_line(), "t.gate:1:12: error: the file is not valid UTF-8 (byte 0xc0)");
}

// ---- Waivers ------------------------------------------------------------------------------------

TEST(ParserWaivers, ReadEveryClauseInAnyOrder) {
  auto p = parse(
      "waiver acme \"W-17\" {\n  until @2026-12-31\n  deal \"D-1\", \"D-2\"\n"
      "  waives value_confirmed.roi, acid_test, m.2\n  approved by \"Dana Lee\"\n  reason "
      "\"pilot\"\n}\n"
      "waiver small { when price < 1000 waives m approved by \"Sam\" until @2027-01-31 }\n");
  ASSERT_TRUE(parses_cleanly(*p));
  const auto& acme = std::get<ast::WaiverDecl>(p->file->decls.at(0));
  EXPECT_EQ(acme.name.name, "acme");
  EXPECT_EQ(acme.label, "W-17");
  ASSERT_EQ(acme.deals.size(), 2u);
  EXPECT_EQ(acme.deals[1].text, "D-2");
  EXPECT_EQ(p->text(acme.deals[1].span), "\"D-2\"");
  ASSERT_EQ(acme.targets.size(), 3u);
  EXPECT_EQ(acme.targets[0].block.name, "value_confirmed");
  EXPECT_EQ(acme.targets[0].condition->name, "roi");
  EXPECT_FALSE(acme.targets[1].condition);
  EXPECT_EQ(acme.targets[2].condition->name, "2");
  EXPECT_EQ(p->text(acme.targets[0].span), "value_confirmed.roi");
  EXPECT_EQ(acme.approver->text, "Dana Lee");
  EXPECT_EQ(p->text(acme.approver_span), "approved by \"Dana Lee\"");
  EXPECT_EQ(acme.reason->text, "pilot");
  EXPECT_EQ(acme.until->text, "2026-12-31");
  EXPECT_FALSE(acme.when);
  const auto& small = std::get<ast::WaiverDecl>(p->file->decls.at(1));
  ASSERT_TRUE(small.when);
  EXPECT_EQ(p->text(small.when->span), "price < 1000");
  EXPECT_TRUE(small.deals.empty());
  EXPECT_FALSE(small.reason);
}

// The words of a waiver are not reserved: facts may be called `deal`, `reason` or `until`.
TEST(ParserWaivers, TheirWordsAreNotReserved) {
  auto p = parse(
      "facts { deal: string, reason: string, until: date, when: bool }\n"
      "gate g { require when and reason == deal and until < today }\n"
      "waiver w { when when waives g approved by \"x\" until @2026-01-01 }\n");
  EXPECT_TRUE(parses_cleanly(*p));
}

TEST(ParserWaivers, AnExpectationCanNameWaivedConditions) {
  auto p = parse("test \"t\" { given { id: \"D-1\" }\n expect g pass waived a.roi, b\n}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& test = std::get<ast::TestDecl>(p->file->decls.at(0));
  const auto& waived = test.expectations.at(0).waived;
  ASSERT_EQ(waived.size(), 2u);
  EXPECT_EQ(waived[0].block.name, "a");
  EXPECT_EQ(waived[0].condition->name, "roi");
  EXPECT_EQ(waived[1].block.name, "b");
}

// ---- Show -----------------------------------------------------------------------------------

TEST(ParserShow, ReadsFactsHeadingsAndTheMoney) {
  auto p = parse(
      "show {\n  account \"Account\"\n  crm.owner\n  amount \"Amount\" as money in currency\n"
      "}\nshow { price as money in \"EUR\" }\n");
  ASSERT_TRUE(parses_cleanly(*p));
  const auto& show = std::get<ast::ShowDecl>(p->file->decls.at(0));
  ASSERT_EQ(show.fields.size(), 3u);
  EXPECT_EQ(show.fields[0].label->text, "Account");
  EXPECT_FALSE(show.fields[0].money);
  ASSERT_EQ(show.fields[1].fact.size(), 2u);
  EXPECT_EQ(show.fields[1].fact[1].name, "owner");
  EXPECT_FALSE(show.fields[1].label);
  EXPECT_EQ(p->text(show.fields[1].fact_span), "crm.owner");
  EXPECT_TRUE(show.fields[2].money);
  ASSERT_EQ(show.fields[2].currency_fact.size(), 1u);
  EXPECT_EQ(show.fields[2].currency_fact[0].name, "currency");
  EXPECT_EQ(p->text(show.fields[2].span), "amount \"Amount\" as money in currency");
  const auto& second = std::get<ast::ShowDecl>(p->file->decls.at(1));
  ASSERT_EQ(second.fields.size(), 1u);
  EXPECT_EQ(second.fields[0].currency_code->text, "EUR");
  EXPECT_TRUE(second.fields[0].currency_fact.empty());
}

// ---- Source ---------------------------------------------------------------------------------

TEST(ParserSource, ReadsColumnsFormatsConstantsAndTheFooter) {
  auto p = parse(
      "source salesforce \"Salesforce report\" {\n"
      "  \"Opportunity ID\" -> id\n"
      "  \"Close Date\" -> crm.close_on as date \"MM/DD/YYYY\"\n"
      "  \"Amount\" -> amount as money \"1.234,56\"\n"
      "  \"Probability (%)\" -> probability as percent\n"
      "  currency = \"USD\"\n"
      "  footer \"Grand Totals\", \"Copyright\"\n"
      "}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  const auto& source = std::get<ast::SourceDecl>(p->file->decls.at(0));
  EXPECT_EQ(source.name.name, "salesforce");
  EXPECT_EQ(source.label->text, "Salesforce report");
  ASSERT_EQ(source.lines.size(), 6u);
  EXPECT_EQ(source.lines[0].column.text, "Opportunity ID");
  EXPECT_EQ(source.lines[0].format, ast::SourceLine::Format::Plain);
  EXPECT_EQ(source.lines[1].fact[1].name, "close_on");
  EXPECT_EQ(source.lines[1].format, ast::SourceLine::Format::Date);
  EXPECT_EQ(source.lines[1].pattern->text, "MM/DD/YYYY");
  EXPECT_EQ(p->text(source.lines[1].span), "\"Close Date\" -> crm.close_on as date \"MM/DD/YYYY\"");
  EXPECT_EQ(source.lines[2].format, ast::SourceLine::Format::Money);
  EXPECT_EQ(source.lines[2].pattern->text, "1.234,56");
  EXPECT_EQ(source.lines[3].format, ast::SourceLine::Format::Percent);
  EXPECT_FALSE(source.lines[3].pattern);
  EXPECT_EQ(source.lines[4].kind, ast::SourceLine::Kind::Constant);
  EXPECT_EQ(source.lines[4].value.text, "USD");
  EXPECT_EQ(source.lines[5].kind, ast::SourceLine::Kind::Footer);
  ASSERT_EQ(source.lines[5].footer.size(), 2u);
  EXPECT_EQ(source.lines[5].footer[1].text, "Copyright");
}

TEST(ParserSource, SaysWhatIsMissing) {
  auto p = parse("source crm {\n  \"Close Date\" close_on\n}\n");
  EXPECT_FALSE(p->file);
  EXPECT_EQ(p->first_line(), "t.gate:2:16: error: expected `->` and the fact this column fills");
  p = parse("source crm {\n  \"Close Date\" -> close_on as dat \"MM\"\n}\n");
  EXPECT_FALSE(p->file);
  EXPECT_NE(p->first_line().find("expected how the column is written after `as`"),
            std::string::npos)
      << p->first_line();
  p = parse("source crm {\n  \"Close Date\" -> close_on as date\n}\n");
  EXPECT_FALSE(p->file);
  EXPECT_NE(p->first_line().find("expected the date's pattern"), std::string::npos)
      << p->first_line();
}

TEST(ParserShow, SaysWhatIsMissingAfterAs) {
  auto p = parse("show {\n  amount as mony in currency\n}\n");
  EXPECT_FALSE(p->file);
  EXPECT_EQ(p->first_line(), "t.gate:2:13: error: expected `money` after `as`");
}

// ---- Pasted text --------------------------------------------------------------------------------

// Curly quotes, odd spaces and dashes are text like any other inside strings and comments; only
// where the rules cannot be read is one named.
TEST(ParserPastedText, IsTextInsideStringsAndComments) {
  auto p = parse(
      "# the customer\u2019s view \u2013 \u201Cquoted\u201D\u00A0\n"
      "gate g \"The customer\u2019s \u201Cview\u201D\" {\n"
      "  require a == \"\u00A0\u2013\u200B\" else \"\u2018{a}\u2019\"\n}\n");
  EXPECT_TRUE(parses_cleanly(*p));
}

TEST(ParserPastedText, IsNamedWhereTheParseStops) {
  auto p = parse("gate g {\n  require a\u00A0and b\n}\n");
  ASSERT_FALSE(p->file);
  ASSERT_EQ(p->diagnostics.items().size(), 1u);
  EXPECT_EQ(p->diagnostics.items()[0].code, "pasted-text");
  EXPECT_EQ(
      p->first_line(),
      "t.gate:2:12: error: this is a non-breaking space (U+00A0), which looks like a space but "
      "is not one; write a plain space");
  p = parse("facts {\n  id: string\u00A0\n}\n");  // a trailing one, where a field ends
  EXPECT_EQ(
      p->first_line(),
      "t.gate:2:13: error: this is a non-breaking space (U+00A0), which looks like a space but "
      "is not one; write a plain space");
  p = parse("milestone m \u201CValue\u201D {\n}\n");  // where an optional label could start
  EXPECT_EQ(p->first_line(),
            "t.gate:1:13: error: this is a curly quote `\u201C` from a word processor; write a "
            "straight quote `\"`");
  p = parse("const x = \"open\u201D\n");
  EXPECT_EQ(
      p->first_line(),
      "t.gate:1:16: error: this string ends with a curly quote `\u201D` from a word processor; "
      "close it with a straight quote `\"`");
}

// `require roi value.benefit > 1` lacks the label's `:`; what a condition can be is not mistaken
// for it.
TEST(ParserPastedText, ALabelWithoutItsColon) {
  EXPECT_EQ(parse("gate g {\n  warn recent today - last <= 30\n}")->first_line(),
            "t.gate:2:8: error: expected `:` after the label `recent`");
  for (const char* condition :
       {"a in b", "a not in b", "ok: a", "a else \"m\"", "a # note", "a\n  b == 1", "a and b",
        "not a", "count(x) > 1", "a ?? b", "exists(a)"}) {
    auto p = parse(std::string("gate g {\n  require ") + condition + "\n}\n");
    bool label_error =
        !p->diagnostics.items().empty() &&
        p->diagnostics.items()[0].message.find("after the label") != std::string::npos;
    EXPECT_FALSE(label_error) << condition << "\n" << p->rendered();
  }
  auto upper = parse("gate g {\n  require NOT a\n}\n");
  EXPECT_EQ(upper->first_line(),
            "t.gate:2:11: error: `NOT` is not an operator; did you mean `not`?");
}

// ---- Syntax errors: exact text and position -----------------------------------------------------

std::string first_error(const std::string& text) {
  auto p = parse(text);
  EXPECT_FALSE(p->file);
  EXPECT_EQ(p->diagnostics.items().size(), 1u) << p->rendered();
  if (!p->diagnostics.items().empty()) {
    EXPECT_EQ(p->diagnostics.items()[0].code, "syntax");
  }
  return p->first_line();
}

TEST(ParserErrors, MissingCloseParenOfCall) {
  auto p = parse("gate g {\n  require any(s in xs: s.ok\n  warn y\n}\n");
  EXPECT_EQ(p->rendered(),
            "t.gate:3:3: error: expected `)` to close `any(`\n"
            "   |\n"
            " 3 |   warn y\n"
            "   |   ^~~~\n"
            "t.gate:2:11: note: `any(` opened here\n"
            "   |\n"
            " 2 |   require any(s in xs: s.ok\n"
            "   |           ^~~~\n");
  EXPECT_EQ(first_error("const x = f(a b)"), "t.gate:1:15: error: expected `)` to close `f(`");
  EXPECT_EQ(first_error("const x = (a"), "t.gate:1:13: error: expected `)` to close `(`");
  EXPECT_EQ(first_error("const x = [a b]"), "t.gate:1:14: error: expected `,` or `]` to close `[`");
}

TEST(ParserErrors, Blocks) {
  EXPECT_EQ(first_error("milestone x\n  require a\n}"),
            "t.gate:2:3: error: expected `{` to open the block of milestone `x`");
  EXPECT_EQ(first_error("gate x \"X\" enter P {}"),
            "t.gate:1:12: error: expected `{` to open the block of gate `x`");
  auto p = parse("milestone m {\n  requre a\n}\n");
  EXPECT_EQ(p->first_line(),
            "t.gate:2:3: error: expected a statement (`requires`, `require` or `warn`) or `}`");
  EXPECT_EQ(p->diagnostics.items()[0].help, "did you mean `require`?");
  EXPECT_EQ(p->text(p->diagnostics.items()[0].span), "requre");
  p = parse("gate x \"X\" enter P {}");
  EXPECT_EQ(p->diagnostics.items()[0].help, "did you mean `enters`?");
  EXPECT_EQ(first_error("milestone m {\n  require a\n"),
            "t.gate:2:12: error: expected a statement (`requires`, `require` or `warn`) or `}`");
  EXPECT_EQ(first_error("milestone m { require }"),
            "t.gate:1:23: error: expected a condition after `require`");
  EXPECT_EQ(first_error("milestone m { require a: }"),
            "t.gate:1:26: error: expected a condition after `:`");
  EXPECT_EQ(first_error("milestone m { requires }"),
            "t.gate:1:24: error: expected a milestone or gate name after `requires`");
  EXPECT_EQ(first_error("gate g enters { }"),
            "t.gate:1:15: error: expected a phase name after `enters`");
}

TEST(ParserErrors, UnderlinesTheWholeOffendingString) {
  auto p = parse("milestone m \"a\" \"b \\\" c\" {}");
  EXPECT_EQ(p->first_line(), "t.gate:1:17: error: expected `{` to open the block of milestone `m`");
  EXPECT_EQ(p->text(p->diagnostics.items()[0].span), "\"b \\\" c\"");
}

TEST(ParserErrors, Expressions) {
  EXPECT_EQ(first_error("const x = a and\n"),
            "t.gate:1:16: error: expected an expression after `and`");
  EXPECT_EQ(first_error("const x = a or )"),
            "t.gate:1:16: error: expected an expression after `or`");
  EXPECT_EQ(first_error("const x = not"), "t.gate:1:14: error: expected an expression after `not`");
  EXPECT_EQ(first_error("const x = a <= ]"),
            "t.gate:1:16: error: expected an expression after `<=`");
  EXPECT_EQ(first_error("const x = a + *"), "t.gate:1:15: error: expected an expression after `+`");
  EXPECT_EQ(first_error("const x = a * )"), "t.gate:1:15: error: expected an expression after `*`");
  EXPECT_EQ(first_error("const x = a ?? )"),
            "t.gate:1:16: error: expected an expression after `??`");
  EXPECT_EQ(first_error("const x = a not in )"),
            "t.gate:1:20: error: expected an expression after `in`");
  EXPECT_EQ(first_error("const x = a.count"),
            "t.gate:1:13: error: `count` is a reserved word and cannot name a fact");
  EXPECT_EQ(first_error("const x = count"), "t.gate:1:16: error: expected `(` after `count`");
  EXPECT_EQ(first_error("const x = any(x in : y)"),
            "t.gate:1:20: error: expected a list after `in`");
  EXPECT_EQ(first_error("const x = a = b"), "t.gate:1:13: error: `=` is not a comparison operator");
}

TEST(ParserErrors, OperatorsFromOtherLanguages) {
  auto p = parse("milestone m { require a && b }");
  EXPECT_EQ(p->first_line(), "t.gate:1:25: error: `&&` is not an operator");
  EXPECT_EQ(p->diagnostics.items()[0].help, "write `and`");
  EXPECT_EQ(p->text(p->diagnostics.items()[0].span), "&&");
  EXPECT_EQ(first_error("const x = a || b"), "t.gate:1:13: error: `||` is not an operator");
  EXPECT_EQ(first_error("const x = !b"), "t.gate:1:11: error: `!` is not an operator");
  p = parse("const x = a = b");
  EXPECT_EQ(p->diagnostics.items()[0].help, "write `==` to compare two values");
}

TEST(ParserErrors, CommentInsideInterpolation) {
  EXPECT_EQ(first_error("milestone m { require x else \"{a # b}\" }"),
            "t.gate:1:34: error: unexpected `#` in an interpolation");
}

TEST(ParserErrors, ChainedComparison) {
  auto p = parse("milestone m {\n  require a < b < c\n}\n");
  EXPECT_EQ(p->first_line(), "t.gate:2:17: error: comparison operators cannot be chained");
  EXPECT_EQ(p->diagnostics.items()[0].help, "combine them with `and`: `a < b and b < c`");
  EXPECT_EQ(first_error("const x = a == b not in c"),
            "t.gate:1:18: error: comparison operators cannot be chained");
  EXPECT_EQ(first_error("const x = count(x in l == true)"),
            "t.gate:1:24: error: comparison operators cannot be chained");
  EXPECT_EQ(expr_of("(a < b) < c"), "(< (< a b) c)");
}

TEST(ParserErrors, TopLevel) {
  auto p = parse("milestne m {}\n");
  EXPECT_EQ(
      p->first_line(),
      "t.gate:1:1: error: expected a declaration (`ruleset`, `phases`, `facts`, `const`, `param`, "
      "`milestone`, `gate`, `stages`, `waiver` or `test`)");
  EXPECT_EQ(p->diagnostics.items()[0].help, "did you mean `milestone`?");
  EXPECT_EQ(p->text(p->diagnostics.items()[0].span), "milestne");
  p = parse("const a = 1\n\n  42\n");
  EXPECT_EQ(
      p->first_line(),
      "t.gate:3:3: error: expected a declaration (`ruleset`, `phases`, `facts`, `const`, `param`, "
      "`milestone`, `gate`, `stages`, `waiver` or `test`)");
  EXPECT_EQ(p->diagnostics.items()[0].help, "");
  EXPECT_EQ(first_error("ruleset Title"),
            "t.gate:1:9: error: expected a title string after `ruleset`");
  EXPECT_EQ(first_error("ruleset \"Title"), "t.gate:1:9: error: unterminated string");
  EXPECT_EQ(first_error("phases A -> "), "t.gate:1:12: error: expected a phase name after `->`");
  EXPECT_EQ(first_error("facts id: string"), "t.gate:1:7: error: expected `{` after `facts`");
  EXPECT_EQ(first_error("const = 1"), "t.gate:1:7: error: expected a constant name after `const`");
  EXPECT_EQ(first_error("const a 1"),
            "t.gate:1:9: error: expected `=` and the value of constant `a`");
  EXPECT_EQ(first_error("const a ="), "t.gate:1:10: error: expected an expression after `=`");
  EXPECT_EQ(first_error("param p = 1"),
            "t.gate:1:9: error: expected `:` and the type of parameter `p`");
  EXPECT_EQ(first_error("param p: number 1"),
            "t.gate:1:17: error: expected `=` and the default value of parameter `p`");
}

TEST(ParserErrors, ReservedWordsAsNames) {
  EXPECT_EQ(first_error("facts {\n  count: number\n}"),
            "t.gate:2:3: error: `count` is a reserved word and cannot name a fact");
  EXPECT_EQ(first_error("facts { a: { in: bool } }"),
            "t.gate:1:14: error: `in` is a reserved word and cannot name a fact");
  EXPECT_EQ(first_error("const date = 1"),
            "t.gate:1:7: error: `date` is a reserved word and cannot name a constant");
  EXPECT_EQ(first_error("param all: bool = true"),
            "t.gate:1:7: error: `all` is a reserved word and cannot name a parameter");
  EXPECT_EQ(first_error("milestone test {}"),
            "t.gate:1:11: error: `test` is a reserved word and cannot name a milestone");
  EXPECT_EQ(first_error("gate exists {}"),
            "t.gate:1:6: error: `exists` is a reserved word and cannot name a gate");
  EXPECT_EQ(first_error("phases A -> given"),
            "t.gate:1:13: error: `given` is a reserved word and cannot name a phase");
  EXPECT_EQ(first_error("milestone m { require count: x }"),
            "t.gate:1:23: error: `count` is a reserved word and cannot name a condition");
}

TEST(ParserErrors, Types) {
  auto p = parse("facts {\n  a: strng\n}");
  EXPECT_EQ(p->first_line(),
            "t.gate:2:6: error: expected a type (`bool`, `number`, `string`, `date`, `list<...>` "
            "or `{...}`)");
  EXPECT_EQ(p->diagnostics.items()[0].help, "did you mean `string`?");
  EXPECT_EQ(first_error("facts { a: list string }"),
            "t.gate:1:17: error: expected `<` after `list`");
  EXPECT_EQ(first_error("facts { a: list<string }"),
            "t.gate:1:24: error: expected `>` to close `list<`");
  EXPECT_EQ(first_error("facts { a number }"),
            "t.gate:1:11: error: expected `:` after the field name");
  EXPECT_EQ(first_error("facts { a: number ) }"),
            "t.gate:1:19: error: expected `,` or `}` after the field");
  EXPECT_EQ(first_error("facts { a: number, 3 }"),
            "t.gate:1:20: error: expected a field name or `}` to close `facts {`");
}

TEST(ParserErrors, Tests) {
  EXPECT_EQ(first_error("test t {}"),
            "t.gate:1:6: error: expected the test's name string after `test`");
  EXPECT_EQ(first_error("test \"t\" {\n  expect g pass\n}"),
            "t.gate:2:3: error: expected `given` and the deal record at the start of test \"t\"");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n}"),
            "t.gate:3:1: error: expected `expect` (a test needs at least one expectation)");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n  today 2026-01-01\n  expect g pass\n}"),
            "t.gate:3:9: error: expected a date `@YYYY-MM-DD` after `today`");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n  expect g\n}"),
            "t.gate:4:1: error: expected a status (`pass`, `fail` or `unknown`)");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n  expect g fail because\n}"),
            "t.gate:4:1: error: expected a milestone or condition after `because`");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n  expect g fail because m.0\n}"),
            "t.gate:3:27: error: expected a condition label or number after `.`");
  EXPECT_EQ(first_error("test \"t\" {\n  given {}\n  expect g pass\n  expcet h fail\n}"),
            "t.gate:4:3: error: expected `expect` or `}` to close test \"t\"");
  EXPECT_EQ(first_error("const r = { a: 1 }"),
            "t.gate:1:11: error: a record `{ ... }` can only appear in a test's `given`");
}

TEST(ParserStages, ReadsTheMappingWithSpans) {
  auto p = parse(
      "facts { stage: string }\n"
      "stages from crm.stage by owner {\n"
      "  \"Proposal\", \"Say \\\"hi\\\"\" -> Deliver  # two stages\n"
      "  \"Closed Lost\" -> none\n"
      "}\n");
  ASSERT_TRUE(p->file) << p->rendered();
  ASSERT_EQ(p->file->decls.size(), 2u);
  const auto& d = std::get<ast::StagesDecl>(p->file->decls[1]);
  ASSERT_EQ(d.fact.size(), 2u);
  EXPECT_EQ(d.fact[0].name, "crm");
  EXPECT_EQ(d.fact[1].name, "stage");
  EXPECT_EQ(p->text(d.fact_span), "crm.stage");
  ASSERT_EQ(d.owner.size(), 1u);
  EXPECT_EQ(p->text(d.owner_span), "owner");
  ASSERT_EQ(d.mappings.size(), 2u);
  ASSERT_EQ(d.mappings[0].values.size(), 2u);
  EXPECT_EQ(d.mappings[0].values[0].text, "Proposal");
  EXPECT_EQ(d.mappings[0].values[1].text, "Say \"hi\"");
  EXPECT_EQ(p->text(d.mappings[0].values[0].span), "\"Proposal\"");
  EXPECT_EQ(d.mappings[0].phase.name, "Deliver");
  EXPECT_FALSE(d.mappings[0].is_none);
  EXPECT_EQ(p->text(d.mappings[0].span), "\"Proposal\", \"Say \\\"hi\\\"\" -> Deliver");
  EXPECT_TRUE(d.mappings[1].is_none);
  EXPECT_EQ(d.mappings[1].values[0].text, "Closed Lost");
}

TEST(ParserStages, StageAndFromAreNotReserved) {
  auto p = parse(
      "facts { stage: string, stages: string, from: string, by: string, none: bool }\n"
      "stages from stages by from { \"x\" -> A }\n");
  ASSERT_TRUE(p->file) << p->rendered();
}

TEST(ParserStages, Errors) {
  EXPECT_EQ(first_error("stages stage { \"x\" -> A }"),
            "t.gate:1:8: error: expected `from` and the fact that holds the CRM stage");
  EXPECT_EQ(first_error("stages from { \"x\" -> A }"),
            "t.gate:1:13: error: expected the fact that holds the CRM stage after `from`");
  EXPECT_EQ(first_error("stages from stage {\n  \"x\" \"y\" -> A\n}"),
            "t.gate:2:7: error: expected `->` and the phase these stages belong to");
  EXPECT_EQ(first_error("stages from stage {\n  \"x\" -> \n}"),
            "t.gate:3:1: error: expected a phase name (or `none`) after `->`");
  EXPECT_EQ(first_error("stages from stage {\n  \"x\", -> A\n}"),
            "t.gate:2:8: error: expected a stage name string after `,`");
  EXPECT_EQ(first_error("stages from stage {\n  Proposal -> A\n}"),
            "t.gate:2:3: error: expected a stage name string or `}` to close `stages {`");
  EXPECT_EQ(
      first_error("stages from stage owner {}"),
      "t.gate:1:19: error: expected `{` to open the stage mapping (or `by` and the owner fact)");
}

}  // namespace
}  // namespace dealgate
