// The one seam between `eval` and the facts readers (engine/json_facts.hpp): stream every record of
// the --facts input, in input order, to a sink.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "cli/options.hpp"
#include "engine/facts.hpp"
#include "engine/schema.hpp"

namespace dealgate::cli {

struct FactsSource {
  std::string path;  // a file, or `-` for standard input
  InputFormat format = InputFormat::Auto;
  std::string id_field = "id";
};

// One input record as the reader hands it over; valid only during the call.
struct FactsRecord {
  std::uint64_t line = 0;
  const std::string& error;    // non-empty: the record could not be read
  const std::string& id_json;  // raw JSON of the id field, or `null`
  const Facts& facts;
};
using RecordSink = std::function<void(const FactsRecord&)>;

// CSV when asked for, or for a `.csv` file under InputFormat::Auto; JSON otherwise.
bool is_csv(const FactsSource& source);

// Calls `sink` for every record, in input order, error records included. Returns what made the
// input itself unreadable (it cannot be opened, a read failed), or an empty string; records before
// such a failure have been delivered.
std::string read_facts(const Schema& schema, const FactsSource& source, const RecordSink& sink);

}  // namespace dealgate::cli
