// The step every command and the library take for each record they read: the record's line, id
// and error into its result, and, when it could be read, its evaluation. An empty id (the record
// has none) becomes `null` (engine/facts/json_facts.hpp: record_id_json).
#pragma once

#include <cstdint>
#include <string>

#include "engine/eval/evaluator.hpp"

namespace dealgate {

// The result of a record without its gates: line, id, error.
void start_result(std::uint64_t line, const std::string& error, const std::string& id_json,
                  DealResult& result);

// start_result, then the gates of a readable record (none for an unreadable one).
void evaluate_record(Evaluator& evaluator, const EvalOptions& options, std::uint64_t line,
                     const std::string& error, const std::string& id_json, const Facts& facts,
                     DealResult& result);

}  // namespace dealgate
