// How `dealgate explain` shows an Explanation: an indented tree for people, or the same as JSON.
#pragma once

#include <string>

#include "engine/eval/explain.hpp"

namespace dealgate::cli {

struct ExplainHeader {
  std::string id;  // the deal id for people, or empty
  std::uint64_t line = 0;
  DayNumber today = 0;
};

std::string explain_text(const Plan& plan, const ExplainHeader& header, const Explanation& e, bool color);
// One JSON object: {"gate","status","blocks":[...],"checklist":[...]}.
std::string explain_json(const Plan& plan, const Explanation& e);

}  // namespace dealgate::cli
