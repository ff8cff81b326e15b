// Command lines given as the words a user types, for the tests of cli/command_line.cpp.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "cli/command_line.hpp"

namespace dealgate::cli::testing {

// `args` follow the program name, as in `dealgate ARGS...`.
inline CommandLine parse(std::initializer_list<const char*> args) {
  std::vector<const char*> argv = {"dealgate"};
  argv.insert(argv.end(), args.begin(), args.end());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

// A usage error exits 2 with `message`; `help` is checked only when given.
inline void expect_usage_error(const CommandLine& c, const std::string& message,
                               const std::string& help = "") {
  EXPECT_EQ(c.kind, CommandLine::Kind::Exit);
  EXPECT_EQ(c.exit_code, 2);
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->message, message);
  if (!help.empty()) {
    EXPECT_EQ(c.error->help, help);
  }
}

}  // namespace dealgate::cli::testing
