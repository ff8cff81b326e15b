// Declarations, the facts schema, blocks and the `requires` graph; warnings about the whole rule
// set.
#include "engine/check/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include "base/enum_words.hpp"
#include "base/suggest.hpp"
#include "engine/check/checker_internal.hpp"

namespace dealgate {
namespace checking {

TypeRef type_from_kind(ValueType v) {
  switch (v) {
    case ValueType::Bool:
      return Type::make(Type::Kind::Bool);
    case ValueType::Number:
      return Type::make(Type::Kind::Number);
    case ValueType::String:
      return Type::make(Type::Kind::String);
    case ValueType::Date:
      return Type::make(Type::Kind::Date);
    default:
      return Type::make(Type::Kind::Error);
  }
}

ValueType value_type_of(const ast::TypeExpr& t) {
  static constexpr ValueType kTypes[] = {ValueType::Bool, ValueType::Number, ValueType::String,
                                         ValueType::Date, ValueType::List,   ValueType::Record};
  return enum_lookup<ast::TypeExpr::Kind::Bool, ast::TypeExpr::Kind::Record>(t.kind, kTypes,
                                                                             ValueType::Bool);
}

namespace {

const char* symbol_word(Symbol::Kind k) {
  static constexpr const char* kWords[] = {"const", "param", "milestone", "gate", "waiver"};
  return enum_word<Symbol::Kind::Const, Symbol::Kind::Waiver>(k, kWords, "name");
}

}  // namespace

void Checker::add_symbol(const std::string& name, Symbol symbol) {
  auto [it, inserted] = symbols_.emplace(name, symbol);
  if (inserted) return;
  Diagnostic d;
  d.code = "duplicate-name";
  d.span = symbol.span;
  d.message = fmt::format("`{}` is already declared as a {}", name, symbol_word(it->second.kind));
  d.notes.push_back({it->second.span, fmt::format("`{}` was first declared here", name)});
  d.help = "every const, param, milestone, gate and waiver of a rule set needs its own name";
  diag_.add(std::move(d));
}

void Checker::merge_type(NodeIndex node, const ast::TypeExpr& type) {
  Schema& schema = out_.schema;
  if (type.kind == ast::TypeExpr::Kind::Record) {
    declare_fields(node, type.fields);
  } else if (type.kind == ast::TypeExpr::Kind::List) {
    NodeIndex element = schema.node(node).element;
    ValueType want = value_type_of(*type.element);
    if (element == kNoNode) {
      element = schema.set_element(node, want, type.element->span);
      merge_type(element, *type.element);
    } else if (schema.node(element).type != want) {
      Diagnostic d;
      d.code = "conflicting-fact";
      d.span = type.element->span;
      d.message = fmt::format("the elements of `{}` are declared as {} here but as {} before",
                              schema.node(node).path, value_type_word(want),
                              value_type_word(schema.node(element).type));
      d.notes.push_back({schema.node(element).span, "first declared here"});
      diag_.add(std::move(d));
    } else {
      merge_type(element, *type.element);
    }
  }
}

void Checker::declare_field(NodeIndex parent, const ast::FieldDecl& field) {
  Schema& schema = out_.schema;
  ValueType want = value_type_of(*field.type);
  NodeIndex existing = schema.find_field(parent, field.name.name);
  if (existing == kNoNode) {
    NodeIndex node = schema.add_field(parent, field.name.name, want, field.name.span);
    merge_type(node, *field.type);
    return;
  }
  const SchemaNode& before = schema.node(existing);
  if (before.type != want) {
    Diagnostic d;
    d.code = "conflicting-fact";
    d.span = field.name.span;
    d.message = fmt::format("fact `{}` is declared as {} here but as {} before", before.path,
                            value_type_word(want), value_type_word(before.type));
    d.notes.push_back({before.span, "first declared here"});
    d.help = "a fact path has one type in the whole rule set; rename one of them";
    diag_.add(std::move(d));
    return;
  }
  merge_type(existing, *field.type);
}

void Checker::declare_fields(NodeIndex parent, const std::vector<ast::FieldDecl>& fields) {
  for (const ast::FieldDecl& f : fields) declare_field(parent, f);
}

void Checker::collect(const std::vector<ast::File>& files) {
  // `ruleset` and `phases` stand at most once in a rule set: true for the first; a later one is
  // reported with a note where the first is.
  std::optional<Span> ruleset_at, phases_at;
  auto first_one = [&](std::optional<Span>& first, Span at, const char* code, const char* message,
                       const char* help, const char* note) {
    if (!first) {
      first = at;
      return true;
    }
    diag_.add({Severity::Error, code, message, at, help, {{*first, note}}});
    return false;
  };
  std::vector<std::pair<const ast::Block*, FileId>> blocks;
  for (const ast::File& file : files) {
    for (const ast::Decl& decl : file.decls) {
      if (auto* r = std::get_if<ast::RulesetDecl>(&decl)) {
        if (first_one(ruleset_at, r->span, "duplicate-ruleset",
                      "a rule set has at most one `ruleset` title",
                      "remove one of the `ruleset` lines", "the title is already set here")) {
          out_.title = r->title;
        }
      } else if (auto* p = std::get_if<ast::PhasesDecl>(&decl)) {
        if (!first_one(phases_at, p->span, "duplicate-phases",
                       "a rule set has at most one `phases` declaration",
                       "list every phase in one `phases A -> B -> C` line",
                       "the phases are already declared here")) {
          continue;
        }
        for (std::size_t i = 0; i < p->phases.size(); ++i) {
          const ast::Ident& phase = p->phases[i];
          auto seen = std::find(out_.phases.begin(), out_.phases.end(), phase.name);
          if (seen != out_.phases.end()) {
            diag_.error("duplicate-phase", phase.span,
                        fmt::format("phase `{}` is listed twice", phase.name));
          }
          out_.phases.push_back(phase.name);
        }
      } else if (auto* f = std::get_if<ast::FactsDecl>(&decl)) {
        declare_fields(kNoNode, f->fields);
      } else if (auto* c = std::get_if<ast::ConstDecl>(&decl)) {
        add_symbol(c->name.name, {Symbol::Kind::Const,
                                  static_cast<std::uint32_t>(out_.consts.size()), c->name.span});
        out_.consts.push_back({c, nullptr, 0});
      } else if (auto* pa = std::get_if<ast::ParamDecl>(&decl)) {
        add_symbol(pa->name.name, {Symbol::Kind::Param,
                                   static_cast<std::uint32_t>(out_.params.size()), pa->name.span});
        out_.params.push_back({pa, nullptr});
      } else if (auto* b = std::get_if<ast::Block>(&decl)) {
        Symbol::Kind kind =
            b->kind == ast::Block::Kind::Gate ? Symbol::Kind::Gate : Symbol::Kind::Milestone;
        add_symbol(b->name.name,
                   {kind, static_cast<std::uint32_t>(out_.blocks.size()), b->name.span});
        out_.blocks.push_back({b, {}, kNone, false});
      } else if (auto* t = std::get_if<ast::TestDecl>(&decl)) {
        out_.tests.push_back(t);
      } else if (auto* st = std::get_if<ast::StagesDecl>(&decl)) {
        if (out_.stages) {
          Diagnostic d{Severity::Error,
                       "duplicate-stages",
                       "a rule set has at most one `stages` declaration",
                       st->span,
                       "map every CRM stage in one `stages from ... { ... }` block",
                       {{out_.stages->decl->fact_span, "the stages are already mapped here"}}};
          diag_.add(std::move(d));
        } else {
          out_.stages = StagesInfo{st, kNoNode, kNoNode, {}};
        }
      } else if (auto* sh = std::get_if<ast::ShowDecl>(&decl)) {
        out_.show_decls.push_back(sh);
      } else if (auto* so = std::get_if<ast::SourceDecl>(&decl)) {
        out_.source_decls.push_back(so);
      } else if (auto* w = std::get_if<ast::WaiverDecl>(&decl)) {
        add_symbol(w->name.name, {Symbol::Kind::Waiver,
                                  static_cast<std::uint32_t>(out_.waivers.size()), w->name.span});
        out_.waivers.push_back({w, {}, {}});
      }
    }
  }
  fact_used_.assign(out_.schema.nodes().size(), false);
  // A const or param named like a top-level fact would make `name` ambiguous in conditions.
  for (const auto& [name, symbol] : symbols_) {
    if (symbol.kind != Symbol::Kind::Const && symbol.kind != Symbol::Kind::Param) continue;
    NodeIndex fact = out_.schema.find_field(kNoNode, name);
    if (fact == kNoNode) continue;
    Diagnostic d{Severity::Error,
                 "name-clash",
                 fmt::format("{} `{}` has the same name as the fact `{}`", symbol_word(symbol.kind),
                             name, name),
                 symbol.span,
                 "rename the " + std::string(symbol_word(symbol.kind)) +
                     " so conditions can tell them apart",
                 {{out_.schema.node(fact).span, "the fact is declared here"}}};
    diag_.add(std::move(d));
  }
}

void Checker::check_params() {
  for (std::uint32_t i = 0; i < out_.consts.size(); ++i) const_type(i);
  for (ParamInfo& p : out_.params) {
    const ast::ParamDecl& decl = *p.decl;
    ValueType vt = value_type_of(*decl.type);
    if (vt == ValueType::List || vt == ValueType::Record) {
      diag_.error("param-type", decl.type->span,
                  fmt::format("param `{}` must be a bool, number, string or date", decl.name.name),
                  "a value set with `--param` on the command line is a single value; use a `const` "
                  "for lists");
      p.type = Type::make(Type::Kind::Error);
      continue;
    }
    p.type = type_from_kind(vt);
    in_const_ = true;
    const_context_ = fmt::format("param `{}`", decl.name.name);
    TypeRef value = check_expr(*decl.value);
    in_const_ = false;
    if (!same_type(*value, *p.type)) {
      diag_.error("param-default", decl.value->span,
                  fmt::format("the default of param `{}` is {}, but the param is declared as {}",
                              decl.name.name, describe(*value), describe(*p.type)));
    }
  }
}

BlockIndex Checker::block_named(const ast::Ident& name) {
  auto it = symbols_.find(name.name);
  if (it != symbols_.end() &&
      (it->second.kind == Symbol::Kind::Milestone || it->second.kind == Symbol::Kind::Gate)) {
    return it->second.index;
  }
  std::vector<std::string> candidates;
  for (const auto& [n, s] : symbols_) {
    if (s.kind == Symbol::Kind::Milestone || s.kind == Symbol::Kind::Gate) candidates.push_back(n);
  }
  std::string what = it == symbols_.end() ? "no milestone or gate is named `" + name.name + "`"
                                          : fmt::format("`{}` is a {}, not a milestone or gate",
                                                        name.name, symbol_word(it->second.kind));
  diag_.error("unknown-milestone", name.span, what, did_you_mean(name.name, candidates));
  return kNone;
}

std::uint32_t Checker::condition_position(BlockIndex block, const ast::Ident& name) {
  const ast::Block& b = *out_.blocks[block].decl;
  const std::string& c = name.name;
  bool numeric = !c.empty() && std::isdigit(static_cast<unsigned char>(c[0]));
  std::vector<std::string> labels;
  for (std::uint32_t i = 0; i < b.conditions.size(); ++i) {
    const ast::Condition& cond = b.conditions[i];
    if (cond.label) {
      labels.push_back(cond.label->name);
      if (!numeric && cond.label->name == c) return i;
    }
  }
  if (numeric) {
    std::size_t n = c.size() <= 9 ? std::stoul(c) : 0;
    if (n >= 1 && n <= b.conditions.size() && !b.conditions[n - 1].label) {
      return static_cast<std::uint32_t>(n - 1);
    }
  }
  diag_.error("unknown-condition", name.span,
              fmt::format("`{}` has no condition `{}.{}`", b.name.name, b.name.name, c),
              numeric ? fmt::format("unlabelled conditions are numbered from 1 among the block's "
                                    "{} conditions",
                                    b.conditions.size())
                      : did_you_mean(c, labels));
  return kNone;
}

void Checker::check_blocks() {
  for (BlockInfo& info : out_.blocks) {
    const ast::Block& block = *info.decl;
    for (const ast::RequiresStmt& stmt : block.requires_stmts) {
      for (const ast::Ident& name : stmt.names) {
        BlockIndex dep = block_named(name);
        if (dep == kNone) {
          info.requires_unresolved = true;
          continue;
        }
        info.requires_blocks.push_back(dep);
      }
    }
    if (block.enters) {
      auto phase = std::find(out_.phases.begin(), out_.phases.end(), block.enters->name);
      if (out_.phases.empty()) {
        diag_.error("unknown-phase", block.enters->span,
                    fmt::format("gate `{}` enters phase `{}`, but the rule set declares no phases",
                                block.name.name, block.enters->name),
                    "declare them: `phases Discover -> Diagnose -> Design -> Deliver`");
      } else if (phase == out_.phases.end()) {
        diag_.error("unknown-phase", block.enters->span,
                    fmt::format("`{}` is not a declared phase", block.enters->name),
                    did_you_mean(block.enters->name, out_.phases));
      } else {
        info.enters_phase = static_cast<std::uint32_t>(phase - out_.phases.begin());
      }
    }
    std::map<std::string, Span> labels;
    for (const ast::Condition& condition : block.conditions) {
      if (condition.label) {
        auto [it, inserted] = labels.emplace(condition.label->name, condition.label->span);
        if (!inserted) {
          Diagnostic d{Severity::Error,
                       "duplicate-label",
                       fmt::format("`{}` already has a condition labelled `{}`", block.name.name,
                                   condition.label->name),
                       condition.label->span,
                       "condition ids (`block.label`) must be unique",
                       {{it->second, "first used here"}}};
          diag_.add(std::move(d));
        }
      }
      std::size_t errors_before = diag_.error_count();
      TypeRef t = check_expr(*condition.expr, Type::make(Type::Kind::Bool));
      bool had_errors = diag_.error_count() > errors_before;
      if (had_errors) {
        // One mistake, one message: nothing more to say about this condition.
      } else if (t->kind != Type::Kind::Bool && t->kind != Type::Kind::Error) {
        diag_.error(
            "condition-not-bool", condition.expr->span,
            fmt::format("a condition must be true or false, but this is {}", describe(*t)),
            t->kind == Type::Kind::Number ? "compare it with something: `... >= 2`"
            : t->kind == Type::Kind::String
                ? "compare it with something: `... == \"economic_buyer\"`"
            : t->kind == Type::Kind::Date
                ? "compare it with a date: `... <= today`"
                : "use `count(...)`, `any(...)` or `all(...)` to turn a list into a condition");
      } else if (t->kind == Type::Kind::Bool && !out_.exprs[condition.expr.get()].reads_deal) {
        diag_.warning("constant-condition", condition.expr->span,
                      "this condition reads no facts, so it has the same value for every deal",
                      "a condition should depend on the deal's facts, `today` or a param");
      }
      if (condition.message) check_message(*condition.message);
    }
  }
}

void Checker::check_requires_graph() {
  // Depth-first search with colours; a grey node reached again closes a cycle. The search keeps
  // its own stack (block, next dependency), so a long `requires` chain cannot overflow the call
  // stack.
  std::vector<int> colour(out_.blocks.size(), 0);
  std::vector<std::pair<BlockIndex, std::size_t>> stack;
  std::vector<bool> reported(out_.blocks.size(), false);
  auto report_cycle = [&](BlockIndex b, BlockIndex dep) {
    auto from =
        std::find_if(stack.begin(), stack.end(), [&](const auto& e) { return e.first == dep; });
    std::string cycle;
    bool already = false;
    for (auto it = from; it != stack.end(); ++it) {
      cycle += out_.blocks[it->first].decl->name.name + " -> ";
      already = already || reported[it->first];
    }
    cycle += out_.blocks[dep].decl->name.name;
    if (already) return;
    for (auto it = from; it != stack.end(); ++it) reported[it->first] = true;
    // Point at the `requires` that closes the cycle.
    Span at = out_.blocks[b].decl->name.span;
    for (const auto& stmt : out_.blocks[b].decl->requires_stmts) {
      for (const auto& n : stmt.names) {
        if (n.name == out_.blocks[dep].decl->name.name) at = n.span;
      }
    }
    diag_.error(
        "requires-cycle", at, "cycle in `requires`: " + cycle,
        "a milestone cannot depend on itself, directly or through others; remove one `requires`");
  };
  for (BlockIndex root = 0; root < out_.blocks.size(); ++root) {
    if (colour[root] != 0) continue;
    colour[root] = 1;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      BlockIndex b = stack.back().first;
      std::size_t& next = stack.back().second;
      const std::vector<BlockIndex>& deps = out_.blocks[b].requires_blocks;
      if (next == deps.size()) {
        colour[b] = 2;
        stack.pop_back();
        continue;
      }
      BlockIndex dep = deps[next++];
      if (colour[dep] == 1) {
        report_cycle(b, dep);
      } else if (colour[dep] == 0) {
        colour[dep] = 1;
        stack.emplace_back(dep, 0);
      }
    }
  }
}

void Checker::warn_unreached_milestones() {
  std::vector<bool> reached(out_.blocks.size(), false);
  std::vector<BlockIndex> todo;
  for (BlockIndex b = 0; b < out_.blocks.size(); ++b) {
    if (out_.blocks[b].decl->kind == ast::Block::Kind::Gate && !reached[b]) {
      reached[b] = true;
      todo.push_back(b);
    }
  }
  while (!todo.empty()) {
    BlockIndex b = todo.back();
    todo.pop_back();
    for (BlockIndex dep : out_.blocks[b].requires_blocks) {
      if (!reached[dep]) {
        reached[dep] = true;
        todo.push_back(dep);
      }
    }
  }
  for (BlockIndex b = 0; b < out_.blocks.size(); ++b) {
    if (reached[b]) continue;
    const ast::Block& block = *out_.blocks[b].decl;
    diag_.warning("unreached-milestone", block.name.span,
                  fmt::format("milestone `{}` is not required by any gate, so it is never reported",
                              block.name.name),
                  fmt::format("add `requires {}` to a gate, or make it a gate", block.name.name));
  }
}

void Checker::warn_unused_facts() {
  const Schema& schema = out_.schema;
  std::vector<bool> used = fact_used_;
  // A read marks the node's ancestors too (reading `value.price` uses `value`); children of a
  // node that was read whole (a list counted, a record tested with exists) are not marked.
  for (NodeIndex n = static_cast<NodeIndex>(used.size()); n-- > 0;) {
    if (fact_used_[n]) {
      for (NodeIndex p = schema.node(n).parent; p != kNoNode; p = schema.node(p).parent)
        used[p] = true;
    }
  }
  std::function<void(NodeIndex)> report = [&](NodeIndex n) {
    const SchemaNode& node = schema.node(n);
    if (!used[n]) {
      if (node.parent == kNoNode && node.name == "id") return;  // the conventional --id-field
      diag_.warning("unused-fact", node.span,
                    fmt::format("fact `{}` is declared but no rule reads it", node.path),
                    "remove it, or use it in a condition");
      return;
    }
    for (NodeIndex f : node.fields) report(f);
    if (node.element != kNoNode && schema.node(node.element).type == ValueType::Record) {
      for (NodeIndex f : schema.node(node.element).fields) report(f);
    }
  };
  for (NodeIndex top : schema.top_fields()) report(top);
}

void Checker::run(const std::vector<ast::File>& files) {
  collect(files);
  check_params();
  check_blocks();
  check_stages();
  check_show();
  check_sources();
  check_requires_graph();
  check_waivers();
  for (const ast::TestDecl* test : out_.tests) check_test(*test);
  if (!diag_.has_errors()) {
    warn_unreached_milestones();
    warn_unused_facts();
  }
}

}  // namespace checking

CheckedRuleSet check(const std::vector<ast::File>& files, const SourceSet& sources,
                     Diagnostics& diagnostics) {
  CheckedRuleSet out;
  checking::Checker checker(sources, diagnostics, out);
  checker.run(files);
  return out;
}

}  // namespace dealgate
