// Rule tests: a `given` record must fit the facts schema, and every `expect` must name a gate, a
// status and conditions that exist.
#include <fmt/format.h>

#include <cctype>
#include <functional>
#include <set>

#include "base/calendar.hpp"
#include "base/enum_words.hpp"
#include "base/suggest.hpp"
#include "engine/check/checker_internal.hpp"

namespace dealgate::checking {
namespace {

// What a test gives, for messages: a literal's kind, else (`today`, a path, a sum) an expression.
const char* literal_word(const ast::Expr& e) {
  static constexpr const char* kWords[] = {"a number",      "a string", "a bool",  "a date",
                                           "an expression", "a list",   "a record"};
  return enum_word<ast::Expr::Kind::Number, ast::Expr::Kind::Record>(e.kind, kWords,
                                                                     "an expression");
}

bool is_negative_number(const ast::Expr& e) {
  return e.kind == ast::Expr::Kind::Unary && e.unary_op == ast::UnaryOp::Negate &&
         e.args[0]->kind == ast::Expr::Kind::Number;
}

// Whether a fact of type `type` can hold the literal `value` (a date also takes a string, as in a
// deal's JSON), for the names offered when a `given` key is misspelt.
bool holds(ValueType type, const ast::Expr& value) {
  switch (value.kind) {
    case ast::Expr::Kind::String:
      return type == ValueType::String || type == ValueType::Date;
    case ast::Expr::Kind::Number:
      return type == ValueType::Number;
    case ast::Expr::Kind::Bool:
      return type == ValueType::Bool;
    case ast::Expr::Kind::Date:
      return type == ValueType::Date;
    case ast::Expr::Kind::List:
      return type == ValueType::List;
    case ast::Expr::Kind::Record:
      return type == ValueType::Record;
    default:
      return !is_negative_number(value) || type == ValueType::Number;
  }
}

// The fields of a record (or the top level), marked by whether they can hold `value`.
std::vector<Candidate> given_candidates(const Schema& schema, const std::vector<NodeIndex>& fields,
                                        const ast::Expr& value) {
  std::vector<Candidate> out;
  for (NodeIndex f : fields)
    out.push_back({schema.node(f).name, holds(schema.node(f).type, value)});
  return out;
}

}  // namespace

void Checker::check_given_value(const ast::Expr& value, NodeIndex n, const std::string& path) {
  const SchemaNode& node = out_.schema.node(n);
  auto mismatch = [&](const char* declared) {
    diag_.error("given-type", value.span,
                fmt::format("`{}` is declared as {}, but the test gives {}", path, declared,
                            literal_word(value)));
  };
  if (value.kind == ast::Expr::Kind::Path && value.path.size() == 1 &&
      report_keyword_case(value.path[0], "given-type")) {
    return;
  }
  switch (node.type) {
    case ValueType::Bool:
      if (value.kind != ast::Expr::Kind::Bool) mismatch("a bool");
      return;
    case ValueType::Number:
      if (value.kind != ast::Expr::Kind::Number && !is_negative_number(value)) mismatch("a number");
      return;
    case ValueType::String:
      if (value.kind != ast::Expr::Kind::String) mismatch("a string");
      return;
    case ValueType::Date:
      // A string is accepted as in the deal's JSON, so records can be pasted from an export.
      if (value.kind == ast::Expr::Kind::String) {
        if (!parse_date_or_timestamp(value.text)) {
          diag_.error("given-type", value.span,
                      fmt::format("`{}` is not a date; write `@YYYY-MM-DD`", value.text));
        }
      } else if (value.kind != ast::Expr::Kind::Date) {
        mismatch("a date");
      }
      return;
    case ValueType::List:
      if (value.kind != ast::Expr::Kind::List) {
        mismatch("a list");
        return;
      }
      for (const ast::ExprPtr& item : value.args)
        check_given_value(*item, node.element, path + "[]");
      return;
    case ValueType::Record:
      if (value.kind != ast::Expr::Kind::Record) {
        mismatch("a record");
        return;
      }
      check_given_fields(value, n, path);
      return;
  }
}

// The fields of a `given` record, the whole one (`parent` kNoNode, `path` empty) or one inside it:
// each given once, each a declared fact, each of its fact's type.
void Checker::check_given_fields(const ast::Expr& record, NodeIndex parent,
                                 const std::string& path) {
  const std::vector<NodeIndex>& declared =
      parent == kNoNode ? out_.schema.top_fields() : out_.schema.node(parent).fields;
  std::set<std::string> seen;
  for (const ast::RecordField& field : record.fields) {
    if (!seen.insert(field.key.name).second) {
      diag_.error("given-duplicate", field.key.span,
                  fmt::format("`{}` is given twice", field.key.name));
      continue;
    }
    const std::string at = path.empty() ? field.key.name : path + "." + field.key.name;
    NodeIndex child = out_.schema.find_field(parent, field.key.name);
    if (child == kNoNode) {
      diag_.error(
          "given-unknown-fact", field.key.span, fmt::format("`{}` is not a declared fact", at),
          did_you_mean(field.key.name, given_candidates(out_.schema, declared, *field.value)));
      continue;
    }
    check_given_value(*field.value, child, at);
  }
}

void Checker::check_test(const ast::TestDecl& test) {
  if (test.given && test.given->kind == ast::Expr::Kind::Record) {
    check_given_fields(*test.given, kNoNode, "");
  }

  for (const ast::ParamOverride& p : test.params) {
    auto it = symbols_.find(p.name.name);
    if (it == symbols_.end() || it->second.kind != Symbol::Kind::Param) {
      std::vector<std::string> names;
      for (const ParamInfo& info : out_.params) names.push_back(info.decl->name.name);
      diag_.error("unknown-param", p.name.span, fmt::format("there is no param `{}`", p.name.name),
                  did_you_mean(p.name.name, names));
      continue;
    }
    const ParamInfo& param = out_.params[it->second.index];
    const ast::Expr& v = *p.value;
    ValueType want = value_type_of(*param.decl->type);
    bool ok = (want == ValueType::Bool && v.kind == ast::Expr::Kind::Bool) ||
              (want == ValueType::Number &&
               (v.kind == ast::Expr::Kind::Number || is_negative_number(v))) ||
              (want == ValueType::String && v.kind == ast::Expr::Kind::String) ||
              (want == ValueType::Date && v.kind == ast::Expr::Kind::Date);
    if (!ok) {
      diag_.error("param-type", v.span,
                  fmt::format("param `{}` is {}, but the test gives {}", p.name.name,
                              describe(*type_from_kind(want)), literal_word(v)));
    }
  }

  for (const ast::Expectation& expect : test.expectations) {
    auto it = symbols_.find(expect.gate.name);
    if (it == symbols_.end() || it->second.kind != Symbol::Kind::Gate) {
      std::vector<std::string> gates;
      for (const auto& [n, s] : symbols_) {
        if (s.kind == Symbol::Kind::Gate) gates.push_back(n);
      }
      if (it != symbols_.end() && it->second.kind == Symbol::Kind::Milestone) {
        diag_.error(
            "unknown-gate", expect.gate.span,
            fmt::format("`{}` is a milestone; tests expect the status of gates", expect.gate.name),
            "expect the gate that requires it, and name the milestone after `because`");
      } else {
        diag_.error("unknown-gate", expect.gate.span,
                    fmt::format("there is no gate `{}`", expect.gate.name),
                    did_you_mean(expect.gate.name, gates));
      }
      continue;
    }
    const std::string& status = expect.status.name;
    if (status != "pass" && status != "fail" && status != "unknown") {
      diag_.error(
          "unknown-status", expect.status.span, fmt::format("`{}` is not a status", status), [&] {
            std::string h = did_you_mean(status, {"pass", "fail", "unknown"});
            return h.empty() ? std::string("a gate's status is `pass`, `fail` or `unknown`") : h;
          }());
    }
    if (status == "pass" && !expect.because.empty()) {
      diag_.error("because-on-pass", expect.because.front().span,
                  "`because` names the reasons for `fail` or `unknown`; a passing gate has none",
                  "remove the `because` part, or expect `fail`");
    }
    // Which blocks the gate reaches, to catch a `because` that can never explain it. Past a
    // `requires` name that is unknown (already reported) nobody knows, so nothing more is said.
    std::vector<bool> reached(out_.blocks.size(), false);
    bool reach_unknown = false;
    std::function<void(BlockIndex)> mark = [&](BlockIndex b) {
      if (reached[b]) return;
      reached[b] = true;
      reach_unknown = reach_unknown || out_.blocks[b].requires_unresolved;
      for (BlockIndex dep : out_.blocks[b].requires_blocks) mark(dep);
    };
    mark(it->second.index);
    // `because` names what made the gate fail; `waived` what a waiver had to waive for it.
    auto check_references = [&](const std::vector<ast::Reference>& refs, const char* role) {
      for (const ast::Reference& ref : refs) {
        BlockIndex block = block_named(ref.block);
        if (block == kNone) continue;
        if (!reached[block]) {
          if (reach_unknown) continue;
          diag_.error("unreached-because", ref.span,
                      fmt::format("gate `{}` does not require `{}`, so it cannot be {}",
                                  expect.gate.name, ref.block.name, role));
          continue;
        }
        if (ref.condition) condition_position(block, *ref.condition);
      }
    };
    check_references(expect.because, "the reason");
    check_references(expect.waived, "waived for it");
  }
}

}  // namespace dealgate::checking
