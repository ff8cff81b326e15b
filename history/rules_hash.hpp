// A fingerprint of a rule set's content, kept with each recorded run so that a trend across a
// rule change is not read as a change in the deals.
#pragma once

#include <string>

#include "engine/plan/plan.hpp"

namespace dealgate::history {

// 16 hex digits (64-bit FNV-1a) over every rule file's text, in the order they were compiled.
// Where the files sit does not count; what they say does, comments and layout included.
std::string rules_hash(const Plan& plan);

}  // namespace dealgate::history
