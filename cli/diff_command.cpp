#include "cli/diff_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "base/suggest.hpp"
#include "cli/diff_report.hpp"
#include "cli/eval_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/facts_input.hpp"
#include "cli/messages.hpp"
#include "cli/ordered_facts.hpp"
#include "cli/plural.hpp"
#include "cli/rules.hpp"
#include "cli/strict_input.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/run/deal_step.hpp"
#include "engine/run/rule_diff.hpp"

namespace dealgate::cli {
namespace {

// Hands the old rules' results from the thread that reads and evaluates them to the main thread,
// which pairs them with the new rules' results record by record. Bounded, so memory does not grow
// with the input.
class Handoff {
 public:
  // Waits while full; false once the consumer has stopped.
  bool push(DealResult&& result) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < kCapacity || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(result));
    changed_.notify_all();
    return true;
  }
  // Waits while empty; nullopt once the producer has finished and everything was taken.
  std::optional<DealResult> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    DealResult result = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return result;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }

 private:
  static constexpr std::size_t kCapacity = 256;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<DealResult> queue_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// Standard input copied to a temporary file, because the deals are read once per rule set.
class StdinCopy {
 public:
  ~StdinCopy() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  // Returns the copy's path, or empty with `error` set.
  std::string make(std::string& error) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "dealgate-diff-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      error =
          fmt::format("cannot make a temporary copy of standard input: {}", std::strerror(errno));
      return {};
    }
    path_ = pattern;
    char buffer[1 << 16];
    while (true) {
      ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        error = fmt::format("cannot read standard input: {}", std::strerror(errno));
        break;
      }
      if (got == 0) break;
      for (ssize_t done = 0; done < got;) {
        ssize_t put = ::write(fd, buffer + done, static_cast<std::size_t>(got - done));
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) {
          error = fmt::format("cannot copy standard input to {}: {}", path_, std::strerror(errno));
          ::close(fd);
          return {};
        }
        done += put;
      }
    }
    ::close(fd);
    return error.empty() ? path_ : std::string();
  }

 private:
  std::string path_;
};

// The header warnings of a CSV input, one block (`warning:` line and its help) each.
std::vector<std::string> warning_blocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("  = ", 0) == 0 && !blocks.empty()) {
      blocks.back() += line + "\n";
    } else {
      blocks.push_back(line + "\n");
    }
  }
  return blocks;
}

// Prints each warning once; one that only one side gave says which.
void print_warnings(const std::string& old_text, const std::string& new_text, std::ostream& err) {
  const std::vector<std::string> old_blocks = warning_blocks(old_text);
  const std::vector<std::string> new_blocks = warning_blocks(new_text);
  const std::set<std::string> in_old(old_blocks.begin(), old_blocks.end());
  const std::set<std::string> in_new(new_blocks.begin(), new_blocks.end());
  auto print = [&](const std::string& block, const char* only) {
    if (only == nullptr) {
      err << block;
      return;
    }
    const std::size_t end = block.find('\n');
    err << block.substr(0, end) << " (" << only << ")" << block.substr(end);
  };
  for (const std::string& block : new_blocks)
    print(block, in_old.count(block) ? nullptr : "new rules");
  for (const std::string& block : old_blocks) {
    if (!in_new.count(block)) print(block, "old rules");
  }
}

}  // namespace

