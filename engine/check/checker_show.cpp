// The `show` declaration: each fact shown must be a declared single value of the deal (not a list
// or a record, not inside a list), shown once; at most one is the money, a number, and its currency
// is a declared string fact or a code.
#include <fmt/format.h>

#include <map>

#include "base/suggest.hpp"
#include "engine/check/checker_internal.hpp"

namespace dealgate::checking {

namespace {

std::string dotted(const std::vector<ast::Ident>& path) {
  std::string out;
  for (const ast::Ident& segment : path) out += (out.empty() ? "" : ".") + segment.name;
  return out;
}

bool is_single_value(const SchemaNode& n) {
  return n.type != ValueType::List && n.type != ValueType::Record &&
         n.path.find('[') == std::string::npos;
}

}  // namespace

NodeIndex Checker::shown_fact(const std::vector<ast::Ident>& path, const Span& span) {
  const Schema& schema = out_.schema;
  const std::string name = dotted(path);
  NodeIndex node = schema.find_path(name);
  if (node == kNoNode) {
    std::vector<std::string> candidates;
    for (const SchemaNode& n : schema.nodes()) {
      if (is_single_value(n)) candidates.push_back(n.path);
    }
    std::string help = did_you_mean(name, candidates);
    if (help.empty()) help = fmt::format("declare it in `facts {{ {}: string }}`", name);
    diag_.error("unknown-fact", span, fmt::format("`{}` is not a declared fact", name), help);
    return kNoNode;
  }
  const SchemaNode& n = schema.node(node);
  if (!is_single_value(n)) {
    diag_.add({Severity::Error,
               "show-fact-type",
               fmt::format("`{}` cannot be shown beside a deal: it is {}", name,
                           n.type == ValueType::List || n.type == ValueType::Record
                               ? fmt::format("a {}", value_type_word(n.type))
                               : "inside a list"),
               span,
               "show one value of the deal: a string, number, date or bool, like `account`",
               {{n.span, "declared here"}}});
    return kNoNode;
  }
  fact_used_[node] = true;
  return node;
}

void Checker::check_show() {
  std::map<std::string, Span> seen;
  const ast::ShowField* money = nullptr;
  for (const ast::ShowDecl* decl : out_.show_decls) {
    for (const ast::ShowField& field : decl->fields) {
      NodeIndex node = shown_fact(field.fact, field.fact_span);
      if (node == kNoNode) continue;
      auto [first, inserted] = seen.emplace(dotted(field.fact), field.fact_span);
      if (!inserted) {
        diag_.add({Severity::Error,
                   "duplicate-show",
                   fmt::format("`{}` is shown twice", dotted(field.fact)),
                   field.fact_span,
                   "show each fact once; remove one of the lines",
                   {{first->second, "first shown here"}}});
        continue;
      }
      ShownField shown{&field, node, kNoNode};
      if (field.money) {
        const SchemaNode& n = out_.schema.node(node);
        if (money) {
          diag_.add({Severity::Error,
                     "duplicate-money",
                     "a rule set has one money fact, the amount totalled per currency",
                     field.fact_span,
                     "keep `as money in ...` on one line and show the other amount plainly",
                     {{money->fact_span, "the money is already declared here"}}});
          continue;
        }
        if (n.type != ValueType::Number) {
          diag_.add({Severity::Error,
                     "money-type",
                     fmt::format("the money fact `{}` must be a number, but it is declared as {}",
                                 dotted(field.fact), value_type_word(n.type)),
                     field.fact_span,
                     "totals add the amounts up, so the money is a number, like `amount: number`",
                     {{n.span, "declared here"}}});
          continue;
        }
        money = &field;
        if (!field.currency_code) {
          shown.currency = stage_audit_fact(field.currency_fact, field.currency_span, "currency");
          if (shown.currency == kNoNode) continue;
        } else if (field.currency_code->text.empty()) {
          diag_.error("empty-currency", field.currency_span, "the currency code is empty",
                      "write the code the data is in, like `as money in \"EUR\"`");
          continue;
        }
        out_.money = static_cast<std::uint32_t>(out_.shown.size());
      }
      out_.shown.push_back(shown);
    }
  }
}

}  // namespace dealgate::checking
