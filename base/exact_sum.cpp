#include "base/exact_sum.hpp"

#include <bit>
#include <cmath>

namespace dealgate {
namespace {

constexpr std::int64_t kDigitBits = 32;
constexpr std::int64_t kDigitMask = (std::int64_t{1} << kDigitBits) - 1;
constexpr std::uint32_t kAddsBetweenCarries = std::uint32_t{1} << 30;
// The smallest double is 2^-1074: positions count from there.
constexpr int kLowestExponent = -1074;

}  // namespace

void ExactSum::cover(std::int64_t low, std::int64_t high) {
  if (digits_.empty()) {
    low_ = low;
    digits_.assign(static_cast<std::size_t>(high - low + 1), 0);
    return;
  }
  if (low < low_) {
    digits_.insert(digits_.begin(), static_cast<std::size_t>(low_ - low), 0);
    low_ = low;
  }
  const std::int64_t size = static_cast<std::int64_t>(digits_.size());
  if (high >= low_ + size) digits_.resize(static_cast<std::size_t>(high - low_ + 1), 0);
}

void ExactSum::normalize() {
  adds_ = 0;
  if (digits_.empty()) return;
  for (std::size_t i = 0; i + 1 < digits_.size(); ++i) {
    const std::int64_t carry = digits_[i] >> kDigitBits;  // arithmetic: floor division
    digits_[i] &= kDigitMask;
    digits_[i + 1] += carry;
  }
  // The last digit stays small, so that the next adds cannot overflow it.
  while (digits_.back() < -(std::int64_t{1} << 31) || digits_.back() >= (std::int64_t{1} << 31)) {
    const std::int64_t carry = digits_.back() >> kDigitBits;
    digits_.back() &= kDigitMask;
    digits_.push_back(carry);
  }
}

void ExactSum::add(double value) {
  if (!std::isfinite(value)) {
    special_ += value;
    return;
  }
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
  const std::uint64_t biased = (bits >> 52) & 0x7FF;
  std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  // value = mantissa * 2^(position - 1074)
  std::int64_t position = 0;
  if (biased != 0) {
    mantissa |= std::uint64_t{1} << 52;
    position = static_cast<std::int64_t>(biased) - 1;
  }
  if (mantissa == 0) return;
  const int zeros = std::countr_zero(mantissa);  // fewer digits for round amounts
  mantissa >>= zeros;
  position += zeros;
  if (adds_ == kAddsBetweenCarries) normalize();
  ++adds_;
  const std::int64_t digit = position / kDigitBits;
  const int shift = static_cast<int>(position % kDigitBits);
  const std::uint64_t low = mantissa << shift;
  const std::uint64_t high = shift == 0 ? 0 : mantissa >> (64 - shift);
  const std::int64_t parts[3] = {static_cast<std::int64_t>(low & kDigitMask),
                                 static_cast<std::int64_t>(low >> kDigitBits),
                                 static_cast<std::int64_t>(high)};
  const int used = parts[2] != 0 ? 3 : parts[1] != 0 ? 2 : 1;
  cover(digit, digit + used - 1);
  const bool negative = (bits >> 63) != 0;
  for (int k = 0; k < used; ++k) {
    std::int64_t& d = digits_[static_cast<std::size_t>(digit - low_ + k)];
    d += negative ? -parts[k] : parts[k];
  }
}

void ExactSum::merge(const ExactSum& other) {
  special_ += other.special_;
  if (other.digits_.empty()) return;
  ExactSum carried = other;
  carried.normalize();
  normalize();
  const std::int64_t size = static_cast<std::int64_t>(carried.digits_.size());
  cover(carried.low_, carried.low_ + size - 1);
  for (std::int64_t k = 0; k < size; ++k) {
    digits_[static_cast<std::size_t>(carried.low_ - low_ + k)] +=
        carried.digits_[static_cast<std::size_t>(k)];
  }
  adds_ = 2;  // each digit grew by less than two adds' worth
}

double ExactSum::value() const {
  if (special_ != 0) return special_;  // NaN too
  ExactSum sum = *this;
  sum.normalize();
  std::vector<std::int64_t>& digits = sum.digits_;
  const bool negative = !digits.empty() && digits.back() < 0;
  if (negative) {
    for (std::int64_t& d : digits) d = -d;
    sum.normalize();
  }
  // Now every digit is in [0, 2^32): the magnitude, base 2^32.
  std::int64_t top = static_cast<std::int64_t>(digits.size()) - 1;
  while (top >= 0 && digits[static_cast<std::size_t>(top)] == 0) --top;
  if (top < 0) return 0.0;
  auto digit = [&](std::int64_t k) {
    return k >= 0 ? static_cast<std::uint64_t>(digits[static_cast<std::size_t>(k)]) : 0;
  };
  // The leading 64 bits, and whether any bit below them is set.
  const int lead_zeros = std::countl_zero(static_cast<std::uint32_t>(digit(top)));
  const std::uint64_t leading = (digit(top) << (32 + lead_zeros)) | (digit(top - 1) << lead_zeros) |
                                (lead_zeros == 0 ? 0 : digit(top - 2) >> (32 - lead_zeros));
  bool sticky = (digit(top - 2) & ((std::uint64_t{1} << (32 - lead_zeros)) - 1)) != 0;
  for (std::int64_t k = top - 3; k >= 0 && !sticky; --k) sticky = digit(k) != 0;
  // Rounded to 53 bits, to nearest, ties to even. (A subnormal total would be rounded twice, by
  // ldexp again; sums of money never come near 2^-1022.)
  std::uint64_t mantissa = leading >> 11;
  const std::uint64_t rest = leading & 0x7FF;
  if (rest > 0x400 || (rest == 0x400 && (sticky || (mantissa & 1) != 0))) ++mantissa;
  const std::int64_t position = kDigitBits * (sum.low_ + top - 2) + (32 - lead_zeros) + 11;
  const double magnitude =
      std::ldexp(static_cast<double>(mantissa), static_cast<int>(position + kLowestExponent));
  return negative ? -magnitude : magnitude;
}

}  // namespace dealgate
