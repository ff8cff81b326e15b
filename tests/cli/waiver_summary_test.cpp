// Waivers over a run: deals held for, made the difference to, expired for, and their money.
#include "cli/waiver_summary.hpp"

#include <gtest/gtest.h>

#include "sample_plan.hpp"

namespace dealgate::cli {
namespace {

using namespace testing;

TEST(WaiverSummary, CountsDealsAndMoneyPerWaiverAndMergesWorkers) {
  const Plan plan = enterprise_plan_with_waivers();
  WaiverSummary summary(plan), worker(plan);
  summary.add(waived_result());
  DealResult unused = waived_result();  // pilot holds but waived nothing, and there is no amount
  unused.gates[0].waived.clear();
  unused.has_amount = false;
  worker.add(unused);
  worker.add(error_result(3, "bad"));
  worker.add(pass_result(4, "\"D9\""));
  summary.merge(worker);
  std::vector<WaiverCount> counts = summary.waivers();
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].waiver, 0u);
  EXPECT_EQ(counts[0].in_force, 2u);
  EXPECT_EQ(counts[0].used, 1u);
  EXPECT_EQ(counts[0].amount, 1250000);
  EXPECT_EQ(counts[0].without_amount, 1u);
  EXPECT_EQ(counts[1].in_force, 0u);
  EXPECT_EQ(counts[1].expired, 2u);
  EXPECT_TRUE(summary.has_amount());
  EXPECT_TRUE(WaiverSummary(plan).waivers().empty()) << "a waiver that named no deal is not listed";
}

TEST(WaiverSummary, DescribesAWaiverTheSameWayEverywhere) {
  const Plan plan = enterprise_plan_with_waivers();
  EXPECT_EQ(describe_waiver(plan, 0),
            "`pilot` (W-17: strategic logo), approved by Dana Lee, VP Sales, until 2026-12-31");
  EXPECT_EQ(describe_waiver(plan, 1), "`legacy`, approved by Sam Ortiz, until 2026-10-31");
}

TEST(WaiverSummary, DescribesWhatAWaiverDidOverARun) {
  WaiverCount held{0, 3, 2, 1, 1050000, 1};
  EXPECT_EQ(describe_count(held, true),
            "in force for 3 deals (waived a failing condition for 2), amount 1,050,000 (1 without "
            "an amount); "
            "expired for 1 deal");
  EXPECT_EQ(describe_count(held, false),
            "in force for 3 deals (waived a failing condition for 2); expired for 1 deal");
  EXPECT_EQ(describe_count(WaiverCount{0, 0, 0, 2, 0, 0}, true, "<", ">"), "<expired> for 2 deals");
}

TEST(FormatMoney, GroupsWholeAmountsInThousands) {
  EXPECT_EQ(format_money(0), "0");
  EXPECT_EQ(format_money(999), "999");
  EXPECT_EQ(format_money(1000), "1,000");
  EXPECT_EQ(format_money(1250000), "1,250,000");
  EXPECT_EQ(format_money(-45000), "-45,000");
  EXPECT_EQ(format_money(1234.5), "1234.5");
}

}  // namespace
}  // namespace dealgate::cli
