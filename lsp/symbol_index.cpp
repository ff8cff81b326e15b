#include "lsp/symbol_index.hpp"

#include <algorithm>

namespace dealgate::lsp {
namespace {

class Collector {
 public:
  Collector(const Analysis& analysis, std::vector<Occurrence>& out)
      : checked_(analysis.checked ? &*analysis.checked : nullptr), out_(out) {}

  void file(const ast::File& file) {
    for (const ast::Decl& decl : file.decls)
      std::visit([&](const auto& d) { this->decl(d); }, decl);
  }

 private:
  void add(SymbolKind kind, std::string name, Span span, Declared declared = {}) {
    out_.push_back({kind, std::move(name), span, declared});
  }

  void decl(const ast::RulesetDecl&) {}
  void decl(const ast::PhasesDecl& d) {
    for (const ast::Ident& phase : d.phases) add(SymbolKind::Phase, phase.name, phase.span, &d);
  }
  void decl(const ast::FactsDecl& d) { fields(d.fields, ""); }
  void decl(const ast::ConstDecl& d) {
    add(SymbolKind::Const, d.name.name, d.name.span, &d);
    expr(*d.value);
  }
  void decl(const ast::ParamDecl& d) {
    add(SymbolKind::Param, d.name.name, d.name.span, &d);
    if (d.value) expr(*d.value);
  }
  void decl(const ast::Block& b) {
    add(SymbolKind::Block, b.name.name, b.name.span, &b);
    if (b.enters) add(SymbolKind::Phase, b.enters->name, b.enters->span);
    for (const ast::RequiresStmt& r : b.requires_stmts) {
      for (const ast::Ident& name : r.names) add(SymbolKind::Block, name.name, name.span);
    }
    for (const ast::Condition& c : b.conditions) {
      if (c.label) add(SymbolKind::Condition, b.name.name + "." + c.label->name, c.label->span, &c);
      expr(*c.expr);
      if (c.message) {
        for (const ast::MessagePart& part : c.message->parts) {
          if (part.expr) expr(*part.expr);
        }
      }
    }
  }
  void decl(const ast::TestDecl& t) {
    for (const ast::ParamOverride& p : t.params) {
      add(SymbolKind::Param, p.name.name, p.name.span);
      expr(*p.value);
    }
    for (const ast::Expectation& e : t.expectations) {
      add(SymbolKind::Block, e.gate.name, e.gate.span);
      for (const ast::Reference& r : e.because) {
        add(SymbolKind::Block, r.block.name, r.block.span);
        if (r.condition) {
          add(SymbolKind::Condition, r.block.name + "." + r.condition->name, r.condition->span);
        }
      }
    }
  }
  void decl(const ast::WaiverDecl& w) {
    for (const ast::WaiverTarget& t : w.targets) {
      add(SymbolKind::Block, t.block.name, t.block.span);
      if (t.condition) {
        add(SymbolKind::Condition, t.block.name + "." + t.condition->name, t.condition->span);
      }
    }
    if (w.when) expr(*w.when);
  }
  void decl(const ast::ShowDecl& d) {
    for (const ast::ShowField& f : d.fields) {
      fact_path(f.fact);
      fact_path(f.currency_fact);
    }
  }
  void decl(const ast::StagesDecl& s) {
    fact_path(s.fact);
    fact_path(s.owner);
    for (const ast::StageMapping& m : s.mappings) {
      if (!m.is_none) add(SymbolKind::Phase, m.phase.name, m.phase.span);
    }
  }

  // Field paths as the schema writes them: `value.price`, `stakeholders[].role`.
  void fields(const std::vector<ast::FieldDecl>& fields, const std::string& prefix) {
    for (const ast::FieldDecl& f : fields) {
      std::string path = prefix + f.name.name;
      add(SymbolKind::Fact, path, f.name.span, &f);
      const ast::TypeExpr* type = f.type.get();
      while (type && type->kind == ast::TypeExpr::Kind::List) {
        path += "[]";
        type = type->element.get();
      }
      if (type && type->kind == ast::TypeExpr::Kind::Record) this->fields(type->fields, path + ".");
    }
  }

