// The checker: resolves every name, fact path and type of a parsed rule set and collects every
// error and warning (not just the first). Its output annotates the AST; the planner lowers it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/schema/schema.hpp"
#include "engine/schema/types.hpp"
#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"

namespace dealgate {

// What a path expression names.
struct PathTarget {
  enum class Kind { None, Binder, Const, Param, Fact };
  Kind kind = Kind::None;
  std::uint32_t index = 0;   // Binder: depth; Const/Param: index; Fact: schema node
  NodeIndex fact = kNoNode;  // Binder over a fact list: the schema node read (element or field)
};

struct ExprInfo {
  TypeRef type;
  PathTarget target;                 // Path expressions
  bool reads_deal = false;           // depends on facts, today or params (else it is a constant)
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
  bool requires_unresolved = false;  // a name after `requires` is unknown (and reported)
};

// The `stages` declaration, resolved: the stage and owner facts and each CRM stage's phase.
struct StagesInfo {
  const ast::StagesDecl* decl = nullptr;
  NodeIndex stage_fact = kNoNode;
  NodeIndex owner_fact = kNoNode;  // kNoNode without `by`
  // Each stage value and its phase index, or kNone for `-> none`, in source order.
  std::vector<std::pair<std::string, std::uint32_t>> mapping;
};

// A waiver, resolved: the conditions it waives.
struct WaiverInfo {
  const ast::WaiverDecl* decl = nullptr;
  // Each waived condition as (block, position among the block's conditions); a milestone or gate
  // named whole stands for all of its conditions. In the order written, without repeats.
  std::vector<std::pair<BlockIndex, std::uint32_t>> conditions;
  std::vector<std::string> waives;  // the targets as written: `value_confirmed.roi`, `acid_test`
};

// A fact of a `show` block, resolved: its schema node and, for the money, its currency fact.
struct ShownField {
  const ast::ShowField* decl = nullptr;
  NodeIndex node = kNoNode;
  NodeIndex currency = kNoNode;  // the money's currency fact; kNoNode for a code or not money
};

struct CheckedRuleSet {
  std::string title;
  std::vector<std::string> phases;
  Schema schema;
  std::vector<ConstInfo> consts;
  std::vector<ParamInfo> params;
  std::vector<BlockInfo> blocks;  // rule-file order
  std::vector<const ast::TestDecl*> tests;
  std::optional<StagesInfo> stages;              // when the rule set declares `stages`
  std::vector<WaiverInfo> waivers;               // declaration order
  std::vector<const ast::ShowDecl*> show_decls;  // rule-file order
  std::vector<ShownField> shown;                 // every valid shown fact, in rule-file order
  std::uint32_t money = kNone;                   // the index in `shown` of the money, or kNone
  std::unordered_map<const ast::Expr*, ExprInfo> exprs;

  const ExprInfo& info(const ast::Expr& e) const { return exprs.at(&e); }
};

CheckedRuleSet check(const std::vector<ast::File>& files, const SourceSet& sources,
                     Diagnostics& diagnostics);

}  // namespace dealgate
