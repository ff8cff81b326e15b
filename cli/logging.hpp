// Operational logging: spdlog to standard error, never standard output (which carries data only).
// The user's diagnostics are not logs; they are rendered by grammar/diagnostic_render.hpp.
#pragma once

#include <spdlog/common.h>

namespace dealgate::cli {

// Makes the default logger write `dealgate: <level>: <message>` lines to stderr at `level`.
void setup_logging(spdlog::level::level_enum level, bool color);

}  // namespace dealgate::cli
