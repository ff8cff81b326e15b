// Every name of a rule set where it is declared and where it is used, for hover, go to definition
// and find references. Built from the parsed files and, where the checker ran, what it resolved
// (which path is a fact, a const, a param or a quantifier's variable).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/compile/compiler.hpp"

namespace dealgate::lsp {

enum class SymbolKind { Block, Condition, Const, Param, Phase, Fact };

// The declaration an occurrence declares, for what hover shows.
using Declared =
    std::variant<std::monostate, const ast::Block*, const ast::Condition*, const ast::ConstDecl*,
                 const ast::ParamDecl*, const ast::FieldDecl*, const ast::PhasesDecl*>;

struct Occurrence {
  SymbolKind kind = SymbolKind::Block;
  // Block, Const, Param, Phase: the name. Fact: the schema path (`value.price`,
  // `stakeholders[].role`). Condition: its id (`value_confirmed.roi`).
  std::string name;
  Span span;          // the name as written
  Declared declared;  // set on declarations only
  bool is_declaration() const { return !std::holds_alternative<std::monostate>(declared); }
};

class SymbolIndex {
 public:
  explicit SymbolIndex(const Analysis& analysis);

  // The occurrence under a cursor at `offset`; a cursor just after a name is on it.
  const Occurrence* at(FileId file, std::uint32_t offset) const;
  // The first declaration, in rule-file order.
  const Occurrence* declaration(SymbolKind kind, std::string_view name) const;
  std::vector<const Occurrence*> occurrences(SymbolKind kind, std::string_view name) const;
  // Every declaration of a kind, each name once, in rule-file order.
  std::vector<const Occurrence*> declarations(SymbolKind kind) const;

 private:
  std::vector<Occurrence> occurrences_;  // by file, then position
};

}  // namespace dealgate::lsp
