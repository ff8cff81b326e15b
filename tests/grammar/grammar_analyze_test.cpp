// The grammar has no rule that can loop without consuming input (pegtl::analyze).
#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/grammar.hpp"

namespace dealgate::grammar {
namespace {

TEST(GrammarAnalyze, RuleFileHasNoIssues) {
  EXPECT_EQ(tao::pegtl::analyze<rule_file>(1), 0u);
}

}  // namespace
}  // namespace dealgate::grammar
