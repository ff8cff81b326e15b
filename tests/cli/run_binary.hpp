// Runs the built `dealgate` program the way a user or a batch job does, for end-to-end tests.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "text_holds.hpp"

namespace dealgate::testing {

struct Run {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `args` is appended to the binary's path as shell words; the command runs in the source tree.
inline Run run_dealgate(const std::string& args, const std::string& stdin_text = "") {
  static int counter = 0;
  // ctest runs each test in its own process, several at once: the pid keeps their files apart.
  std::string base = ::testing::TempDir() + "dealgate_run_" + std::to_string(getpid()) + "_" +
                     std::to_string(++counter);
  std::ofstream(base + ".in", std::ios::binary) << stdin_text;
  std::string command = std::string("cd '") + DEALGATE_SOURCE_DIR + "' && NO_COLOR=1 '" +
                        DEALGATE_BINARY + "' " + args + " < '" + base + ".in' > '" + base +
                        ".out' 2> '" + base + ".err'";
  int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(base + ".out");
  run.err = slurp(base + ".err");
  return run;
}

// `run` exited with `code` and said `message` on standard error; otherwise what it did exit with
// and say.
inline ::testing::AssertionResult exited_saying(const Run& run, int code,
                                                const std::string& message) {
  if (run.exit_code == code && run.err.find(message) != std::string::npos)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "exited " << run.exit_code << " (expected " << code << ") saying:\n"
         << run.err << "\n(expected it to say: " << message << ")";
}


}  // namespace dealgate::testing