int run_diff(const DiffArgs& args, const Io& io) {
  std::optional<Compilation> old_rules = load_compiled_rules(
      {args.old_rules}, io, fmt::format("the old rules (`{}`)", args.old_rules));
  if (!old_rules) return kExitUsage;
  std::optional<Compilation> new_rules = load_compiled_rules(
      {args.new_rules}, io, fmt::format("the new rules (`{}`)", args.new_rules));
  if (!new_rules) return kExitUsage;
  const Plan& old_plan = *old_rules->plan;
  const Plan& new_plan = *new_rules->plan;

  RuleDiff diff(old_plan, new_plan);
  std::string unknown_gate;
  if (!diff.select(args.gates, unknown_gate)) {
    std::string help = did_you_mean(unknown_gate, diff.gate_names());
    if (help.empty()) {
      for (const std::string& name : diff.gate_names()) {
        help += (help.empty() ? "the gates are `" : "`, `") + name;
      }
      help += help.empty() ? "neither rule set declares a gate" : "`";
    }
    print_error(io.err, fmt::format("`{}` is not a gate of either rule set", unknown_gate), help,
                io.err_color);
    return kExitUsage;
  }

  // Each --param goes to each side that declares it.
  std::vector<std::pair<std::string, std::string>> old_params, new_params;
  for (const auto& param : args.params) {
    const bool in_old = old_plan.find_param(param.first) != kNone;
    const bool in_new = new_plan.find_param(param.first) != kNone;
    if (!in_old && !in_new) {
      std::vector<std::string> names;
      for (const PlanParam& p : old_plan.params) names.push_back(p.name);
      for (const PlanParam& p : new_plan.params) names.push_back(p.name);
      std::string help = did_you_mean(param.first, names);
      print_error(io.err,
                  fmt::format("`--param {}`: neither rule set declares a param `{}`", param.first,
                              param.first),
                  help, io.err_color);
      return kExitUsage;
    }
    if (in_old) old_params.push_back(param);
    if (in_new) new_params.push_back(param);
  }
  // Then the one-sided ones, which win over --param (the last override of a name counts).
  old_params.insert(old_params.end(), args.old_params.begin(), args.old_params.end());
  new_params.insert(new_params.end(), args.new_params.begin(), args.new_params.end());
  // Both sides evaluate on the same day, even should the clock pass midnight between them.
  const DayNumber today = args.today.value_or(today_utc());
  EvalOptions old_options, new_options;
  if (!make_eval_options(old_plan, {}, old_params, today, io, old_options, "the old rules") ||
      !make_eval_options(new_plan, {}, new_params, today, io, new_options, "the new rules")) {
    return kExitUsage;
  }
  old_options.gates = diff.old_selection();
  new_options.gates = diff.new_selection();
  // The next-phase status needs every gate; with --gate, only the gates named are compared.
  DiffMoney money(diff, old_plan, new_plan, args.gates.empty());
  old_options.shown = money.reads_shown(false);
  new_options.shown = money.reads_shown(true);

  if (std::string reason = unreadable_reason(args.facts); !reason.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", reason),
                "--facts takes a JSON, JSON Lines or CSV file, or - for standard input",
                io.err_color);
    return kExitInput;
  }
  StdinCopy stdin_copy;
  std::string facts_path = args.facts;
  if (facts_path == "-") {
    std::string error;
    facts_path = stdin_copy.make(error);
    if (facts_path.empty()) {
      print_error(io.err, fmt::format("cannot read the facts: {}", error), "", io.err_color);
      return kExitInput;
    }
  }

  DiffReport report;
  report.old_rules = args.old_rules;
  report.new_rules = args.new_rules;
  report.today = today;
  report.diff = &diff;
  WaiverSummary waivers(new_plan);
  if (!new_plan.waivers.empty()) report.waivers = &waivers;
  if (money.has_money() || money.has_next_phase()) report.money = &money;
  bool out_of_step = false;
  // One record's two results, in input order, into the report.
  auto pair_up = [&](const DealResult& old_result, const DealResult& new_result) {
    if (old_result.line != new_result.line) {
      out_of_step = true;
      return;
    }
    if (!new_result.error.empty() || !old_result.error.empty()) {
      report.errors.emplace_back(new_result.line,
                                 new_result.error.empty() ? old_result.error : new_result.error);
      return;
    }
    waivers.add(new_result);
    DealChanges changes = diff.compare(old_result, new_result);
    DealMoney deal_money = money.add(old_result, new_result, changes);
    if (changes.gates.empty()) return;
    report.changes.push_back(std::move(changes));
    if (report.money != nullptr) report.deal_money.push_back(std::move(deal_money));
  };
  auto evaluate_side = [&](Evaluator& evaluator, bool evaluates, const EvalOptions& options,
                           std::uint64_t line, const std::string& error, const std::string& id_json,
                           const Facts& facts, DealResult& result) {
    if (evaluates) {
      evaluate_record(evaluator, options, line, error, id_json, facts, result);
    } else {
      start_result(line, error, id_json, result);
    }
  };

  std::ostringstream old_warnings, new_warnings;
  FactsSource old_source{facts_path, args.input, args.id_field, &old_warnings, io.err_color};
  FactsSource new_source{facts_path, args.input, args.id_field, &new_warnings, io.err_color};
  old_source.table = new_source.table = args.table;
  if (!use_sources(old_plan.sources, args.source, old_source, io.err, io.err_color) ||
      !use_sources(new_plan.sources, args.source, new_source, io.err, io.err_color)) {
    return kExitUsage;
  }
  std::string old_input_error, new_input_error;
  const unsigned threads = threads_or_cores(args.threads);
  // The new side's read, for the strict input checks: both sides read the same file.
  ReadStatus read;
  new_source.status = &read;
  InvalidValues invalid;
  std::uint64_t records = 0;

  // In step: the old rules read and evaluate on a thread of their own; the thread that reads the
  // new side evaluates it and pairs the results record by record. Started on the first record, so
  // that a JSON document found by the block reader below is evaluated as it is read, not read
  // again.
  Handoff handoff;
  std::string old_failure;
  std::thread old_side;
  struct Join {
    Handoff& handoff;
    std::thread& thread;
    ~Join() {
      handoff.cancel();
      if (thread.joinable()) thread.join();
    }
  } join{handoff, old_side};
  std::optional<Evaluator> new_evaluator;
  DealResult new_result;
  auto in_step = [&](const FactsRecord& record) {
    if (!new_evaluator) {
      new_evaluator.emplace(new_plan);
      old_side = std::thread([&] {
        try {
          Evaluator evaluator(old_plan);
          old_input_error = read_facts(old_plan.schema, old_source, [&](const FactsRecord& r) {
            DealResult result;
            evaluate_side(evaluator, diff.evaluates_old(), old_options, r.line, r.error, r.id_json,
                          r.facts, result);
            handoff.push(std::move(result));
          });
        } catch (const std::exception& e) {
          old_failure = e.what();
        }
        handoff.close();
      });
    }
    std::optional<DealResult> old_result = handoff.pop();
    if (!old_result) {
      out_of_step = true;
      return;
    }
    evaluate_side(*new_evaluator, diff.evaluates_new(), new_options, record.line, record.error,
                  record.id_json, record.facts, new_result);
    ++records;
    if (record.error.empty()) invalid.add(record.facts);
    pair_up(*old_result, new_result);
  };

  // JSON Lines on several threads: each worker reads a block with both rule sets' schemas and
  // evaluates both sides; the pairs come back in order. A JSON document hands its records to
  // `in_step` instead; CSV and one thread go in step from the start.
  if (threads > 1 && !is_csv(new_source)) {
    struct Worker {
      Worker(const Plan& old_plan, const Plan& new_plan, const std::string& id_field)
          : old_reader(old_plan.schema, id_field),
            new_reader(new_plan.schema, id_field),
            old_evaluator(old_plan),
            new_evaluator(new_plan) {}
      FactsReader old_reader, new_reader;
      Evaluator old_evaluator, new_evaluator;
    };
    struct Pairs {
      std::vector<DealResult> old_results, new_results;
      InvalidValues invalid;  // of the new side's facts
    };
    std::vector<std::unique_ptr<Worker>> workers(threads);
    OrderedBlocks<Pairs> run(
        threads,
        [&](unsigned w, std::string_view lines, std::uint64_t first_line, Pairs& out) {
          if (!workers[w]) workers[w] = std::make_unique<Worker>(old_plan, new_plan, args.id_field);
          Worker& worker = *workers[w];
          out.old_results.clear();
          out.new_results.clear();
          out.invalid = InvalidValues{};
          worker.old_reader.read_lines(lines, first_line, [&](ReadRecord& record) {
            evaluate_side(worker.old_evaluator, diff.evaluates_old(), old_options, record.line,
                          record.error, record.id_json, record.facts,
                          out.old_results.emplace_back());
          });
          worker.new_reader.read_lines(lines, first_line, [&](ReadRecord& record) {
            evaluate_side(worker.new_evaluator, diff.evaluates_new(), new_options, record.line,
                          record.error, record.id_json, record.facts,
                          out.new_results.emplace_back());
            if (record.error.empty()) out.invalid.add(record.facts);
          });
        },
        [&](Pairs& pairs) {
          if (pairs.old_results.size() != pairs.new_results.size()) out_of_step = true;
          records += pairs.new_results.size();
          invalid.merge(pairs.invalid);
          const std::size_t n = std::min(pairs.old_results.size(), pairs.new_results.size());
          for (std::size_t i = 0; i < n; ++i) pair_up(pairs.old_results[i], pairs.new_results[i]);
        });
    new_input_error = read_facts_in_blocks(
        new_plan.schema, new_source, ThreadOptions{}.block_bytes, in_step,
        [&](std::string_view lines, std::uint64_t first_line) { run.submit(lines, first_line); });
    run.finish();
  } else {
    new_input_error = read_facts(new_plan.schema, new_source, in_step);
  }
  if (new_evaluator) {
    while (handoff.pop()) out_of_step = true;  // the old side read more records than the new
    handoff.cancel();
    old_side.join();
    if (!old_failure.empty()) throw std::runtime_error(old_failure);
  }

  print_warnings(old_warnings.str(), new_warnings.str(), io.err);
  write_diff(args.format, report, io.out, io.out_color);
  io.out.flush();

  int code = diff.changed_deals() > 0 ? kExitNotPassed : kExitOk;
  if (!report.errors.empty()) {
    print_error(io.err,
                fmt::format("{} could not be read (first, line {}: {})",
                            count_of(report.errors.size(), "record"), report.errors[0].first,
                            report.errors[0].second),
                "they are left out of the comparison; the other records were compared",
                io.err_color);
    code = kExitInput;
  }
  const std::string input_error = !new_input_error.empty() ? new_input_error : old_input_error;
  if (!input_error.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", input_error),
                diff.deals() > 0 ? "the records before the problem were compared" : "",
                io.err_color);
    code = kExitInput;
  } else if (out_of_step) {
    print_error(io.err, "the facts read differently for the two rule sets",
                "the file may have changed while it was read; run the diff again", io.err_color);
    code = kExitInput;
  } else if (!check_strict_input(args.strict, new_plan.schema, new_plan.sources, args.facts, read,
                                 records, invalid, io.err, io.err_color)) {
    code = kExitInput;
  }
  if (!io.out) {
    print_error(io.err, "could not write the report to standard output", "", io.err_color);
    code = kExitInput;
  }
  return code;
}

}  // namespace dealgate::cli
