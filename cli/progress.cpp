#include "cli/progress.hpp"

#include <fmt/format.h>

#include <string>

namespace dealgate::cli {
namespace {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string Progress::line(std::uint64_t done, double seconds) {
  const auto rate =
      seconds > 0 ? static_cast<std::uint64_t>(static_cast<double>(done) / seconds) : 0;
  return fmt::format("{} record{}, {} records/s", grouped(done), done == 1 ? "" : "s",
                     grouped(rate));
}

void Progress::update(Clock::time_point now) {
  using namespace std::chrono_literals;
  if (now - start_ < 1s || (shown_ && now - last_ < 200ms)) return;
  last_ = now;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  err_ << '\r' << line(done_, seconds) << "\033[K" << std::flush;
}

void Progress::finish() {
  if (!shown_) return;
  shown_ = false;
  err_ << "\r\033[K" << std::flush;
}

}  // namespace dealgate::cli
