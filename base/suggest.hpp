// "Did you mean `X`?": the closest candidate to a misspelt name, if one is close enough (and, where
// the caller knows the types, of a type that fits).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dealgate {

// Damerau-Levenshtein distance (adjacent transpositions count as one edit), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The nearest candidate within a distance that grows with the name's length (1 for short names,
// up to a third of the length), or a candidate that differs only in case. Ties go to the first.
std::optional<std::string> closest_match(std::string_view name,
                                         const std::vector<std::string>& candidates);

// "did you mean `x`?" or empty, ready to go into a diagnostic's help.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

// A name that could be meant, and whether its type fits where the misspelt name stands.
struct Candidate {
  std::string name;
  bool fits = true;
};

// As above, among the candidates whose type fits: a string fact is never offered where a number is
// compared (`account == "Acme"` is not offered `amount`), however close the spelling.
std::string did_you_mean(std::string_view name, const std::vector<Candidate>& candidates);

}  // namespace dealgate
