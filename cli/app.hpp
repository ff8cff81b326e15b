// The `dealgate` program: parses the command line, sets up logging and colour, runs a command.
#pragma once

namespace dealgate::cli {

// Returns the process exit code (cli/exit_codes.hpp).
int run(int argc, char** argv);

}  // namespace dealgate::cli
