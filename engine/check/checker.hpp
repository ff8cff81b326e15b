// The checker: resolves every name, fact path and type of a parsed rule set and collects every
// error and warning (not just the first). Its output annotates the AST; the planner lowers it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/schema/types.hpp"
#include "engine/schema/schema.hpp"
#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"

namespace dealgate {

// What a path expression names.
struct PathTarget {
  enum class Kind { None, Binder, Const, Param, Fact };
  Kind kind = Kind::None;
  std::uint32_t index = 0;      // Binder: depth; Const/Param: index; Fact: schema node
  NodeIndex fact = kNoNode;     // Binder over a fact list: the schema node read (element or field)
};

struct ExprInfo {
  TypeRef type;
  PathTarget target;       // Path expressions
  bool reads_deal = false; // depends on facts, today or params (else it is a constant)
  NodeIndex list_element = kNoNode;  // Quantifier over a fact list: the list's element node
};

struct ConstInfo {
  const ast::ConstDecl* decl = nullptr;
  TypeRef type;
  int visit = 0;  // 0 unvisited, 1 in progress (cycle detection), 2 done
};

struct ParamInfo {
  const ast::ParamDecl* decl = nullptr;
  TypeRef type;
};

struct BlockInfo {
  const ast::Block* decl = nullptr;
  std::vector<BlockIndex> requires_blocks;
  std::uint32_t enters_phase = kNone;
};

// The `stages` declaration, resolved: the stage and owner facts and each CRM stage's phase.
struct StagesInfo {
  const ast::StagesDecl* decl = nullptr;
  NodeIndex stage_fact = kNoNode;
  NodeIndex owner_fact = kNoNode;  // kNoNode without `by`
  // Each stage value and its phase index, or kNone for `-> none`, in source order.
  std::vector<std::pair<std::string, std::uint32_t>> mapping;
};

struct CheckedRuleSet {
  std::string title;
  std::vector<std::string> phases;
  Schema schema;
  std::vector<ConstInfo> consts;
  std::vector<ParamInfo> params;
  std::vector<BlockInfo> blocks;  // rule-file order
  std::vector<const ast::TestDecl*> tests;
  std::optional<StagesInfo> stages;  // when the rule set declares `stages`
  std::unordered_map<const ast::Expr*, ExprInfo> exprs;

  const ExprInfo& info(const ast::Expr& e) const { return exprs.at(&e); }
};

CheckedRuleSet check(const std::vector<ast::File>& files, const SourceSet& sources,
                     Diagnostics& diagnostics);

}  // namespace dealgate
