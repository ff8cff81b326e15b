// make_eval_options: --gate, --param and --today bound to a plan, and the messages when they do
// not fit.
#include "cli/eval_options.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/compile/compiler.hpp"

namespace dealgate::cli {
namespace {

constexpr const char* kRules = R"(
facts { value: { price: number } }
param min_price: number = 100
milestone priced { require value.price >= min_price }
gate quote { requires priced }
gate order { require value.price > 0 }
)";

class MakeEvalOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    compilation_ = compile({{"o.gate", kRules}});
    ASSERT_TRUE(compilation_.ok());
  }
  const Plan& plan() const { return *compilation_.plan; }
  BlockIndex block(const std::string& name) const { return plan().find_block(name); }

  std::ostringstream out_, err_;
  Io io_{out_, err_};
  Compilation compilation_;
};

TEST_F(MakeEvalOptions, NothingGivenMeansEveryGateTheDefaultsAndToday) {
  EvalOptions options;
  ASSERT_TRUE(make_eval_options(plan(), {}, {}, std::nullopt, io_, options));
  EXPECT_TRUE(options.gates.empty());
  ASSERT_NE(options.params, nullptr);
  ASSERT_EQ(options.params->values.size(), 1u);
  // today_utc() could pass midnight between the two calls; either day is right.
  EXPECT_LE(options.today - today_utc(), 0);
  EXPECT_GE(options.today - today_utc(), -1);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(MakeEvalOptions, BindsGatesParamsAndTheDay) {
  EvalOptions options;
  ASSERT_TRUE(make_eval_options(plan(), {"order", "quote"}, {{"min_price", "250"}},
                                days_from_civil(2026, 11, 26), io_, options));
  EXPECT_EQ(options.gates, (std::vector<BlockIndex>{block("quote"), block("order")}));
  ASSERT_NE(options.params, nullptr);
  EXPECT_EQ(options.today, days_from_civil(2026, 11, 26));
  EXPECT_EQ(err_.str(), "");
}

TEST_F(MakeEvalOptions, AnUnknownGateIsReportedWithItsHelp) {
  EvalOptions options;
  EXPECT_FALSE(make_eval_options(plan(), {"ordr"}, {}, std::nullopt, io_, options));
  EXPECT_EQ(err_.str(),
            "error: the rules have no gate `ordr`\n"
            "  = help: did you mean `order`?\n");
}

TEST_F(MakeEvalOptions, AMilestoneIsNotAGate) {
  EvalOptions options;
  EXPECT_FALSE(make_eval_options(plan(), {"priced"}, {}, std::nullopt, io_, options));
  EXPECT_EQ(err_.str().rfind("error: `priced` is a milestone, not a gate\n", 0), 0u) << err_.str();
}

TEST_F(MakeEvalOptions, AParamThatDoesNotFitIsReportedWithoutHelp) {
  EvalOptions options;
  EXPECT_FALSE(make_eval_options(plan(), {}, {{"min_price", "lots"}}, std::nullopt, io_, options));
  EXPECT_EQ(err_.str(),
            "error: param `min_price` is a number, but `lots` is not one (write it like 3, 2.5 or "
            "1_000)\n");
}

TEST_F(MakeEvalOptions, NamesTheRuleSetWhenACommandReadsTwo) {
  EvalOptions options;
  EXPECT_FALSE(make_eval_options(plan(), {}, {{"min_price", "lots"}}, std::nullopt, io_, options,
                                 "the old rules"));
  EXPECT_EQ(err_.str().rfind("error: the old rules: param `min_price` is a number", 0), 0u)
      << err_.str();
  err_.str("");
  EXPECT_FALSE(
      make_eval_options(plan(), {"ordr"}, {}, std::nullopt, io_, options, "the new rules"));
  EXPECT_EQ(err_.str(),
            "error: the new rules: the rules have no gate `ordr`\n"
            "  = help: did you mean `order`?\n");
}

}  // namespace
}  // namespace dealgate::cli
