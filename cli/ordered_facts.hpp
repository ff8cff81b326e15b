// Reads every record of the --facts input in input order, on one thread or several: the seam
// between the commands and the run loop (engine/run/ordered_blocks.hpp). With one thread every
// record goes to `here`, on the calling thread. With more, JSON Lines input goes to the workers
// in blocks of whole lines (`work` reads and handles one block into a Chunk) and each Chunk comes
// back to `deliver` on the calling thread, in order; input that does not come in blocks (CSV, a
// JSON array, one document) still goes to `here`, after everything before it was delivered.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "cli/facts_input.hpp"
#include "engine/run/ordered_blocks.hpp"

namespace dealgate::cli {

struct ThreadOptions {
  unsigned threads = 1;                            // 1: everything on the calling thread
  std::size_t block_bytes = std::size_t{1} << 20;  // tests use tiny blocks
};

// `--threads N`, or one a core when it was not given (0).
inline unsigned threads_or_cores(unsigned asked) {
  if (asked > 0) return asked;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

// Returns what made the input itself unreadable, or an empty string (see read_facts). Rethrows
// what a `work` call threw, after the workers stopped.
template <class Chunk>
std::string read_facts_in_order(const Schema& schema, const FactsSource& source,
                                const ThreadOptions& threads, const RecordSink& here,
                                typename OrderedBlocks<Chunk>::Work work,
                                typename OrderedBlocks<Chunk>::Deliver deliver) {
  if (threads.threads <= 1) return read_facts(schema, source, here);
  OrderedBlocks<Chunk> run(threads.threads, std::move(work), std::move(deliver));
  const std::string error = read_facts_in_blocks(
      schema, source, threads.block_bytes,
      [&](const FactsRecord& record) {
        run.drain();  // keep input order
        here(record);
      },
      [&](std::string_view lines, std::uint64_t first_line) { run.submit(lines, first_line); });
  run.finish();
  return error;
}

}  // namespace dealgate::cli
