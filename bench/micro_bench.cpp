// Google Benchmark micro-benchmarks of the hot path, one deal at a time: reading a record into
// facts, evaluating the SPEC §2 rules, rendering the JSON Lines record, and reading a block of
// lines. Deals come from the same generator as bench/run.sh (so: realistic, seeded). Not run by
// ctest; run build/bench/dealgate-micro-bench.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/writer.hpp"
#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"

namespace {

using namespace dealgate;

// The rules and 1,000 deals, made once.
struct Fixture {
  Fixture() {
    std::ifstream rules(DEALGATE_SOURCE_DIR "/examples/enterprise.gate");
    std::stringstream text;
    text << rules.rdbuf();
    compilation = compile({{"enterprise.gate", text.str()}});
    if (!compilation.ok()) std::abort();
    FILE* gen = popen(DEALGATE_GEN_DEALS " 1000 7", "r");
    if (gen == nullptr) std::abort();
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, gen)) > 0) lines.append(buffer, got);
    pclose(gen);
    std::size_t at = 0;
    while (at < lines.size()) {
      std::size_t nl = lines.find('\n', at);
      deals.push_back(lines.substr(at, nl - at));
      at = nl + 1;
    }
    options.today = days_from_civil(2026, 11, 26);
  }
  const Plan& plan() const { return *compilation.plan; }
  Compilation compilation;
  std::string lines;
  std::vector<std::string> deals;
  EvalOptions options;
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_ReadRecord(benchmark::State& state) {
  const Fixture& f = fixture();
  FactsReader reader(f.plan().schema);
  ReadRecord record;
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& deal = f.deals[i++ % f.deals.size()];
    bytes += deal.size();
    benchmark::DoNotOptimize(reader.read_object(deal, record));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ReadRecord);

// Facts of every deal, read once.
std::vector<ReadRecord> read_all(const Fixture& f) {
  FactsReader reader(f.plan().schema);
  std::vector<ReadRecord> records(f.deals.size());
  for (std::size_t i = 0; i < f.deals.size(); ++i) reader.read_object(f.deals[i], records[i]);
  return records;
}

void BM_Evaluate(benchmark::State& state) {
  const Fixture& f = fixture();
  const std::vector<ReadRecord> records = read_all(f);
  Evaluator evaluator(f.plan());
  DealResult result;
  std::size_t i = 0;
  for (auto _ : state) {
    evaluator.evaluate(records[i++ % records.size()].facts, f.options, result);
    benchmark::DoNotOptimize(result.gates.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Evaluate);

void BM_RenderJsonl(benchmark::State& state) {
  const Fixture& f = fixture();
  const std::vector<ReadRecord> records = read_all(f);
  Evaluator evaluator(f.plan());
  std::vector<DealResult> results(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    evaluator.evaluate(records[i].facts, f.options, results[i]);
    results[i].line = i + 1;
    results[i].id_json = records[i].id_json;
  }
  const RecordJson json(f.plan());
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    out.clear();
    json.append(out, results[i++ % results.size()]);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RenderJsonl);

// The whole per-deal work of one pipeline worker: read, evaluate, render.
void BM_ReadEvaluateRender(benchmark::State& state) {
  const Fixture& f = fixture();
  FactsReader reader(f.plan().schema);
  Evaluator evaluator(f.plan());
  const RecordJson json(f.plan());
  DealResult result;
  std::string out;
  std::uint64_t records = 0;
  for (auto _ : state) {
    out.clear();
    reader.read_lines(f.lines, 1, [&](ReadRecord& record) {
      result.line = record.line;
      result.id_json = record.id_json;
      evaluator.evaluate(record.facts, f.options, result);
      json.append(out, result);
      out += '\n';
      ++records;
    });
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.lines.size()));
}
BENCHMARK(BM_ReadEvaluateRender)->Unit(benchmark::kMillisecond);

void BM_ReadLines(benchmark::State& state) {
  const Fixture& f = fixture();
  FactsReader reader(f.plan().schema);
  std::uint64_t records = 0;
  for (auto _ : state) {
    reader.read_lines(f.lines, 1, [&](ReadRecord& record) {
      benchmark::DoNotOptimize(record.facts.top.data());
      ++records;
    });
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.lines.size()));
}
BENCHMARK(BM_ReadLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
