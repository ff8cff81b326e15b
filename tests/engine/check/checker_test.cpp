// The checker on its own (parsed files in, a CheckedRuleSet and diagnostics out): what each name
// and path resolves to, each expression's type and whether it reads the deal, the blocks'
// dependencies and phases, what a waiver resolves to, and that it reports every error it finds.
#include "engine/check/checker.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compiled_rules.hpp"
#include "grammar/parser.hpp"

namespace dealgate {
namespace {

using testing::rendered_diagnostics;

class CheckerTest : public ::testing::Test {
 protected:
  // The checked rule set points into files_, so both live in the fixture.
  const CheckedRuleSet& check_rules(const std::string& text) {
    FileId id = sources.add("c.gate", text);
    std::optional<ast::File> file = parse_rule_file(sources, id, diagnostics);
    EXPECT_TRUE(file.has_value()) << rendered();
    if (file) files_.push_back(std::move(*file));
    checked_ = check(files_, sources, diagnostics);
    return *checked_;
  }

  const ast::Block& block(std::string_view name) const {
    for (const ast::Decl& decl : files_.at(0).decls) {
      if (const auto* b = std::get_if<ast::Block>(&decl); b && b->name.name == name) return *b;
    }
    throw std::runtime_error("no block " + std::string(name));
  }
  // The info of the expression of `name`'s condition `i` (0-based).
  const ExprInfo& condition_info(std::string_view name, std::size_t i = 0) const {
    return checked_->info(*block(name).conditions.at(i).expr);
  }
  std::string rendered() const { return rendered_diagnostics(diagnostics, sources); }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.items()) out.push_back(d.code);
    return out;
  }

  SourceSet sources;
  Diagnostics diagnostics;

 private:
  std::vector<ast::File> files_;
  std::optional<CheckedRuleSet> checked_;
};

const char* kRules = R"(phases Discover -> Deliver
facts {
  n: number
  when: date
  people: list<{ role: string }>
}
const limit = 2 * 3
param min_n: number = 4
milestone sized { require n > limit
  require enough: n >= min_n }
milestone named { require any(p in people: p.role == "buyer") }
gate g enters Deliver { requires named, sized
  require today - when < 30 }
waiver w { deal "D-1" waives sized, g.1 approved by "Dana" until @2026-12-31 }
)";

TEST_F(CheckerTest, ResolvesEveryPathToWhatItNames) {
  const CheckedRuleSet& rules = check_rules(kRules);
  EXPECT_FALSE(diagnostics.has_errors()) << rendered();

  const ast::Expr& greater = *block("sized").conditions[0].expr;
  const ExprInfo& n = rules.info(*greater.args[0]);
  EXPECT_EQ(n.target.kind, PathTarget::Kind::Fact);
  EXPECT_EQ(n.target.index, rules.schema.find_path("n"));
  const ExprInfo& limit = rules.info(*greater.args[1]);
  EXPECT_EQ(limit.target.kind, PathTarget::Kind::Const);
  EXPECT_EQ(limit.target.index, 0u);
  EXPECT_FALSE(limit.reads_deal);

  const ast::Expr& at_least = *block("sized").conditions[1].expr;
  const ExprInfo& min_n = rules.info(*at_least.args[1]);
  EXPECT_EQ(min_n.target.kind, PathTarget::Kind::Param);
  EXPECT_TRUE(min_n.reads_deal) << "a param can be set for each evaluation";

  const ast::Expr& any = *block("named").conditions[0].expr;
  const ast::Expr& role = *any.args[1]->args[0];  // `p.role` in `p.role == "buyer"`
  const ExprInfo& p = rules.info(role);
  EXPECT_EQ(p.target.kind, PathTarget::Kind::Binder);
  EXPECT_EQ(p.target.index, 0u);
  EXPECT_EQ(rules.schema.node(p.target.fact).path, "people[].role");
  EXPECT_EQ(rules.info(any).list_element,
            rules.schema.node(rules.schema.find_path("people")).element);
}

TEST_F(CheckerTest, TypesEveryExpression) {
  const CheckedRuleSet& rules = check_rules(kRules);
  EXPECT_EQ(condition_info("sized").type->kind, Type::Kind::Bool);
  const ast::Expr& less = *block("g").conditions[0].expr;
  EXPECT_EQ(rules.info(*less.args[0]).type->kind, Type::Kind::Number) << "date - date is days";
  EXPECT_EQ(rules.info(*less.args[0]->args[0]).type->kind, Type::Kind::Date);
  EXPECT_TRUE(rules.info(*less.args[0]->args[0]).reads_deal) << "`today` is the deal's date";
  EXPECT_EQ(rules.consts.at(0).type->kind, Type::Kind::Number);
  EXPECT_EQ(rules.params.at(0).type->kind, Type::Kind::Number);
}

TEST_F(CheckerTest, BlocksKnowWhatTheyRequireAndTheirPhase) {
  const CheckedRuleSet& rules = check_rules(kRules);
  ASSERT_EQ(rules.blocks.size(), 3u);
  EXPECT_EQ(rules.phases, (std::vector<std::string>{"Discover", "Deliver"}));
  EXPECT_EQ(rules.blocks[2].decl, &block("g"));
  EXPECT_EQ(rules.blocks[2].requires_blocks, (std::vector<BlockIndex>{1, 0}));
  EXPECT_EQ(rules.blocks[2].enters_phase, 1u);
  EXPECT_EQ(rules.blocks[0].enters_phase, kNone);
  EXPECT_FALSE(rules.blocks[2].requires_unresolved);
}

TEST_F(CheckerTest, AWaiverResolvesToConditionsByBlockAndPosition) {
  const CheckedRuleSet& rules = check_rules(kRules);
  ASSERT_EQ(rules.waivers.size(), 1u);
  using Condition = std::pair<BlockIndex, std::uint32_t>;
  // `sized` named whole stands for both of its conditions.
  EXPECT_EQ(rules.waivers[0].conditions, (std::vector<Condition>{{0, 0}, {0, 1}, {2, 0}}));
  EXPECT_EQ(rules.waivers[0].waives, (std::vector<std::string>{"sized", "g.1"}));
}

TEST_F(CheckerTest, ReportsEveryErrorNotOnlyTheFirst) {
  const CheckedRuleSet& rules = check_rules(R"(facts { n: number }
milestone m { require n > "three"
  require n.x }
gate g { requires m, missing
  require n }
)");
  EXPECT_EQ(codes(), (std::vector<std::string>{"type-mismatch", "not-a-record", "unknown-milestone",
                                               "condition-not-bool"}))
      << rendered();
  EXPECT_TRUE(rules.blocks.at(1).requires_unresolved);
  EXPECT_EQ(rules.blocks.at(1).requires_blocks, (std::vector<BlockIndex>{0}));
}

}  // namespace
}  // namespace dealgate
