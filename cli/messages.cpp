#include "cli/messages.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace dealgate::cli {

void print_error(std::ostream& err, const UsageError& error, bool color) {
  print_error(err, error.message, error.help, color);
}

void print_error(std::ostream& err, std::string_view message, std::string_view help, bool color) {
  const char* red = color ? "\033[1;31m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  fmt::print(err, "{}error:{} {}{}{}\n", red, reset, bold, message, reset);
  if (!help.empty()) fmt::print(err, "  = {}help:{} {}\n", green, reset, help);
}

}  // namespace dealgate::cli
