#include "cli/report_money.hpp"

#include <algorithm>
#include <vector>

#include "cli/shown_text.hpp"

namespace dealgate::cli {

std::string money_totals_text(const MoneyTotals& totals) {
  std::vector<std::pair<std::string, double>> parts;
  for (const auto& [currency, sum] : totals.by_currency) parts.emplace_back(currency, sum.value());
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [currency, amount] : parts)
    out += (out.empty() ? "" : " + ") + money_text(amount, currency);
  return out;
}

}  // namespace dealgate::cli
