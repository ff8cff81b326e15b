// Money totals of the report, kept per currency: amounts in different currencies are never added.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "engine/eval/result.hpp"

namespace dealgate::cli {

struct MoneyTotals {
  std::map<std::string, double> by_currency;  // "" when the deal names no currency
  std::uint64_t deals = 0;                    // deals counted, with or without money

  void add(const DealResult& deal) {
    ++deals;
    if (deal.has_money) by_currency[deal.currency] += deal.money;
  }
  bool empty() const { return by_currency.empty(); }
};

// "1,200,000 USD + 350,000 EUR" as people read it, largest first; empty without money.
std::string money_totals_text(const MoneyTotals& totals);

}  // namespace dealgate::cli
