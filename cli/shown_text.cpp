#include "cli/shown_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace dealgate::cli {

std::string money_text(double amount, const std::string& currency) {
  const bool negative = amount < 0;
  const double rounded = std::round(std::fabs(amount) * 100) / 100;
  const double whole = std::floor(rounded);
  std::string digits = fmt::format("{:.0f}", whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const long cents = std::lround((rounded - whole) * 100);
  if (cents > 0) grouped += fmt::format(".{:02d}", cents);
  std::string out = (negative ? "-" : "") + grouped;
  return currency.empty() ? out : out + " " + currency;
}

std::string shown_value(const Plan& plan, const DealResult& deal, std::size_t field) {
  if (plan.money && plan.money->field == field)
    return deal.has_money ? money_text(deal.money, deal.currency) : std::string();
  return field < deal.shown.size() ? deal.shown[field] : std::string();
}

std::string shown_line(const Plan& plan, const DealResult& deal) {
  std::string out;
  for (std::size_t i = 0; i < plan.shown.size(); ++i) {
    std::string value = shown_value(plan, deal, i);
    if (value.empty()) continue;
    // A bare date does not say which date it is (created? closing?); its heading does.
    if (plan.shown[i].type == ValueType::Date) value = plan.shown[i].label + " " + value;
    out += (out.empty() ? "" : " \u00b7 ") + value;
  }
  return out;
}

}  // namespace dealgate::cli
