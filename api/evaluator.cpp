// Evaluator and Evaluation: options checked once, deals read by the engine's facts reader and
// evaluated by the engine's evaluator; results turned into plain values or SPEC §7 records.
#include <fmt/format.h>

#include <istream>
#include <streambuf>

#include "api/core.hpp"
#include "engine/facts/csv_facts.hpp"

namespace dealgate::v1 {
namespace detail {

struct EvaluatorImpl {
  RuleSet rules;
  std::shared_ptr<const RuleSetImpl> shared;
  const Plan& plan;
  std::string error;  // the options do not fit the rules
  std::string today;
  core::EvalOptions options;
  core::Evaluator engine;
  std::string id_field;
  FactsReader reader;
  core::DealResult result;
  ReadRecord record;  // one deal read by evaluate(); reused, so its storage is kept

  EvaluatorImpl(RuleSet r, const std::string& id_field)
      : rules(std::move(r)),
        shared(Access::impl(rules)),
        plan(*shared->plan),
        engine(plan),
        id_field(id_field),
        reader(plan.schema, id_field) {}
};

}  // namespace detail

namespace {

// A read-only stream over a caller's buffer, so a batch is read without a copy.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

bool select_gates(const Plan& plan, const std::vector<std::string>& names,
                  std::vector<BlockIndex>& selected, std::string& error) {
  std::vector<bool> wanted(plan.blocks.size(), false);
  std::vector<std::string> gate_names;
  for (BlockIndex g : plan.gates) gate_names.push_back(plan.blocks[g].name);
  for (const std::string& name : names) {
    const BlockIndex b = plan.find_block(name);
    if (b == kNone || !plan.blocks[b].is_gate) {
      std::string hint = did_you_mean(name, gate_names);
      if (hint.empty()) {
        hint = gate_names.empty() ? "the rules declare no gates"
                                  : fmt::format("the gates are: {}", fmt::join(gate_names, ", "));
      }
      error = b == kNone ? fmt::format("unknown gate `{}`; {}", name, hint)
                         : fmt::format("`{}` is a milestone, not a gate; {}", name, hint);
      return false;
    }
    wanted[b] = true;
  }
  selected.clear();
  for (BlockIndex g : plan.gates) {
    if (wanted[g]) selected.push_back(g);
  }
  return true;
}

void check_options(detail::EvaluatorImpl& impl, const Options& options) {
  if (options.today.empty()) {
    impl.options.today = today_utc();
  } else if (auto day = parse_date(options.today)) {
    impl.options.today = *day;
  } else {
    impl.error = fmt::format("`today` must be a date written YYYY-MM-DD, not `{}`", options.today);
    return;
  }
  impl.today = format_date(impl.options.today);
  if (!select_gates(impl.plan, options.gates, impl.options.gates, impl.error)) return;
  const std::vector<std::pair<std::string, std::string>> overrides(options.params.begin(),
                                                                   options.params.end());
  impl.options.params = bind_params(impl.plan, overrides, impl.error);
  if (!impl.options.params && impl.error.empty()) impl.error = "the params could not be bound";
}

Status to_public(core::Status s) {
  return s == core::Status::Pass   ? Status::Pass
         : s == core::Status::Fail ? Status::Fail
                                   : Status::Unknown;
}

void fill(const Plan& plan, const core::DealResult& r, Evaluation& e) {
  e.line = r.line;
  e.id_json.assign(record_id_json(r.id_json));
  e.error = r.error;
  e.gates.clear();
  e.gates.reserve(r.gates.size());
  auto ids = [&](const std::vector<ConditionIndex>& from, std::vector<std::string>& to) {
    to.reserve(from.size());
    for (ConditionIndex c : from) to.push_back(plan.conditions[c].id);
  };
  for (const core::GateResult& g : r.gates) {
    GateResult& out = e.gates.emplace_back();
    out.name = plan.blocks[g.gate].name;
    out.status = to_public(g.status);
    ids(g.failed, out.failed);
    ids(g.unknown, out.unknown);
    out.missing = g.missing;
    out.invalid = g.invalid;
    out.milestones.reserve(g.milestones.size());
    for (const auto& [block, status] : g.milestones) {
      out.milestones.emplace_back(plan.blocks[block].name, to_public(status));
    }
    ids(g.warnings, out.warnings);
    out.messages = g.messages;
    for (const core::WaivedCondition& w : g.waived)
      out.waived.push_back(plan.conditions[w.condition].id);
  }
}

bool passed(const core::DealResult& r) {
  if (!r.error.empty()) return false;
  for (const core::GateResult& g : r.gates) {
    if (g.status != core::Status::Pass) return false;
  }
  return true;
}

// Evaluates the record the reader filled into impl.result.
void evaluate_record(detail::EvaluatorImpl& impl, ReadRecord& record) {
  core::evaluate_record(impl.engine, impl.options, record.line, record.error, record.id_json,
                        record.facts, impl.result);
}

void evaluate_one(detail::EvaluatorImpl& impl, std::string_view json) {
  impl.record.error.clear();
  impl.reader.read_object(json, impl.record);
  impl.record.line = 1;
  evaluate_record(impl, impl.record);
}

template <class Reader, class OnRecord>
BatchSummary evaluate_buffer(detail::EvaluatorImpl& impl, Reader& reader, std::string_view buffer,
                             const OnRecord& on_record) {
  BatchSummary summary;
  if (!impl.error.empty()) {
    summary.error = impl.error;
    return summary;
  }
  MemoryBuffer memory(buffer);
  std::istream in(&memory);
  const ReadStatus status = reader.read_stream(in, [&](ReadRecord& record) {
    evaluate_record(impl, record);
    ++summary.records;
    if (!impl.result.error.empty()) {
      ++summary.unreadable;
    } else if (!passed(impl.result)) {
      ++summary.not_passed;
    }
    on_record(impl.result);
  });
  if (!status.ok()) summary.error = status.error;  // JSON: a memory stream does not fail
  return summary;
}

template <class OnRecord>
BatchSummary evaluate_buffer(detail::EvaluatorImpl& impl, std::string_view buffer,
                             const OnRecord& on_record) {
  return evaluate_buffer(impl, impl.reader, buffer, on_record);
}

Evaluation make_evaluation(const detail::EvaluatorImpl& impl) {
  Evaluation e;
  fill(impl.plan, impl.result, e);
  return e;
}

Evaluation options_error(const detail::EvaluatorImpl& impl) {
  Evaluation e;
  e.line = 1;
  e.error = impl.error;
  return e;
}

}  // namespace

const char* to_string(Status status) {
  return status == Status::Pass ? "pass" : status == Status::Fail ? "fail" : "unknown";
}

// ─── Evaluation ──────────────────────────────────────────────────────────────────────────────

bool Evaluation::passed() const {
  if (!ok()) return false;
  for (const GateResult& g : gates) {
    if (g.status != Status::Pass) return false;
  }
  return true;
}

const GateResult* Evaluation::gate(std::string_view name) const {
  for (const GateResult& g : gates) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

std::string Evaluation::id() const {
  return id_text(id_json);
}

std::string Evaluation::to_jsonl() const {
  std::string out;
  if (record_) {
    record_->rules->record_json.append(out, record_->result);
    return out;
  }
  // Not produced by an Evaluator (default-constructed, or an options error): only the error form
  // can be rendered without the rules.
  core::DealResult r;
  r.line = line;
  r.error = error.empty() ? "no evaluation" : error;
  out = fmt::format("{{\"line\":{},\"error\":", r.line);
  append_json_string(out, r.error);
  out += '}';
  return out;
}

// ─── Evaluator ───────────────────────────────────────────────────────────────────────────────

Evaluator::Evaluator(RuleSet rules, Options options)
    : impl_(std::make_unique<detail::EvaluatorImpl>(
          std::move(rules), options.id_field.empty() ? std::string("id") : options.id_field)) {
  check_options(*impl_, options);
}

Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

bool Evaluator::ok() const {
  return impl_->error.empty();
}
const std::string& Evaluator::error() const {
  return impl_->error;
}
const RuleSet& Evaluator::rules() const {
  return impl_->rules;
}
const std::string& Evaluator::today() const {
  return impl_->today;
}

Evaluation Evaluator::evaluate(std::string_view json) {
  if (!ok()) return options_error(*impl_);
  evaluate_one(*impl_, json);
  Evaluation e = make_evaluation(*impl_);
  e.record_ = std::make_shared<detail::EvaluationRecord>(
      detail::EvaluationRecord{impl_->shared, impl_->result});
  return e;
}

Evaluation Evaluator::evaluate(const FactsBuilder& facts) {
  if (!ok()) return options_error(*impl_);
  if (detail::Access::builder_rules(facts) != impl_->shared) {
    Evaluation e;
    e.line = 1;
    e.error = "the facts were built for another rule set";
    return e;
  }
  if (!facts.ok()) {
    core::DealResult& r = impl_->result;
    r = core::DealResult{};
    r.line = 1;
    r.error = "the facts builder reported problems: " +
              fmt::format("{}", fmt::join(facts.errors(), "; "));
    Evaluation e = make_evaluation(*impl_);
    e.record_ =
        std::make_shared<detail::EvaluationRecord>(detail::EvaluationRecord{impl_->shared, r});
    return e;
  }
  return evaluate(facts.json());
}

BatchSummary Evaluator::evaluate_lines(std::string_view buffer,
                                       const std::function<void(const Evaluation&)>& sink) {
  Evaluation e;
  return evaluate_buffer(*impl_, buffer, [&](const core::DealResult& r) {
    fill(impl_->plan, r, e);
    e.record_ =
        std::make_shared<detail::EvaluationRecord>(detail::EvaluationRecord{impl_->shared, r});
    if (sink) sink(e);
  });
}

std::vector<Evaluation> Evaluator::evaluate_lines(std::string_view buffer) {
  std::vector<Evaluation> out;
  evaluate_lines(buffer, [&](const Evaluation& e) { out.push_back(e); });
  return out;
}

int Evaluator::evaluate_jsonl(std::string_view json, std::string& out) {
  if (!ok()) return 2;
  evaluate_one(*impl_, json);
  impl_->shared->record_json.append(out, impl_->result);
  out += '\n';
  return !impl_->result.error.empty() ? 3 : passed(impl_->result) ? 0 : 1;
}

BatchSummary Evaluator::evaluate_lines_jsonl(std::string_view buffer, std::string& out) {
  return evaluate_buffer(*impl_, buffer, [&](const core::DealResult& r) {
    impl_->shared->record_json.append(out, r);
    out += '\n';
  });
}

BatchSummary Evaluator::evaluate_csv_jsonl(std::string_view csv, std::string& out,
                                           std::vector<std::string>* warnings) {
  if (!ok()) return evaluate_buffer(*impl_, csv, [](const core::DealResult&) {});
  // A reader per call: its header binding belongs to this one buffer.
  CsvReaderOptions options;
  options.id_field = impl_->id_field;
  if (warnings) {
    options.on_warning = [warnings](const CsvWarning& w) { warnings->push_back(w.message); };
  }
  CsvFactsReader reader(impl_->plan.schema, std::move(options));
  return evaluate_buffer(*impl_, reader, csv, [&](const core::DealResult& r) {
    impl_->shared->record_json.append(out, r);
    out += '\n';
  });
}

}  // namespace dealgate::v1
