// A source's constant (`currency = "USD"`, `probability = "0.25"`) is read like a plain cell of its
// fact's type (base/plain_values.hpp) in every record; one that would not read is better told by
// `dealgate check` than found as an invalid fact in every deal of every export.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/schema/schema.hpp"

namespace dealgate::checking {

struct ConstantProblem {
  std::string message;  // "`maybe` is not a bool"
  std::string help;     // what a value of the type looks like, with an example
};

// What is wrong with `text` as a constant of a `type` fact; nothing when it reads.
std::optional<ConstantProblem> constant_problem(ValueType type, std::string_view text);

}  // namespace dealgate::checking
