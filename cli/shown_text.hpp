// How the `show` declaration's facts read beside a deal's id: "Nordhafen Logistics · Priya Raman ·
// 350,000 EUR". The id stays the key; this line only helps people know the deal.
#pragma once

#include <string>

#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

// An amount for people: thousands grouped with commas, at most two decimals, then the currency.
std::string money_text(double amount, const std::string& currency);

// One shown fact of a deal as people read it: the money with its currency, others as they are.
std::string shown_value(const Plan& plan, const DealResult& deal, std::size_t field);

// Every non-empty shown value, joined with " · ", a date after its heading ("Close date
// 2026-12-15"); empty without `show` or values.
std::string shown_line(const Plan& plan, const DealResult& deal);

}  // namespace dealgate::cli
