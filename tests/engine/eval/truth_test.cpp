// The three-valued rules of SPEC §6 (engine/eval/truth.hpp) as truth tables, and which operands
// they evaluate: an operand the result no longer needs is never asked for.
#include "engine/eval/truth.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace dealgate::evaluation {
namespace {

constexpr Truth kAll[] = {False, True, Unknown};

// Kleene's tables, written out rather than computed, indexed by [left][right].
constexpr Truth kAnd[3][3] = {
    /* false   */ {False, False, False},
    /* true    */ {False, True, Unknown},
    /* unknown */ {False, Unknown, Unknown},
};
constexpr Truth kOr[3][3] = {
    /* false   */ {False, True, Unknown},
    /* true    */ {True, True, True},
    /* unknown */ {Unknown, True, Unknown},
};

TEST(Truth, NotKeepsUnknown) {
  EXPECT_EQ(truth_not(False), True);
  EXPECT_EQ(truth_not(True), False);
  EXPECT_EQ(truth_not(Unknown), Unknown);
}

TEST(Truth, AndOrFollowKleenesTables) {
  for (Truth l : kAll) {
    for (Truth r : kAll) {
      EXPECT_EQ(truth_and([&] { return l; }, [&] { return r; }), kAnd[l][r]) << +l << " and " << +r;
      EXPECT_EQ(truth_or([&] { return l; }, [&] { return r; }), kOr[l][r]) << +l << " or " << +r;
    }
  }
}

TEST(Truth, TheRightOperandIsEvaluatedOnlyWhenTheLeftDoesNotDecide) {
  for (Truth l : kAll) {
    int asked = 0;
    truth_and([&] { return l; },
              [&] {
                ++asked;
                return True;
              });
    EXPECT_EQ(asked, l == False ? 0 : 1) << +l;
    asked = 0;
    truth_or([&] { return l; },
             [&] {
               ++asked;
               return False;
             });
    EXPECT_EQ(asked, l == True ? 0 : 1) << +l;
  }
}

// Every list of up to three truths: `any` and `all` agree with `or` and `and` folded over it, the
// empty list included (any: false, all: true).
TEST(Truth, AnyAndAllAreOrAndAndOverTheList) {
  std::vector<std::vector<Truth>> lists = {{}};
  for (std::size_t length = 1; length <= 3; ++length) {
    std::vector<std::vector<Truth>> longer;
    for (const auto& list : lists) {
      if (list.size() != length - 1) continue;
      for (Truth t : kAll) {
        longer.push_back(list);
        longer.back().push_back(t);
      }
    }
    lists.insert(lists.end(), longer.begin(), longer.end());
  }
  ASSERT_EQ(lists.size(), 1u + 3 + 9 + 27);
  for (const auto& list : lists) {
    Truth any = False, all = True;
    for (Truth t : list) {
      any = kOr[any][t];
      all = kAnd[all][t];
    }
    const auto size = static_cast<std::uint32_t>(list.size());
    auto element = [&](std::uint32_t i) -> ElementTruth { return list[i]; };
    EXPECT_EQ(any_of(size, element), any) << "any of " << size;
    EXPECT_EQ(all_of(size, element), all) << "all of " << size;
  }
}

TEST(Truth, QuantifiersStopAtTheFirstDecisiveElement) {
  const std::vector<Truth> list = {Unknown, False, True, False, True};
  std::vector<std::uint32_t> asked;
  auto element = [&](std::uint32_t i) -> ElementTruth {
    asked.push_back(i);
    return list[i];
  };
  EXPECT_EQ(any_of(5, element), True);
  EXPECT_EQ(asked, (std::vector<std::uint32_t>{0, 1, 2}));
  asked.clear();
  EXPECT_EQ(all_of(5, element), False);
  EXPECT_EQ(asked, (std::vector<std::uint32_t>{0, 1}));
}

// An element that cannot be evaluated (the work budget ran out) makes the quantifier unknown at
// once, even when a later element would have decided it.
TEST(Truth, AStoppedElementMakesTheQuantifierUnknownAtOnce) {
  int asked = 0;
  auto stops_second = [&](std::uint32_t i) -> ElementTruth {
    ++asked;
    if (i == 1) return std::nullopt;
    return True;
  };
  EXPECT_EQ(all_of(4, stops_second), Unknown);
  EXPECT_EQ(asked, 2);
  asked = 0;
  EXPECT_EQ(any_of(4,
                   [&](std::uint32_t i) -> ElementTruth {
                     ++asked;
                     return i == 0 ? ElementTruth() : ElementTruth(True);
                   }),
            Unknown);
  EXPECT_EQ(asked, 1);
}

TEST(Truth, MembershipNegatesForNotIn) {
  for (Truth found : kAll) {
    EXPECT_EQ(membership(false, found), found);
    EXPECT_EQ(membership(true, found), truth_not(found));
  }
}

TEST(Truth, KleeneAccumulatorKeepsTheDecisiveValue) {
  Kleene<False> all;
  EXPECT_EQ(all.result(), True);
  EXPECT_FALSE(all.take(Unknown));
  EXPECT_EQ(all.result(), Unknown);
  EXPECT_TRUE(all.take(False));
  EXPECT_TRUE(all.take(Unknown));  // decided: later operands change nothing
  EXPECT_EQ(all.result(), False);
  static_assert(truth(true) == True && truth(false) == False);
}

}  // namespace
}  // namespace dealgate::evaluation
