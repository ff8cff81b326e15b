#include "history/rules_hash.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string_view>

namespace dealgate::history {
namespace {

constexpr std::uint64_t kOffset = 14695981039346656037ull;
constexpr std::uint64_t kPrime = 1099511628211ull;

void mix(std::uint64_t& hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= kPrime;
  }
}

}  // namespace

std::string rules_hash(const Plan& plan) {
  std::uint64_t hash = kOffset;
  for (const std::string& text : plan.source_texts) {
    // The length first, so that moving text from one file to the next changes the hash.
    mix(hash, std::to_string(text.size()));
    mix(hash, ":");
    mix(hash, text);
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace dealgate::history
