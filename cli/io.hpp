// Where a command writes, and how. Standard output carries data only; standard error carries
// diagnostics, messages, logs and progress.
#pragma once

#include <ostream>

namespace dealgate::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_color = false;          // colour the results (text format only)
  bool err_color = false;          // colour diagnostics and messages
  bool progress = false;           // show a progress line on `err` during long runs
  bool stdin_is_terminal = false;  // `--facts -` would wait for typing
};

}  // namespace dealgate::cli
