// Sums of doubles without rounding: the exact total rounded once, the same in every order and
// however the values are split into partial sums.
#include "base/exact_sum.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace dealgate {
namespace {

double exact(const std::vector<double>& values) {
  ExactSum sum;
  for (double v : values) sum.add(v);
  return sum.value();
}

double naive(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return sum;
}

TEST(ExactSum, EmptyIsZero) {
  EXPECT_EQ(ExactSum().value(), 0.0);
}

TEST(ExactSum, WholeAmountsAddAsIntegers) {
  EXPECT_EQ(exact({350000, 820000, 1250000}), 2420000.0);
  EXPECT_EQ(exact({5, -7}), -2.0);
  EXPECT_EQ(exact({-0.5, 0.25}), -0.25);
  EXPECT_EQ(exact({3, -3}), 0.0);
}

TEST(ExactSum, RoundsOnceWhereAddingOneByOneDrifts) {
  const std::vector<double> tenths(10, 0.1);
  EXPECT_NE(naive(tenths), 1.0);  // 0.9999999999999999
  EXPECT_EQ(exact(tenths), 1.0);
  // 1e16 + 1 rounds back to 1e16 when added as doubles; kept exactly, the 1 survives.
  EXPECT_EQ(naive({1e16, 1, -1e16}), 0.0);
  EXPECT_EQ(exact({1e16, 1, -1e16}), 1.0);
  EXPECT_EQ(exact({1e16, -1e16, 1}), 1.0);
}

TEST(ExactSum, TiesRoundToEven) {
  const double two53 = 9007199254740992.0;  // 2^53: from here on doubles are 2 apart
  EXPECT_EQ(exact({two53, 1}), two53);      // halfway, to the even one
  EXPECT_EQ(exact({two53, 3}), two53 + 4);  // halfway, to the even one
  EXPECT_EQ(exact({two53, 1, std::ldexp(1.0, -30)}), two53 + 2);  // past halfway: up
  EXPECT_EQ(exact({-two53, -1, -std::ldexp(1.0, -30)}), -(two53 + 2));
}

TEST(ExactSum, TheWholeRangeOfDoubles) {
  const double largest = std::numeric_limits<double>::max();
  EXPECT_EQ(exact({1e308, 1e308, -1e308}), 1e308);  // adding one by one overflows
  EXPECT_EQ(exact({largest, largest}), std::numeric_limits<double>::infinity());
  const double tiny = std::numeric_limits<double>::denorm_min();
  EXPECT_EQ(exact({tiny, tiny, tiny}), 3 * tiny);
  EXPECT_EQ(exact({1e300, tiny, -1e300}), tiny);
}

TEST(ExactSum, InfinityAndNanAsWithDoubles) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(exact({1, inf, 2}), inf);
  EXPECT_EQ(exact({-inf, 1}), -inf);
  EXPECT_TRUE(std::isnan(exact({inf, -inf})));
  EXPECT_TRUE(std::isnan(exact({1, std::nan("")})));
}

// Values of every size and sign, split into partial sums in several ways and merged in several
// orders: the total is always the same bits.
TEST(ExactSum, TheSameTotalInEveryOrderAndSplit) {
  std::vector<double> values;
  std::uint64_t state = 42;
  for (int i = 0; i < 3000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double unit = static_cast<double>(state >> 11) / 9007199254740992.0;
    const int scale = static_cast<int>((state >> 3) % 40) - 10;
    values.push_back((state & 1 ? -1 : 1) * unit * std::pow(10.0, scale));
  }
  const double whole = exact(values);
  std::vector<double> reversed(values.rbegin(), values.rend());
  EXPECT_EQ(exact(reversed), whole);
  for (std::size_t parts : {2u, 3u, 7u}) {
    std::vector<ExactSum> partial(parts);
    for (std::size_t i = 0; i < values.size(); ++i) partial[(i / 5) % parts].add(values[i]);
    ExactSum forward, backward;
    for (std::size_t p = 0; p < parts; ++p) forward.merge(partial[p]);
    for (std::size_t p = parts; p-- > 0;) backward.merge(partial[p]);
    EXPECT_EQ(forward.value(), whole) << parts;
    EXPECT_EQ(backward.value(), whole) << parts;
    // Merging into a sum that has values of its own, then adding more.
    ExactSum mixed = partial[0];
    for (std::size_t p = 1; p < parts; ++p) mixed.merge(partial[p]);
    mixed.add(1.5);
    mixed.add(-1.5);
    EXPECT_EQ(mixed.value(), whole) << parts;
  }
  // Adding one by one depends on the order here; the exact total does not.
  EXPECT_NE(naive(values), naive(reversed));
}

// A sum of values whose every partial sum is a double: the exact total is the one doubles give.
TEST(ExactSum, AgreesWithDoublesWhereThoseAreExact) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back((i % 7 - 3) * 1024.25 + i * 0.5);
  EXPECT_EQ(exact(values), naive(values));
}

}  // namespace
}  // namespace dealgate
