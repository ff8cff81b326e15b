// A single progress line on standard error for long runs: `12,345 records, 41,203 records/s`,
// rewritten in place, shown only after the first second, and erased at the end so the terminal
// is left as it was. Disabled (silent) when standard error is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace dealgate::cli {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled), start_(Clock::now()) {}
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more record done. Cheap: looks at the clock once every 1024 records.
  void tick() {
    ++done_;
    if (enabled_ && (done_ & 1023) == 0) update(Clock::now());
  }
  // Erases the line, if one was shown.
  void finish();

  std::uint64_t done() const { return done_; }

  // The text of the line, for tests: `12,345 records, 41,203 records/s`.
  static std::string line(std::uint64_t done, double seconds);

 private:
  void update(Clock::time_point now);

  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
  std::uint64_t done_ = 0;
};

}  // namespace dealgate::cli