  // A path written outside expressions (`stages from crm.stage`): each segment names a record
  // or field of the top level.
  void fact_path(const std::vector<ast::Ident>& segments) {
    std::string path;
    for (const ast::Ident& segment : segments) {
      path += (path.empty() ? "" : ".") + segment.name;
      add(SymbolKind::Fact, path, segment.span);
    }
  }

  void expr(const ast::Expr& e) {
    if (e.kind == ast::Expr::Kind::Path) path(e);
    for (const ast::ExprPtr& arg : e.args) expr(*arg);
    for (const ast::RecordField& field : e.fields) expr(*field.value);
  }

  void path(const ast::Expr& e) {
    if (!checked_) return;
    auto info = checked_->exprs.find(&e);
    if (info == checked_->exprs.end()) return;
    const PathTarget& target = info->second.target;
    switch (target.kind) {
      case PathTarget::Kind::Const:
        add(SymbolKind::Const, e.path[0].name, e.path[0].span);
        return;
      case PathTarget::Kind::Param:
        add(SymbolKind::Param, e.path[0].name, e.path[0].span);
        return;
      case PathTarget::Kind::Fact:
      case PathTarget::Kind::Binder: {
        // The last segment reads the target; each one before it, the record holding the next.
        // A variable's own segment names no fact.
        const std::size_t first = target.kind == PathTarget::Kind::Binder ? 1 : 0;
        NodeIndex node = target.fact;
        for (std::size_t i = e.path.size(); i-- > first && node != kNoNode;) {
          const SchemaNode& n = checked_->schema.node(node);
          add(SymbolKind::Fact, n.path, e.path[i].span);
          node = n.parent;
        }
        return;
      }
      case PathTarget::Kind::None:
        declared_prefix(e.path);
        return;
    }
  }

  // A path the checker could not resolve (`value.confirmd`): the segments that are declared facts
  // still name them, so the cursor on `value` can go to its declaration.
  void declared_prefix(const std::vector<ast::Ident>& path) {
    NodeIndex node = kNoNode;
    for (const ast::Ident& segment : path) {
      node = checked_->schema.find_field(node, segment.name);
      if (node == kNoNode) return;
      add(SymbolKind::Fact, checked_->schema.node(node).path, segment.span);
      if (checked_->schema.node(node).type != ValueType::Record) return;
    }
  }

  const CheckedRuleSet* checked_;
  std::vector<Occurrence>& out_;
};

bool same(const Occurrence& o, SymbolKind kind, std::string_view name) {
  return o.kind == kind && o.name == name;
}

}  // namespace

SymbolIndex::SymbolIndex(const Analysis& analysis) {
  for (const ast::File& file : analysis.files) Collector(analysis, occurrences_).file(file);
  std::stable_sort(
      occurrences_.begin(), occurrences_.end(), [](const Occurrence& a, const Occurrence& b) {
        return a.span.file != b.span.file ? a.span.file < b.span.file : a.span.begin < b.span.begin;
      });
}

const Occurrence* SymbolIndex::at(FileId file, std::uint32_t offset) const {
  const Occurrence* found = nullptr;
  for (const Occurrence& o : occurrences_) {
    if (o.span.file != file || o.span.begin > offset || offset > o.span.end) continue;
    // Between two names that touch (`a.b` with the cursor after `a`), the one starting here.
    if (!found || o.span.begin == offset) found = &o;
  }
  return found;
}

const Occurrence* SymbolIndex::declaration(SymbolKind kind, std::string_view name) const {
  for (const Occurrence& o : occurrences_) {
    if (o.is_declaration() && same(o, kind, name)) return &o;
  }
  return nullptr;
}

std::vector<const Occurrence*> SymbolIndex::occurrences(SymbolKind kind,
                                                        std::string_view name) const {
  std::vector<const Occurrence*> out;
  for (const Occurrence& o : occurrences_) {
    if (same(o, kind, name)) out.push_back(&o);
  }
  return out;
}

std::vector<const Occurrence*> SymbolIndex::declarations(SymbolKind kind) const {
  std::vector<const Occurrence*> out;
  for (const Occurrence& o : occurrences_) {
    if (o.kind == kind && o.is_declaration() && declaration(kind, o.name) == &o) out.push_back(&o);
  }
  return out;
}

}  // namespace dealgate::lsp
