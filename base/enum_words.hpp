// The word for each value of an enum, from a table in declaration order, for the many enums the
// program names to people (`gate`, `number`, `not in`). A table reads as the list it is; the range
// check makes a table that lost step with its enum fail to compile.
#pragma once

#include <cstddef>

namespace dealgate {

// `words` names the values First..Last in order, one each; a value outside them is `fallback`.
template <auto First, auto Last, std::size_t N>
constexpr const char* enum_word(decltype(First) value, const char* const (&words)[N],
                                const char* fallback = "?") {
  static_assert(static_cast<std::size_t>(Last) - static_cast<std::size_t>(First) + 1 == N,
                "one word for every value from First to Last");
  const auto i = static_cast<std::size_t>(value) - static_cast<std::size_t>(First);
  return i < N ? words[i] : fallback;
}

}  // namespace dealgate
