// The line of shown facts beside a deal's id, and money as people read it.
#include "cli/shown_text.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

TEST(MoneyText, GroupsThousandsAndKeepsTheCurrency) {
  EXPECT_EQ(money_text(350000, "EUR"), "350,000 EUR");
  EXPECT_EQ(money_text(1250000.5, "GBP"), "1,250,000.50 GBP");
  EXPECT_EQ(money_text(999, ""), "999");
  EXPECT_EQ(money_text(-1000, "USD"), "-1,000 USD");
}

TEST(ShownLine, JoinsTheValuesAndWritesTheMoneyWithItsCurrency) {
  Plan plan;
  plan.shown = {{"account", "Account", ValueType::String, 0},
                {"owner", "Owner", ValueType::String, 1},
                {"amount", "Amount", ValueType::Number, 2}};
  plan.money = PlanMoney{2, 3, "currency", ""};
  DealResult deal;
  deal.shown = {"Nordhafen Logistics", "", "350000"};
  deal.has_money = true;
  deal.money = 350000;
  deal.currency = "EUR";
  // The empty owner is left out rather than shown as a gap.
  EXPECT_EQ(shown_line(plan, deal), "Nordhafen Logistics \u00b7 350,000 EUR");
  deal.has_money = false;
  EXPECT_EQ(shown_line(plan, deal), "Nordhafen Logistics");
  EXPECT_EQ(shown_line(Plan{}, deal), "");
}

TEST(ShownLine, ADateSaysWhichDateItIsByItsHeading) {
  Plan plan;
  plan.shown = {{"account", "Account", ValueType::String, 0},
                {"close_date", "Close date", ValueType::Date, 1}};
  DealResult deal;
  deal.shown = {"Nordhafen Logistics", "2027-01-29"};
  EXPECT_EQ(shown_line(plan, deal), "Nordhafen Logistics \u00b7 Close date 2027-01-29");
  deal.shown[1].clear();  // a missing date is left out, heading and all
  EXPECT_EQ(shown_line(plan, deal), "Nordhafen Logistics");
}

}  // namespace
}  // namespace dealgate::cli
