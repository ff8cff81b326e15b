// The checker's working state, shared by its three parts: declarations and blocks (checker.cpp),
// expressions (checker_expr.cpp) and rule tests (checker_tests.cpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/check/checker.hpp"

namespace dealgate::checking {

struct Symbol {
  enum class Kind { Const, Param, Milestone, Gate, Waiver };
  Kind kind;
  std::uint32_t index;  // into consts, params or blocks
  Span span;            // the declaring name, for "first declared here"
};

// A quantifier variable in scope while checking its body.
struct Binder {
  std::string name;
  TypeRef type;                 // the element type
  NodeIndex element = kNoNode;  // the schema element node when ranging over a fact list
};

class Checker {
 public:
  Checker(const SourceSet& sources, Diagnostics& diagnostics, CheckedRuleSet& out)
      : sources_(sources), diag_(diagnostics), out_(out) {}

  void run(const std::vector<ast::File>& files);

  // checker_expr.cpp
  // `expected` is the type the context wants, when it says one (a condition wants a bool, the
  // other side of `==` its type); a misspelt name is only offered names of that type.
  TypeRef check_expr(const ast::Expr& e, const TypeRef& expected = nullptr);
  void check_message(const ast::Message& message);
  template <typename Operand>
  std::pair<TypeRef, TypeRef> binary_operands(const ast::Expr& e, Operand& operand);
  // `True`, `AND`: a word of the language in another case, said so with the fix.
  bool report_keyword_case(const ast::Ident& name, const char* code);
  // A const's value, checking it on first use (consts may be declared in any order).
  TypeRef const_type(std::uint32_t index);

  // checker_tests.cpp
  void check_test(const ast::TestDecl& test);
  // checker_waivers.cpp
  void check_waivers();

  // checker.cpp: the milestone or gate a name refers to (`requires`, `because`, `waives`), or kNone
  // after saying there is none (with a did-you-mean).
  BlockIndex block_named(const ast::Ident& name);
  // The position of condition `name` (a label, or the 1-based number of an unlabelled one) among
  // the conditions of `block`, or kNone after saying there is none.
  std::uint32_t condition_position(BlockIndex block, const ast::Ident& name);
  void check_given_value(const ast::Expr& value, NodeIndex node, const std::string& path);
  void check_given_fields(const ast::Expr& record, NodeIndex parent, const std::string& path);

  // checker.cpp
  static std::string type_text(const TypeRef& t, const Schema& schema);
  std::string describe(const Type& t) const { return type_name(t, &out_.schema); }

  const SourceSet& sources_;
  Diagnostics& diag_;
  CheckedRuleSet& out_;
  std::map<std::string, Symbol> symbols_;
  std::vector<Binder> binders_;
  std::vector<bool> fact_used_;  // per schema node
  bool in_const_ = false;        // checking a const or param default: no facts allowed
  std::string const_context_;    // "const `x`" or "param `x`", for messages

 private:
  void collect(const std::vector<ast::File>& files);
  void add_symbol(const std::string& name, Symbol symbol);
  void declare_fields(NodeIndex parent, const std::vector<ast::FieldDecl>& fields);
  void declare_field(NodeIndex parent, const ast::FieldDecl& field);
  void merge_type(NodeIndex node, const ast::TypeExpr& type);
  void check_params();
  void check_blocks();
  void check_stages();  // checker_stages.cpp
  NodeIndex stage_audit_fact(const std::vector<ast::Ident>& path, const Span& span,
                             const char* role);
  void check_show();     // checker_show.cpp
  void check_sources();  // checker_sources.cpp
  NodeIndex shown_fact(const std::vector<ast::Ident>& path, const Span& span);
  void check_requires_graph();
  void warn_unreached_milestones();
  void warn_unused_facts();
};

TypeRef type_from_kind(ValueType v);
ValueType value_type_of(const ast::TypeExpr& t);

}  // namespace dealgate::checking
