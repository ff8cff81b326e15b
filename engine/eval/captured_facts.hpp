// Facts a caller wants carried on each result as text, besides the gates: what `--record` keeps in
// the history (the stage, the amount, the close date, display fields, the confirmation dates that
// go stale). Only frame-0 facts (top level or inside records, not list elements) can be captured.
#pragma once

#include <string>
#include <vector>

#include "engine/facts/facts.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// One captured fact: present, and its value as text (numbers in their shortest exact form, dates
// as YYYY-MM-DD, booleans as true/false), or absent (missing, or invalid for its declared type).
struct CapturedFact {
  bool present = false;
  std::string text;
};

// Fills `out` (resized to `nodes`) from `facts`; reuses the strings' storage across deals.
void capture_facts(const Plan& plan, const Facts& facts, const std::vector<NodeIndex>& nodes,
                   std::vector<CapturedFact>& out);

}  // namespace dealgate
