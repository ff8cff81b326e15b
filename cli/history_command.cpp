#include "cli/history_command.hpp"

#include "cli/exit_codes.hpp"
#include "cli/history_render.hpp"
#include "cli/messages.hpp"
#include "history/schema.hpp"

namespace dealgate::cli {

int run_history(const HistoryArgs& args, const Io& io) {
  try {
    std::unique_ptr<history::Connection> db =
        history::open_history(args.path, history::Access::Read);
    const history::HistoryAnswers answers =
        history::answer_history(*db, history::HistoryQuery{args.since, args.stale_within});
    write_history(answers, args.path, args.stale_within, args.format, io.out);
    io.out.flush();
    return kExitOk;
  } catch (const history::HistoryError& e) {
    print_error(io.err, e.what(), e.help(), io.err_color);
    return kExitInput;
  }
}

}  // namespace dealgate::cli
