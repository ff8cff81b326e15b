#include "cli/report_command.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli/eval_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/facts_input.hpp"
#include "cli/messages.hpp"
#include "cli/ordered_facts.hpp"
#include "cli/plural.hpp"
#include "cli/report_html.hpp"
#include "cli/report_trends.hpp"
#include "cli/rules.hpp"
#include "cli/run_recording.hpp"
#include "cli/strict_input.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "engine/run/deal_step.hpp"

namespace dealgate::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace

int run_report(const ReportArgs& args, const Io& io) {
  std::optional<Compilation> compilation = load_compiled_rules(args.rules, io);
  if (!compilation) return kExitUsage;
  const Plan& plan = *compilation->plan;
  EvalOptions options;
  if (!make_eval_options(plan, {}, args.params, args.today, io, options)) return kExitUsage;
  options.checklist = true;
  options.shown = true;

  {
    std::error_code ec;
    if (args.facts != "-" && !std::filesystem::is_regular_file(args.facts, ec)) {
      print_error(io.err, fmt::format("cannot read the facts: `{}` is not a file", args.facts),
                  "--facts takes a JSON, JSON Lines or CSV file", io.err_color);
      return kExitInput;
    }
  }

  std::unique_ptr<RunRecording> recording;
  if (!args.record.path.empty()) {
    int exit_code = kExitOk;
    recording =
        RunRecording::start(args.record, plan, options, args.facts, "report", io, exit_code);
    if (!recording) return exit_code;
  }
  // Read and evaluated on --threads workers, kept in input order.
  FactsSource source{args.facts, args.input, args.id_field};
  source.table = args.table;
  ReadStatus read;
  source.status = &read;
  if (!use_sources(plan.sources, args.source, source, io.err, io.err_color)) return kExitUsage;
  const unsigned threads = threads_or_cores(args.threads);
  Evaluator evaluator(plan);
  ReportMeta meta;
  meta.today = format_date(options.today);
  meta.rules = joined(args.rules);
  meta.facts = args.facts == "-" ? std::string("standard input") : args.facts;
  meta.close_date_field = args.record.fields.close_date;
  // Each result is added to the page's aggregates and dropped: memory does not grow with deals.
  // With threads, each worker aggregates the deals of its blocks into a page of its own (its
  // rows rendered there too), merged into this one at the end; only the counts and the rows to
  // record come back through the calling thread, in input order.
  ReportBuilder page(plan, meta);
  std::uint64_t unreadable = 0, records = 0;
  InvalidValues invalid;  // per fact, for --max-invalid
  DealResult result;
  auto here = [&](const FactsRecord& record) {
    evaluate_record(evaluator, options, record.line, record.error, record.id_json, record.facts,
                    result);
    if (record.error.empty()) invalid.add(record.facts);
    if (!result.error.empty()) ++unreadable;
    ++records;
    if (recording) recording->add(result);
    page.add(result);
  };
  struct Worker {
    Worker(const Plan& plan, const FactsSource& source, const ReportMeta& meta)
        : reader(plan.schema, source.id_field), evaluator(plan), page(plan, meta) {}
    FactsReader reader;
    Evaluator evaluator;
    DealResult result;
    ReportBuilder page;
  };
  struct Block {
    std::uint64_t records = 0, unreadable = 0;
    history::RowBatch rows;  // with --record
    InvalidValues invalid;
  };
  std::vector<std::unique_ptr<Worker>> workers(threads);
  auto work = [&](unsigned w, std::string_view lines, std::uint64_t first_line, Block& out) {
    if (!workers[w]) workers[w] = std::make_unique<Worker>(plan, source, meta);
    Worker& worker = *workers[w];
    out.records = 0;
    out.unreadable = 0;
    out.rows.clear();
    out.invalid = InvalidValues{};
    worker.reader.read_lines(lines, first_line, [&](ReadRecord& record) {
      evaluate_record(worker.evaluator, options, record.line, record.error, record.id_json,
                      record.facts, worker.result);
      ++out.records;
      if (!worker.result.error.empty()) ++out.unreadable;
      if (record.error.empty()) out.invalid.add(record.facts);
      if (recording) recording->collect(worker.result, out.rows);
      worker.page.add(worker.result);
    });
  };
  auto deliver = [&](Block& block) {
    records += block.records;
    unreadable += block.unreadable;
    invalid.merge(block.invalid);
    if (recording) recording->add(block.rows);
  };
  const std::string input_error =
      read_facts_in_order<Block>(plan.schema, source, ThreadOptions{threads}, here, work, deliver);
  for (const std::unique_ptr<Worker>& worker : workers) {
    if (worker) page.merge(worker->page);
  }
  if (!input_error.empty() && records == 0) {
    print_error(io.err, fmt::format("cannot read the facts: {}", input_error), "", io.err_color);
    return kExitInput;
  }

  const bool strict_ok =
      !input_error.empty() || check_strict_input(args.strict, plan.schema, plan.sources, args.facts,
                                                 read, records, invalid, io.err, io.err_color);

  // Recorded first, so that the trends of the same file show this run too.
  bool recorded = true;
  if (recording) {
    if (!input_error.empty()) {
      io.err << "the run was not recorded: its input could not be read to the end\n";
    } else if (!strict_ok) {
      io.err << "the run was not recorded: its input failed the checks above\n";
    } else {
      recorded = recording->finish(io);
    }
  }
  std::string trends;
  if (!args.history.empty()) {
    int exit_code = kExitOk;
    if (!read_trends_html(args.history, trends, io, exit_code)) return exit_code;
  }

  const std::string html = page.html(trends);

  if (args.output == "-") {
    io.out << html;
    io.out.flush();
  } else {
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    if (file) file << html;
    if (!file) {
      print_error(io.err, fmt::format("cannot write `{}`: {}", args.output, std::strerror(errno)),
                  "check that the folder exists and is writable", io.err_color);
      return kExitInput;
    }
    io.err << fmt::format("wrote {}: {}\n", args.output, count_of(records - unreadable, "deal"));
  }

  int code = recorded && strict_ok ? kExitOk : kExitInput;
  if (unreadable > 0) {
    print_error(io.err,
                fmt::format("{} of {} could not be read", unreadable, count_of(records, "record")),
                "the report lists them; the other records were evaluated", io.err_color);
    code = kExitInput;
  }
  if (!input_error.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", input_error),
                "the records before the problem are in the report", io.err_color);
    code = kExitInput;
  }
  return code;
}

}  // namespace dealgate::cli
