#include "lsp/document_symbols.hpp"

#include "lsp/positions.hpp"
#include "lsp/source_text.hpp"

namespace dealgate::lsp {
namespace {

// LSP's SymbolKind numbers.
enum Kind {
  kNamespace = 3,
  kClass = 5,
  kMethod = 6,
  kProperty = 7,
  kField = 8,
  kEnum = 10,
  kInterface = 11,
  kVariable = 13,
  kConstant = 14,
  kEnumMember = 22,
  kStruct = 23,
  kEvent = 24
};

class Outline {
 public:
  explicit Outline(const SourceFile& source) : source_(source) {}

  Json symbol(const std::string& name, const std::string& detail, int kind, Span range,
              Span selection, Json children = Json::array()) const {
    Json out = {{"name", name.empty() ? std::string("(unnamed)") : name},
                {"detail", detail},
                {"kind", kind},
                {"range", range_json(source_, range)},
                {"selectionRange", range_json(source_, selection)}};
    if (!children.empty()) out["children"] = std::move(children);
    return out;
  }

  Json fields(const std::vector<ast::FieldDecl>& fields) const {
    Json out = Json::array();
    for (const ast::FieldDecl& f : fields) {
      const ast::TypeExpr* type = f.type.get();
      while (type && type->kind == ast::TypeExpr::Kind::List) type = type->element.get();
      Json children = type && type->kind == ast::TypeExpr::Kind::Record ? this->fields(type->fields)
                                                                        : Json::array();
      out.push_back(symbol(f.name.name, f.type ? type_text(*f.type) : "", kField,
                           Span::join(f.name.span, f.type ? f.type->span : f.name.span),
                           f.name.span, std::move(children)));
    }
    return out;
  }

  Json operator()(const ast::RulesetDecl& d) const {
    return symbol(d.title, "ruleset", kNamespace, d.span, d.span);
  }
  Json operator()(const ast::PhasesDecl& d) const {
    Json phases = Json::array();
    for (const ast::Ident& p : d.phases)
      phases.push_back(symbol(p.name, "phase", kEnumMember, p.span, p.span));
    return symbol("phases", "", kEnum, d.span, d.span, std::move(phases));
  }
  Json operator()(const ast::FactsDecl& d) const {
    return symbol("facts", "", kStruct, d.span, d.span, fields(d.fields));
  }
  Json operator()(const ast::ConstDecl& d) const {
    return symbol(d.name.name, "const", kConstant, d.span, d.name.span);
  }
  Json operator()(const ast::ParamDecl& d) const {
    return symbol(d.name.name, "param: " + (d.type ? type_text(*d.type) : std::string()), kVariable,
                  d.span, d.name.span);
  }
  Json operator()(const ast::Block& b) const {
    Json conditions = Json::array();
    for (std::size_t i = 0; i < b.conditions.size(); ++i) {
      const ast::Condition& c = b.conditions[i];
      const std::string id = b.name.name + "." + (c.label ? c.label->name : std::to_string(i + 1));
      conditions.push_back(symbol(id, c.kind == ast::Condition::Kind::Warn ? "warn" : "require",
                                  kProperty, c.span, c.label ? c.label->span : c.span));
    }
    const bool gate = b.kind == ast::Block::Kind::Gate;
    return symbol(b.name.name,
                  (gate ? "gate" : "milestone") + (b.label ? ": " + *b.label : std::string()),
                  gate ? kInterface : kClass, b.span, b.name.span, std::move(conditions));
  }
  Json operator()(const ast::TestDecl& t) const {
    return symbol(t.name, "test", kMethod, t.span, t.name_span);
  }
  Json operator()(const ast::WaiverDecl& w) const {
    return symbol(w.name.name, "waiver" + (w.label ? ": " + *w.label : std::string()), kEvent,
                  w.span, w.name.span);
  }
  Json operator()(const ast::ShowDecl& d) const {
    return symbol("show", "", kEnum, d.span, d.span);
  }
  Json operator()(const ast::StagesDecl& s) const {
    return symbol("stages", "", kEnum, s.span, s.span);
  }

 private:
  const SourceFile& source_;
};

}  // namespace

Json document_symbols(const ast::File& file, const SourceFile& source) {
  Json out = Json::array();
  const Outline outline(source);
  for (const ast::Decl& decl : file.decls) out.push_back(std::visit(outline, decl));
  return out;
}

}  // namespace dealgate::lsp
