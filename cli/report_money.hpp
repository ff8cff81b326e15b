// Money totals of the report, kept per currency: amounts in different currencies are never added.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "base/exact_sum.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::cli {

struct MoneyTotals {
  // "" when the deal names no currency. Summed exactly, so that totals merged from several
  // threads' deals are the same as one thread's.
  std::map<std::string, ExactSum> by_currency;
  std::uint64_t deals = 0;  // deals counted, with or without money

  void add(const DealResult& deal) {
    ++deals;
    if (deal.has_money) by_currency[deal.currency].add(deal.money);
  }
  // Adds other deals: their count and their money.
  void merge(const MoneyTotals& other) {
    deals += other.deals;
    for (const auto& [currency, sum] : other.by_currency) by_currency[currency].merge(sum);
  }
  bool empty() const { return by_currency.empty(); }
  // Each currency's total, rounded once.
  std::map<std::string, double> values() const {
    std::map<std::string, double> out;
    for (const auto& [currency, sum] : by_currency) out.emplace(currency, sum.value());
    return out;
  }
};

// "1,200,000 USD + 350,000 EUR" as people read it, largest first; empty without money.
std::string money_totals_text(const MoneyTotals& totals);

}  // namespace dealgate::cli
