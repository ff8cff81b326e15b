#include "lsp/completion.hpp"

#include <array>
#include <span>

#include "lsp/completion_context.hpp"
#include "lsp/source_text.hpp"

namespace dealgate::lsp {
namespace {

using What = CompletionContext::What;

// LSP's CompletionItemKind numbers.
enum ItemKind {
  kFunction = 3,
  kField = 5,
  kVariable = 6,
  kClass = 7,
  kInterface = 8,
  kKeyword = 14,
  kEnumMember = 20,
  kConstant = 21,
  kTypeParameter = 25
};

struct Function {
  const char* name;
  const char* signature;
  const char* doc;
};

// The rule language's functions (docs/language.md).
constexpr std::array<Function, 11> kFunctions{{
    {"count", "count(list) or count(x in list: condition)",
     "the number of elements, or of elements for which the condition holds"},
    {"any", "any(x in list: condition)", "true when the condition holds for some element"},
    {"all", "all(x in list: condition)", "true when the condition holds for every element"},
    {"exists", "exists(path)", "true when the fact is present and valid; never unknown"},
    {"sum", "sum(list) or sum(x in list: number)", "the total"},
    {"min", "min(list) or min(x in list: number)", "the smallest"},
    {"max", "max(list) or max(x in list: number)", "the largest"},
    {"lower", "lower(string)", "the string in lower case"},
    {"contains", "contains(string, part)", "true when the string holds the part"},
    {"starts_with", "starts_with(string, prefix)", "true when the string begins with the prefix"},
    {"len", "len(string)", "the number of characters"},
}};

constexpr std::array<const char*, 12> kDeclarationWords{"ruleset", "phases",    "facts", "const",
                                                        "param",   "milestone", "gate",  "test",
                                                        "stages",  "waiver",    "show",  "source"};
constexpr std::array<const char*, 6> kWaiverWords{"deal",     "when",   "waives",
                                                  "approved", "reason", "until"};
constexpr std::array<const char*, 4> kStatementWords{"requires", "require", "warn", "else"};
constexpr std::array<const char*, 4> kTestWords{"given", "today", "param", "expect"};
constexpr std::array<const char*, 5> kTypeWords{"bool", "number", "string", "date", "list"};
constexpr std::array<const char*, 3> kStatusWords{"pass", "fail", "unknown"};
constexpr std::array<const char*, 8> kExpressionWords{"and",   "or",   "not",   "in",
                                                      "today", "true", "false", "else"};

// Where only keywords fit, the ones offered.
struct KeywordMenu {
  What what;
  std::span<const char* const> words;
  int kind;
};
constexpr KeywordMenu kKeywordMenus[] = {
    {What::Declaration, kDeclarationWords, kKeyword},
    {What::Statement, kStatementWords, kKeyword},
    {What::TestStatement, kTestWords, kKeyword},
    {What::WaiverStatement, kWaiverWords, kKeyword},
    {What::Type, kTypeWords, kTypeParameter},
    {What::Status, kStatusWords, kKeyword},
};

const KeywordMenu* keyword_menu(What what) {
  for (const KeywordMenu& menu : kKeywordMenus) {
    if (menu.what == what) return &menu;
  }
  return nullptr;
}

// A type short enough for a completion menu: records by their braces alone (hover shows them
// whole).
std::string short_type_text(const ast::TypeExpr& type) {
  if (type.kind == ast::TypeExpr::Kind::Record) return "{ ... }";
  if (type.kind == ast::TypeExpr::Kind::List && type.element) {
    return "list<" + short_type_text(*type.element) + ">";
  }
  return type_text(type);
}

class Items {
 public:
  Items(const CompiledRuleSet& rules, const CompletionContext& context)
      : rules_(rules), index_(rules.index), context_(context) {}

  Json build() {
    if (const KeywordMenu* menu = keyword_menu(context_.what)) words(menu->words, menu->kind);
    switch (context_.what) {
      case What::Blocks:
        blocks(false);
        break;
      case What::Gates:
        blocks(true);
        break;
      case What::Phases:
        named(SymbolKind::Phase, kEnumMember, "phase");
        break;
      case What::Params:
        named(SymbolKind::Param, kVariable, "param");
        break;
      case What::Member:
        members();
        break;
      case What::Expression:
        expression();
        break;
      default:
        break;  // nothing, or a keyword menu
    }
    return {{"isIncomplete", false}, {"items", std::move(items_)}};
  }

