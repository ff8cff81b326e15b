#include "cli/app.hpp"

#include <spdlog/spdlog.h>

#include <exception>
#include <iostream>

#include "cli/check_command.hpp"
#include "cli/diff_command.hpp"
#include "cli/command_line.hpp"
#include "cli/eval_command.hpp"
#include "cli/explain_command.hpp"
#include "cli/fmt_command.hpp"
#include "cli/history_command.hpp"
#include "cli/lsp_command.hpp"
#include "cli/report_command.hpp"
#include "cli/test_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/logging.hpp"
#include "cli/messages.hpp"
#include "cli/terminal.hpp"

namespace dealgate::cli {

int run(int argc, char** argv) {
  // Results can be millions of lines: let std::cout buffer instead of syncing with C stdio.
  std::ios::sync_with_stdio(false);
  // and in large pieces: a write call per 8 KiB (the default) costs measurable system time on a
  // run that writes hundreds of megabytes. Must be set before the first output.
  static char out_buffer[std::size_t{1} << 18];
  std::cout.rdbuf()->pubsetbuf(out_buffer, sizeof out_buffer);

  CommandLine command = parse_command_line(argc, argv);
  const bool err_color = use_color(command.color, stderr);
  if (command.kind == CommandLine::Kind::Exit) {
    std::cout << command.out_text << std::flush;
    if (command.error) {
      print_error(std::cerr, *command.error, err_color);
      std::cerr << "run `" << command.error_command << " --help` to see how to use it\n";
    }
    return command.exit_code;
  }

  setup_logging(command.log_level, err_color);
  // The progress line would garble results written to the same terminal, so it is shown only
  // when they go to a file or a pipe.
  Io io{std::cout,
        std::cerr,
        use_color(command.color, stdout),
        err_color,
        is_terminal(stderr) && !is_terminal(stdout),
        is_terminal(stdin)};
  try {
    switch (command.kind) {
      case CommandLine::Kind::Check: return run_check(command.check, io);
      case CommandLine::Kind::Test: return run_test(command.test, io);
      case CommandLine::Kind::Explain: return run_explain(command.explain, io);
      case CommandLine::Kind::Fmt: return run_fmt(command.fmt, io);
      case CommandLine::Kind::Diff: return run_diff(command.diff, io);
      case CommandLine::Kind::Report: return run_report(command.report, io);
      case CommandLine::Kind::Lsp: return run_lsp(std::cin, io);
      case CommandLine::Kind::History: return run_history(command.history, io);
      default: return run_eval(command.eval, io);
    }
  } catch (const std::exception& e) {
    std::cout.flush();
    print_error(std::cerr, fmt::format("internal error: {}", e.what()),
                "this is a bug in dealgate; please report it with the command that caused it",
                err_color);
    return kExitInternal;
  }
}

}  // namespace dealgate::cli
