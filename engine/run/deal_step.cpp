#include "engine/run/deal_step.hpp"

#include "engine/facts/json_facts.hpp"

namespace dealgate {

namespace {

void set_record(std::uint64_t line, const std::string& error, const std::string& id_json,
                DealResult& result) {
  result.line = line;
  result.id_json.assign(record_id_json(id_json));
  result.error = error;
}

}  // namespace

void start_result(std::uint64_t line, const std::string& error, const std::string& id_json,
                  DealResult& result) {
  set_record(line, error, id_json, result);
  result.gates.clear();
  if (error.empty()) return;  // the evaluation sets the rest
  // A result is reused from record to record: an unreadable one carries nothing of the last.
  result.has_stage = false;
  result.has_waivers = false;
  result.waivers.clear();
  result.has_amount = false;
  result.shown.clear();
  result.has_money = false;
  result.money = 0;
  result.currency.clear();
  result.captured.clear();
}

void evaluate_record(Evaluator& evaluator, const EvalOptions& options, std::uint64_t line,
                     const std::string& error, const std::string& id_json, const Facts& facts,
                     DealResult& result) {
  if (!error.empty()) {
    start_result(line, error, id_json, result);
    return;
  }
  // The gates of the last record stay: Evaluator::evaluate resizes them and clears each in place,
  // so their lists keep their buffers from deal to deal (clearing them here cost a heap block per
  // list per deal, a tenth of `eval`'s instructions on examples/enterprise.gate).
  set_record(line, error, id_json, result);
  evaluator.evaluate(facts, options, result);
}

}  // namespace dealgate