 private:
  void add(const std::string& label, int kind, const std::string& detail,
           const std::string& doc = {}) {
    Json item = {{"label", label}, {"kind", kind}, {"detail", detail}};
    if (!doc.empty()) item["documentation"] = {{"kind", "markdown"}, {"value", doc}};
    items_.push_back(std::move(item));
  }

  void words(std::span<const char* const> list, int kind = kKeyword) {
    for (const char* w : list) add(w, kind, "keyword");
  }

  void named(SymbolKind kind, int item_kind, const std::string& detail) {
    for (const Occurrence* o : index_.declarations(kind)) add(o->name, item_kind, detail);
  }

  void blocks(bool gates_only) {
    for (const Occurrence* o : index_.declarations(SymbolKind::Block)) {
      const ast::Block* b = std::get<const ast::Block*>(o->declared);
      const bool gate = b->kind == ast::Block::Kind::Gate;
      if ((gates_only && !gate) || b->name.name == context_.block) continue;
      add(b->name.name, gate ? kInterface : kClass, gate ? "gate" : "milestone",
          b->label.value_or(""));
    }
  }

  // The fact path that `a.b` (or a variable `s` over `stakeholders`) names: `a.b`,
  // `stakeholders[]`. Variables resolve through the ones declared before them only.
  std::string resolve(const std::string& dotted, std::size_t binders) const {
    std::string head = dotted.substr(0, dotted.find('.'));
    std::string rest = dotted.size() > head.size() ? dotted.substr(head.size()) : "";
    for (std::size_t i = binders; i-- > 0;) {
      if (context_.binders[i].first == head)
        return resolve(context_.binders[i].second, i) + "[]" + rest;
    }
    return dotted;
  }

  std::string member_path() const {
    std::string dotted;
    for (const std::string& segment : context_.member_of)
      dotted += (dotted.empty() ? "" : ".") + segment;
    return resolve(dotted, context_.binders.size());
  }

  // After `a.`: the fields of the fact `a`, or, where `a` is a milestone or gate (`because a.`,
  // `waives a.`), its conditions' labels.
  void members() {
    if (context_.member_of.size() == 1 &&
        index_.declaration(SymbolKind::Block, context_.member_of[0])) {
      const std::string prefix = context_.member_of[0] + ".";
      for (const Occurrence* o : index_.declarations(SymbolKind::Condition)) {
        if (o->name.compare(0, prefix.size(), prefix) == 0) {
          add(o->name.substr(prefix.size()), kField, "condition",
              std::string(text_of(rules_.analysis.sources,
                                  std::get<const ast::Condition*>(o->declared)->span)));
        }
      }
      return;
    }
    fields(member_path());
  }

  // The fields of the record at `parent` ("" for the top level).
  void fields(const std::string& parent) {
    const std::string prefix = parent.empty() ? "" : parent + ".";
    for (const Occurrence* o : index_.declarations(SymbolKind::Fact)) {
      if (o->name.compare(0, prefix.size(), prefix) != 0) continue;
      std::string_view name = std::string_view(o->name).substr(prefix.size());
      if (name.empty() || name.find_first_of(".[") != std::string_view::npos) continue;
      const ast::FieldDecl* field = std::get<const ast::FieldDecl*>(o->declared);
      const ast::File* file = rules_.ast_of(o->span.file);
      add(std::string(name), kField, field->type ? short_type_text(*field->type) : "",
          file ? doc_comment(*file, rules_.analysis.sources.file(o->span.file), o->span) : "");
    }
  }

  void expression() {
    for (const auto& [name, list] : context_.binders)
      add(name, kVariable, "an element of `" + list + "`");
    fields("");
    named(SymbolKind::Const, kConstant, "const");
    named(SymbolKind::Param, kVariable, "param");
    for (const Function& f : kFunctions) add(f.name, kFunction, f.signature, f.doc);
    words(kExpressionWords);
  }

  const CompiledRuleSet& rules_;
  const SymbolIndex& index_;
  const CompletionContext& context_;
  Json items_ = Json::array();
};

}  // namespace

Json complete(const CompiledRuleSet& rules, const SourceFile& current, std::uint32_t offset) {
  const CompletionContext context = completion_context(current.text(), offset);
  return Items(rules, context).build();
}

}  // namespace dealgate::lsp
