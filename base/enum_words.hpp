// The word for each value of an enum, from a table in declaration order, for the many enums the
// program names to people (`gate`, `number`, `not in`). A table reads as the list it is; the range
// check makes a table that lost step with its enum fail to compile.
#pragma once

#include <cstddef>

namespace dealgate {

// `table` holds what stands for the values First..Last in order, one each (a word, or the value of
// another enum that mirrors this one); a value outside them gives `fallback`.
template <auto First, auto Last, typename T, std::size_t N>
constexpr T enum_lookup(decltype(First) value, const T (&table)[N], T fallback) {
  static_assert(static_cast<std::size_t>(Last) - static_cast<std::size_t>(First) + 1 == N,
                "one entry for every value from First to Last");
  const auto i = static_cast<std::size_t>(value) - static_cast<std::size_t>(First);
  return i < N ? table[i] : fallback;
}

// `words` names the values First..Last in order, one each; a value outside them is `fallback`.
template <auto First, auto Last, std::size_t N>
constexpr const char* enum_word(decltype(First) value, const char* const (&words)[N],
                                const char* fallback = "?") {
  return enum_lookup<First, Last>(value, words, fallback);
}

}  // namespace dealgate
