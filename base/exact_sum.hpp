// A sum of doubles without rounding: every added value is kept exactly (as a fixed-point integer
// in units of the smallest double), so the total is the same in whatever order the values come
// and however they are split into partial sums merged later. Reports that add money on several
// threads use it, so that their page is the same byte for byte on one thread or many; and the
// total is the exact sum rounded once, which is never worse than adding doubles one by one.
#pragma once

#include <cstdint>
#include <vector>

namespace dealgate {

class ExactSum {
 public:
  void add(double value);
  // Adds every value another sum was given.
  void merge(const ExactSum& other);
  // The exact total rounded to the nearest double (ties to even). An infinite or NaN value added
  // makes the total infinite or NaN, as adding doubles would.
  double value() const;

 private:
  // Carries so that every digit but the last is in [0, 2^32) and the last is the signed rest.
  void normalize();
  // Makes digits low_ .. high (inclusive) exist.
  void cover(std::int64_t low, std::int64_t high);

  // The sum is the sum of digits_[i] * 2^(32 * (low_ + i) - 1074). A digit changes by less than
  // 2^32 an add, so int64 digits take 2^30 adds between two normalizations without overflowing.
  std::vector<std::int64_t> digits_;
  std::int64_t low_ = 0;
  std::uint32_t adds_ = 0;  // since the last normalization
  double special_ = 0;      // the sum of the infinite and NaN values added
};

}  // namespace dealgate
