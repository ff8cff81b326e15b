// libFuzzer target: arbitrary bytes as deal records (JSON Lines, a JSON array or one document),
// read by FactsReader and evaluated against the shipped rules in rules/, compiled once. Every
// record reaches the sink exactly once, in order, and evaluating it never crashes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"

#ifndef DEALGATE_SOURCE_DIR
#error "DEALGATE_SOURCE_DIR must name the source tree (for rules/)"
#endif

namespace {

const dealgate::Compilation& shipped_rules() {
  static const dealgate::Compilation compiled = [] {
    dealgate::RuleInputs inputs = dealgate::read_rule_inputs({DEALGATE_SOURCE_DIR "/rules"});
    dealgate::Compilation c = dealgate::compile(inputs.files);
    if (!inputs.io_errors.empty() || !c.ok()) {
      std::fprintf(stderr, "fuzz_facts: the shipped rules in %s/rules do not compile\n",
                   DEALGATE_SOURCE_DIR);
      std::abort();
    }
    return c;
  }();
  return compiled;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const dealgate::Plan& plan = *shipped_rules().plan;
  static dealgate::Evaluator evaluator(plan);
  dealgate::EvalOptions options;
  options.today = 20'000;  // a fixed day, so runs repeat

  dealgate::FactsReaderOptions reader_options;
  reader_options.chunk_bytes = 64;  // small chunks: exercise records split across reads
  reader_options.max_record_bytes = 4096;
  dealgate::FactsReader reader(plan.schema, reader_options);

  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::uint64_t seen = 0, bad = 0, last_line = 0;
  dealgate::DealResult result;
  dealgate::ReadStatus status = reader.read_stream(in, [&](dealgate::ReadRecord& record) {
    ++seen;
    // Lines (or array positions) only go forward.
    if (record.line == 0 || record.line < last_line) __builtin_trap();
    last_line = record.line;
    if (!record.error.empty()) {
      ++bad;
      return;
    }
    evaluator.evaluate(record.facts, options, result);
    if (result.gates.size() != plan.gates.size()) __builtin_trap();
  });
  // Conservation: the status counts exactly the records the sink saw.
  if (status.records != seen || status.bad_records != bad) __builtin_trap();
  return 0;
}
