// The money a rule change moves (cli/diff_money.cpp): per gate and status change, per currency and
// never across; taken from the new rules' money, else the old rules'; the next-phase status of each
// deal under both rule sets.
#include "cli/diff_money.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

// One gate `entry` entering Deliver of Design -> Deliver (with `stages` when `staged`), and a
// shown money field when `money`.
Plan make_plan(bool money, bool staged) {
  Plan plan;
  plan.phases = {"Design", "Deliver"};
  if (staged) plan.stages.emplace();
  PlanBlock b;
  b.name = "entry";
  b.is_gate = true;
  b.enters_phase = 1;
  plan.blocks.push_back(b);
  plan.gates.push_back(0);
  if (money) {
    plan.shown.push_back({"amount", "Amount", ValueType::Number, 0});
    plan.money.emplace();
  }
  return plan;
}

DealResult result(Status status, double amount, const std::string& currency) {
  DealResult r;
  GateResult g;
  g.gate = 0;
  g.status = status;
  r.gates.push_back(g);
  r.has_money = !currency.empty();
  r.money = amount;
  r.currency = currency;
  r.has_stage = true;
  r.stage.recorded = 0;  // in Design: judged on `entry`
  return r;
}

class DiffMoneyTest : public ::testing::Test {
 protected:
  void compare(const DealResult& before, const DealResult& after) {
    DealChanges changes = diff_.compare(before, after);
    deals_.push_back(money_.add(before, after, changes));
  }
  Plan old_ = make_plan(true, true);
  Plan new_ = make_plan(true, true);
  RuleDiff diff_{old_, new_};
  DiffMoney money_{diff_, old_, new_, true};
  std::vector<DealMoney> deals_;
};

TEST_F(DiffMoneyTest, TotalsEachStatusChangePerCurrency) {
  compare(result(Status::Pass, 350000, "EUR"), result(Status::Fail, 350000, "EUR"));
  compare(result(Status::Pass, 820000, "USD"), result(Status::Fail, 820000, "USD"));
  compare(result(Status::Pass, 150000, "EUR"), result(Status::Fail, 150000, "EUR"));
  compare(result(Status::Unknown, 90000, "USD"), result(Status::Fail, 90000, "USD"));
  compare(result(Status::Pass, 5000000, "EUR"), result(Status::Pass, 5000000, "EUR"));
  ASSERT_TRUE(money_.has_money());
  const MovedMoney& entry = money_.gate(0);
  const MoneyTotals& pass_fail = entry.of(Status::Pass, Status::Fail);
  EXPECT_EQ(pass_fail.deals, 3u);
  EXPECT_EQ(pass_fail.values(),
            (std::map<std::string, double>{{"EUR", 350000 + 150000}, {"USD", 820000}}));
  EXPECT_EQ(entry.of(Status::Unknown, Status::Fail).values(),
            (std::map<std::string, double>{{"USD", 90000}}));
  // The unchanged deal moves nothing; the total keeps the currencies apart.
  EXPECT_EQ(entry.moved.deals, 4u);
  EXPECT_EQ(entry.moved.values(),
            (std::map<std::string, double>{{"EUR", 500000}, {"USD", 910000}}));
  EXPECT_TRUE(entry.of(Status::Pass, Status::Pass).empty());
  ASSERT_EQ(deals_.size(), 5u);
  EXPECT_TRUE(deals_[1].has_money);
  EXPECT_EQ(deals_[1].money, 820000);
  EXPECT_EQ(deals_[1].currency, "USD");
}

TEST_F(DiffMoneyTest, TheNextPhaseStatusOnBothSides) {
  compare(result(Status::Pass, 100, "EUR"), result(Status::Fail, 100, "EUR"));
  DealResult unmapped = result(Status::Pass, 200, "USD");
  unmapped.stage.recorded = kNone;  // a stage that names no phase is not judged
  compare(unmapped, unmapped);
  compare(result(Status::Fail, 300, "USD"), result(Status::Fail, 300, "USD"));
  ASSERT_TRUE(money_.has_next_phase());
  EXPECT_EQ(deals_[0].next_from, Status::Pass);
  EXPECT_EQ(deals_[0].next_to, Status::Fail);
  EXPECT_EQ(deals_[1].next_from, std::nullopt);
  const std::vector<Transition> changes = money_.next_transitions();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].from, Status::Pass);
  EXPECT_EQ(changes[0].to, Status::Fail);
  EXPECT_EQ(changes[0].deals, 1u);
  EXPECT_EQ(money_.next_unchanged(), 2u);
  EXPECT_EQ(money_.next_money().moved.values(), (std::map<std::string, double>{{"EUR", 100}}));
}

TEST(DiffMoney, TheNewRulesMoneyElseTheOldRules) {
  Plan with = make_plan(true, false);
  Plan without = make_plan(false, false);
  RuleDiff forward(without, with);
  DiffMoney from_new(forward, without, with, true);
  EXPECT_TRUE(from_new.has_money());
  EXPECT_TRUE(from_new.reads_shown(true));
  EXPECT_FALSE(from_new.reads_shown(false));
  // Neither side has stages: no next-phase status.
  EXPECT_FALSE(from_new.has_next_phase());
  RuleDiff backward(with, without);
  DiffMoney from_old(backward, with, without, true);
  EXPECT_TRUE(from_old.reads_shown(false));
  EXPECT_FALSE(from_old.reads_shown(true));
  const DealMoney deal =
      from_old.add(result(Status::Pass, 42, "NOK"), result(Status::Fail, 0, ""),
                   backward.compare(result(Status::Pass, 42, "NOK"), result(Status::Fail, 0, "")));
  EXPECT_EQ(deal.money, 42);
  EXPECT_EQ(deal.currency, "NOK");
  EXPECT_EQ(from_old.gate(0).moved.values(), (std::map<std::string, double>{{"NOK", 42}}));
  RuleDiff neither_diff(without, without);
  DiffMoney neither(neither_diff, without, without, true);
  EXPECT_FALSE(neither.has_money());
  EXPECT_FALSE(neither.reads_shown(true));
}

TEST(DiffMoney, NoNextPhaseWhenGatesAreSelected) {
  Plan staged = make_plan(false, true);
  RuleDiff diff(staged, staged);
  EXPECT_TRUE(DiffMoney(diff, staged, staged, true).has_next_phase());
  EXPECT_FALSE(DiffMoney(diff, staged, staged, false).has_next_phase());
}

}  // namespace
}  // namespace dealgate::cli
