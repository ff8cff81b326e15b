#include "engine/eval/shown.hpp"

#include "base/calendar.hpp"
#include "engine/eval/evaluator.hpp"

namespace dealgate {

namespace {

std::string as_text(const Facts& facts, const FactValue& v, ValueType type) {
  if (v.state != FactState::Present) return {};
  switch (type) {
    case ValueType::String:
      return std::string(facts.text(v));
    case ValueType::Number:
      return format_number(v.number);
    case ValueType::Date:
      return format_date(v.date);
    case ValueType::Bool:
      return v.boolean ? "yes" : "no";
    default:
      return {};  // the checker shows single values only
  }
}

}  // namespace

void read_shown(const Plan& plan, const Facts& facts, DealResult& result) {
  result.shown.clear();
  result.has_money = false;
  result.money = 0;
  result.currency.clear();
  for (const PlanShownField& field : plan.shown) {
    result.shown.push_back(field.slot < facts.top.size()
                               ? as_text(facts, facts.top[field.slot], field.type)
                               : std::string());
  }
  if (!plan.money) return;
  const PlanMoney& money = *plan.money;
  const std::uint32_t slot = plan.shown[money.field].slot;
  if (slot >= facts.top.size() || facts.top[slot].state != FactState::Present) return;
  result.has_money = true;
  result.money = facts.top[slot].number;
  if (money.currency_slot == kNone) {
    result.currency = money.currency_code;
  } else if (money.currency_slot < facts.top.size() &&
             facts.top[money.currency_slot].state == FactState::Present) {
    result.currency = std::string(facts.text(facts.top[money.currency_slot]));
  }
}

}  // namespace dealgate
