// The report's money totals (cli/report_money.cpp): kept per currency as the data writes it, never
// added across currencies, and written for people largest first.
#include "cli/report_money.hpp"

#include <gtest/gtest.h>

namespace dealgate::cli {
namespace {

DealResult deal(double amount, const std::string& currency) {
  DealResult d;
  d.has_money = true;
  d.money = amount;
  d.currency = currency;
  return d;
}

DealResult without_money() {
  return DealResult{};
}

TEST(MoneyTotals, AddsEachCurrencyOnItsOwn) {
  MoneyTotals totals;
  totals.add(deal(350000, "EUR"));
  totals.add(deal(820000, "USD"));
  totals.add(deal(120000.5, "EUR"));
  totals.add(deal(30000, "USD"));
  ASSERT_EQ(totals.by_currency.size(), 2u);
  EXPECT_DOUBLE_EQ(totals.by_currency.at("EUR").value(), 350000 + 120000.5);
  EXPECT_DOUBLE_EQ(totals.by_currency.at("USD").value(), 820000 + 30000);
  EXPECT_EQ(totals.deals, 4u);
}

TEST(MoneyTotals, CountsDealsWithoutMoneyButAddsNoAmount) {
  MoneyTotals totals;
  totals.add(without_money());
  EXPECT_TRUE(totals.empty());
  EXPECT_EQ(totals.deals, 1u);
  EXPECT_EQ(money_totals_text(totals), "");
  totals.add(deal(0, "EUR"));
  EXPECT_FALSE(totals.empty());
  EXPECT_EQ(totals.deals, 2u);
  EXPECT_EQ(money_totals_text(totals), "0 EUR");
}

TEST(MoneyTotals, KeepsCurrencyCodesAsTheDataWritesThem) {
  // "eur" and "EUR" are not merged: the report does not guess what the data meant.
  MoneyTotals totals;
  totals.add(deal(100, "EUR"));
  totals.add(deal(200, "eur"));
  totals.add(deal(300, ""));  // a deal that names no currency
  ASSERT_EQ(totals.by_currency.size(), 3u);
  EXPECT_DOUBLE_EQ(totals.by_currency.at("EUR").value(), 100);
  EXPECT_DOUBLE_EQ(totals.by_currency.at("eur").value(), 200);
  EXPECT_DOUBLE_EQ(totals.by_currency.at("").value(), 300);
  EXPECT_EQ(money_totals_text(totals), "300 + 200 eur + 100 EUR");
}

TEST(MoneyTotalsText, LargestFirstWithThousandsGrouped) {
  MoneyTotals totals;
  totals.add(deal(350000, "EUR"));
  totals.add(deal(1200000, "USD"));
  totals.add(deal(9500.25, "GBP"));
  EXPECT_EQ(money_totals_text(totals), "1,200,000 USD + 350,000 EUR + 9,500.25 GBP");
}

TEST(MoneyTotalsText, NeverAddsAcrossCurrencies) {
  MoneyTotals totals;
  totals.add(deal(600, "EUR"));
  totals.add(deal(400, "USD"));
  const std::string text = money_totals_text(totals);
  EXPECT_EQ(text, "600 EUR + 400 USD");
  EXPECT_EQ(text.find("1,000"), std::string::npos);
  EXPECT_EQ(text.find("1000"), std::string::npos);
}

TEST(MoneyTotalsText, EqualAmountsKeepTheCurrenciesInTheirOrder) {
  MoneyTotals totals;
  totals.add(deal(500, "USD"));
  totals.add(deal(500, "CHF"));
  EXPECT_EQ(money_totals_text(totals), "500 CHF + 500 USD");
}

TEST(MoneyTotalsText, NegativeAmountsAndCents) {
  MoneyTotals totals;
  totals.add(deal(-1234.5, "EUR"));
  EXPECT_EQ(money_totals_text(totals), "-1,234.50 EUR");
}

}  // namespace
}  // namespace dealgate::cli
