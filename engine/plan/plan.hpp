// The compiled, immutable form of a checked rule set: names resolved, fact paths turned into slots,
// constants folded, conditions flattened into rule-file order. Built once by the planner; shared
// read-only by any number of evaluating threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "engine/schema/schema.hpp"
#include "engine/schema/types.hpp"
#include "grammar/source.hpp"

namespace dealgate {

enum class Op : std::uint8_t {
  // leaves
  Bool,
  Number,
  String,
  Date,
  Today,
  Param,
  FactRead,
  BinderRead,
  BinderValue,
  ListLiteral,
  // operators
  Not,
  Negate,
  And,
  Or,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  In,
  NotIn,
  Add,
  Subtract,
  Multiply,
  Divide,
  DatePlusDays,
  DateMinusDays,
  DateMinusDate,
  Coalesce,
  Exists,
  // list functions; the *Of forms bind a variable over the list
  Count,
  CountOf,
  AnyOf,
  AllOf,
  Sum,
  SumOf,
  Min,
  MinOf,
  Max,
  MaxOf,
  // string functions
  Lower,
  Contains,
  StartsWith,
  Len,
};

struct ExprNode {
  Op op = Op::Bool;
  Type::Kind type = Type::Kind::Bool;  // the result type
  std::vector<ExprIndex> args;
  // Leaves: a literal value, or where to read a fact.
  bool boolean = false;
  double number = 0;
  DayNumber date = 0;
  std::string text;
  std::uint32_t slot = 0;    // FactRead / BinderRead: slot in the frame; Param: param index
  std::uint32_t depth = 0;   // BinderRead / BinderValue / *Of: which bound variable (0 = outermost)
  NodeIndex fact = kNoNode;  // FactRead / BinderRead / Exists: the schema node read
  Span span;                 // the source expression, for explanations
};

// A part of an `else` message: text, or an expression to render.
struct MessagePiece {
  std::string text;
  ExprIndex expr = kNone;
};

struct PlanCondition {
  std::string id;  // `block.label` or `block.N`
  bool is_warning = false;
  BlockIndex block = 0;
  ExprIndex expr = 0;
  std::vector<MessagePiece> message;  // empty when there is no `else`
  bool has_message = false;
  std::string source;  // the condition's text as written, for reports
  Span span;
  // The nodes of its expression and message, and the bytes of the text literals among them: the
  // work it may take on a deal scales with this (evaluation::work_budget).
  std::uint64_t work_scale = 0;
};

struct PlanBlock {
  std::string name;
  std::string label;  // may be empty
  bool is_gate = false;
  std::uint32_t enters_phase = kNone;       // index into Plan::phases
  std::vector<BlockIndex> requires_blocks;  // direct dependencies
  std::vector<ConditionIndex> conditions;   // own conditions, in source order
  // Gates only (empty for milestones): every block this one reaches through `requires`, itself
  // included, in rule-file order.
  std::vector<BlockIndex> reach;
  // Gates only: the same blocks in dependency order (dependencies before dependents).
  std::vector<BlockIndex> evaluation_order;
  Span span;
};

struct PlanParam {
  std::string name;
  Type::Kind type = Type::Kind::Number;
  TypeRef full_type;
  ExprIndex default_value = 0;  // a literal node (or a list literal of literal nodes)
  Span span;
};

// The stage audit (`stages from stage by owner { ... }`): where to read the CRM stage and the
// owner, which phase each stage claims, and which gates enter each phase.
struct PlanStages {
  std::string stage_path;            // `stage`
  std::uint32_t stage_slot = 0;      // in frame 0
  std::string owner_path;            // empty without `by`
  std::uint32_t owner_slot = kNone;  // in frame 0; kNone without `by`
  // Each CRM stage and its phase index, or kNone for `-> none`; sorted by stage for look-up.
  std::vector<std::pair<std::string, std::uint32_t>> mapping;
  std::vector<std::vector<BlockIndex>> entry_gates;  // by phase: the gates that enter it

  // The phase a stage maps to: a phase index, kNone for `none`, or kUnmapped.
  static constexpr std::uint32_t kUnmapped = kNone - 1;
  std::uint32_t phase_of(std::string_view stage) const;
};

// A fact the `show` declaration shows beside each deal's id: reports, explain, diff and the text
// output read it from the deal's top frame. The id stays the key; these only help people.
struct PlanShownField {
  std::string path;   // `account`, `crm.close_date`
  std::string label;  // the heading written, else the path
  ValueType type = ValueType::String;
  std::uint32_t slot = 0;  // in frame 0
};

// The money (`amount as money in currency`): which shown field it is and where each deal's currency
// comes from. Totals are kept per currency and never added across currencies.
struct PlanMoney {
  std::uint32_t field = 0;              // index into Plan::shown
  std::uint32_t currency_slot = kNone;  // in frame 0; kNone when `in "EUR"` names one code
  std::string currency_path;            // the currency fact's path, when there is one
  std::string currency_code;            // the code written, when there is no currency fact
};

// A waiver: an exception a deal desk granted. For the deals it names (by id, or whose facts make
// `when` true), the conditions it waives count as satisfied while they are false or unknown, and
// are reported as waived, through its last day (`until`); after that it no longer applies.
struct PlanWaiver {
  std::string name;
  std::string label;               // may be empty
  std::vector<std::string> deals;  // the deal ids it names, as written
  ExprIndex when = kNone;          // or the condition over the deal's facts
  std::uint64_t when_work_scale = 0;
  std::vector<ConditionIndex> conditions;  // what it waives, sorted
  std::vector<std::string> waives;         // as written: `value_confirmed.roi`, `acid_test`
  std::string approver;
  std::string reason;  // may be empty
  DayNumber until = 0;
  Span span;
};

// The nodes under `root` (a node reached twice counted twice) plus the bytes of their text
// literals: how much one evaluation of it can touch, apart from the deal.
std::uint64_t expression_weight(const std::vector<ExprNode>& nodes, ExprIndex root);

struct Plan {
  std::string title;
  std::vector<std::string> phases;
  Schema schema;
  std::vector<ExprNode> nodes;
  std::vector<PlanBlock> blocks;          // rule-file order
  std::vector<PlanCondition> conditions;  // rule-file order
  std::vector<BlockIndex> gates;          // declaration order
  std::vector<PlanParam> params;
  std::optional<PlanStages> stages;   // when the rule set declares `stages`
  std::vector<PlanWaiver> waivers;    // declaration order
  std::vector<PlanShownField> shown;  // the `show` declaration's facts, in rule-file order
  std::optional<PlanMoney> money;     // when a shown fact is `as money`
  // Every deal id a waiver names, with the waiver's index, sorted by id, for one look-up a deal.
  std::vector<std::pair<std::string, std::uint32_t>> waiver_deals;
  // The money a deal carries, for what waivers cover: the `show` declaration's money, else a
  // top-level number fact named `amount`, if the schema declares one (its slot in frame 0), else
  // kNone.
  std::uint32_t amount_slot = kNone;
  std::uint32_t max_binder_depth = 0;     // how many quantifier variables can be bound at once
  std::vector<std::string> source_paths;  // the rule files, by FileId, so spans can be shown
  std::vector<std::string> source_texts;

  // The text a span covers, as written in the rule file.
  std::string_view source_of(const Span& span) const;

  BlockIndex find_block(std::string_view name) const;
  std::uint32_t find_param(std::string_view name) const;
};

}  // namespace dealgate
