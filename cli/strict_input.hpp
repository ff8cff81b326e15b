// Strict input (docs/cli.md, "Strict input"): an export that holds no deals, whose header names
// nothing the rules read, or one of whose columns is mostly invalid is a broken export, and the
// run says so with exit 3 rather than reporting all clear. The checks run after every record was
// evaluated and written, so nothing is dropped; each command calls check_strict_input once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "engine/facts/facts.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/schema/schema.hpp"
#include "engine/schema/source_spec.hpp"

namespace dealgate::cli {

struct StrictInput {
  bool allow_empty = false;  // --allow-empty: zero records is not an error (a batch shard)
  double max_invalid = 0.5;  // --max-invalid: the share of a column's values that may be invalid
};

// A column is judged once it holds this many non-empty values: one mistyped deal among three is
// that deal's problem (it is unknown, with the raw value shown), not a broken export.
inline constexpr std::uint64_t kMinValuesJudged = 10;
// Raw values quoted in the message about a column.
inline constexpr std::size_t kInvalidExamples = 2;

// Per top-level fact (a slot of frame 0): how many records gave it a value, how many of those
// were invalid, and the first raw invalid values. Kept per worker and merged in input order, so
// the examples are the same for every --threads.
class InvalidValues {
 public:
  struct Slot {
    std::uint64_t values = 0;   // records where the fact was present or invalid
    std::uint64_t invalid = 0;  // of which invalid
    std::vector<std::string> examples;
  };
  void add(const Facts& facts);
  // Adds the counts of records that came after these.
  void merge(const InvalidValues& later);
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  std::vector<Slot> slots_;
};

// The ReadStatus error of a CSV header that names no declared fact, with one note a column: the
// nearest fact paths and source columns (a "did you mean" where one is near).
std::string unmatched_header_error(const Schema& schema,
                                   const std::vector<const SourceSpec*>& sources,
                                   const ReadStatus& status);

// What an input without records held: "`deals.csv` holds only a header row ...".
std::string no_records_message(const std::string& path, const ReadStatus& status);

// The run's checks, after its last record: zero records (unless --allow-empty) and columns over
// --max-invalid. Prints an error for each failed check on `err` and returns false when one
// failed (the command then exits with kExitInput). Not called when the input could not be read.
bool check_strict_input(const StrictInput& strict, const Schema& schema,
                        const std::vector<SourceSpec>& sources, const std::string& path,
                        const ReadStatus& status, std::uint64_t records,
                        const InvalidValues& invalid, std::ostream& err, bool color);

}  // namespace dealgate::cli
