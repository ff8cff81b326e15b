// A small rule set that uses every kind of name, for the lsp tests.
#pragma once

#include <string>

namespace dealgate::lsp::testing {

inline const std::string kSampleRules = R"(ruleset "Sample"

phases Design -> Deliver

facts {
  id: string
  amount: number                # price of the proposal
  # The customer's view of the value
  value: { confirmed: bool, annual_benefit: number }
  stakeholders: list<{ role: string, engaged: bool }>
}

# Roles who can decide.
const deciders = ["sponsor", "cfo"]
param min_roi: number = 3

milestone value_confirmed "Value confirmed" {
  require value.confirmed
  require roi: value.annual_benefit >= min_roi * amount
    else "benefit {value.annual_benefit} is below {min_roi}x"
}

gate enter_delivery "Ready for Delivery" enters Deliver {
  requires value_confirmed
  require buyer: any(s in stakeholders: s.role in deciders and s.engaged)
}

test "no value" {
  given { id: "T1", amount: 10, value: { confirmed: false, annual_benefit: 1 }, stakeholders: [] }
  param min_roi = 2
  expect enter_delivery fail because value_confirmed.roi
}
)";

}  // namespace dealgate::lsp::testing
