// "Did you mean": edit distance with transpositions, a length-dependent limit, case folding, and
// only candidates whose type fits.
#include "base/suggest.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("requre", "require"), 1u);
  EXPECT_EQ(edit_distance("reqiure", "require"), 1u);  // a transposition is one edit
  EXPECT_EQ(edit_distance("Milestone", "milestone"), 0u);
}

TEST(Suggest, ClosestMatch) {
  const std::vector<std::string> words = {"ruleset", "phases",    "facts", "const",
                                          "param",   "milestone", "gate",  "test"};
  EXPECT_EQ(closest_match("milestne", words), "milestone");
  EXPECT_EQ(closest_match("Gate", words), "gate");
  EXPECT_EQ(closest_match("gaet", words), "gate");
  EXPECT_EQ(closest_match("banana", words), std::nullopt);
  EXPECT_EQ(closest_match("gate", words), std::nullopt);  // an exact match needs no suggestion
  // Ties go to the first candidate.
  EXPECT_EQ(closest_match("requre", {"require", "requires"}), "require");
  EXPECT_EQ(closest_match("ab", {"xy"}), std::nullopt);
  EXPECT_EQ(closest_match("ab", {"ax"}), "ax");
}

TEST(Suggest, DidYouMean) {
  EXPECT_EQ(did_you_mean("strng", {"bool", "number", "string"}), "did you mean `string`?");
  EXPECT_EQ(did_you_mean("zzz", {"bool", "number", "string"}), "");
}

// A candidate of the wrong type is never offered, however close; a farther one that fits is.
TEST(Suggest, DidYouMeanOnlyOffersCandidatesThatFit) {
  EXPECT_EQ(did_you_mean("acount", std::vector<Candidate>{{"amount", false}}), "");
  EXPECT_EQ(did_you_mean("acount", std::vector<Candidate>{{"amount", true}}),
            "did you mean `amount`?");
  EXPECT_EQ(did_you_mean("stae", std::vector<Candidate>{{"stage", false}, {"state", true}}),
            "did you mean `state`?");
}

}  // namespace
}  // namespace dealgate
