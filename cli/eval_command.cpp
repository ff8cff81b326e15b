#include "cli/eval_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "cli/exit_codes.hpp"
#include "cli/facts_input.hpp"
#include "cli/messages.hpp"
#include "cli/ordered_facts.hpp"
#include "cli/pipeline.hpp"
#include "cli/plural.hpp"
#include "cli/progress.hpp"
#include "cli/rules.hpp"
#include "cli/run_recording.hpp"
#include "cli/strict_input.hpp"
#include "cli/writer.hpp"
#include "engine/eval/evaluator.hpp"

namespace dealgate::cli {
int run_eval(const EvalArgs& args, const Io& io) {
  EvalOptions options;
  std::optional<Compilation> compilation =
      load_rules_and_options(args.rules, args, args.gates, io, options);
  if (!compilation) return kExitUsage;
  const Plan& plan = *compilation->plan;
  // The text report tells people what to change; the data formats stay lean.
  options.checklist = args.format == OutputFormat::Text;
  options.shown = args.format == OutputFormat::Text;
  if (plan.gates.empty()) spdlog::warn("the rules declare no gates; there is nothing to report");
  spdlog::debug("today is {}; results in input order", format_date(options.today));

  if (std::string reason = unreadable_reason(args.facts); !reason.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", reason),
                "--facts takes a JSON, JSON Lines or CSV file, or - for standard input",
                io.err_color);
    return kExitInput;
  }

  if (args.facts == "-" && io.stdin_is_terminal) {
    io.err << "reading deals from the terminal, one JSON object a line; end with Ctrl-D\n";
  }

  std::unique_ptr<RunRecording> recording;
  if (!args.record.path.empty()) {
    int exit_code = kExitOk;
    recording = RunRecording::start(args.record, plan, options, args.facts, "eval", io, exit_code);
    if (!recording) return exit_code;
  }

  std::unique_ptr<ResultWriter> writer =
      make_writer(args.format, plan, io.out, WriterOptions{io.out_color});
  Progress progress(io.err, io.progress);
  EvalTally tally;
  PipelineOptions pipeline;
  pipeline.threads = threads_or_cores(args.threads);
  pipeline.recording = recording.get();
  if (args.facts == "-" && io.stdin_is_terminal) {
    pipeline.threads = 1;  // one deal at a time, answered as it is typed
    pipeline.flush_each_record = &io.out;
  }
  FactsSource source{args.facts, args.input, args.id_field};
  source.table = args.table;
  ReadStatus read;
  source.status = &read;
  if (!use_sources(plan.sources, args.source, source, io.err, io.err_color)) return kExitUsage;
  const auto start = std::chrono::steady_clock::now();
  const std::string input_error =
      evaluate_facts(plan, options, source, *writer, progress, pipeline, tally);
  progress.finish();
  writer->set_skipped(SkippedRows{read.footer_rows, read.blank_rows});
  writer->finish();
  io.out.flush();

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  spdlog::info("evaluated {} in {:.2f} s on {}: {} not passing, {} unreadable",
               count_of(tally.records, "record"), seconds, count_of(pipeline.threads, "thread"),
               tally.not_passed, tally.unreadable);

  int code = tally.not_passed > 0 ? kExitNotPassed : kExitOk;
  if (tally.unreadable > 0) {
    print_error(io.err,
                fmt::format("{} of {} could not be read (first, {})", tally.unreadable,
                            count_of(tally.records, "record"), tally.first_error),
                "each has an error record in the output; the other records were evaluated",
                io.err_color);
    code = kExitInput;
  }
  if (!input_error.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", input_error),
                tally.records > 0 ? "the records before the problem were evaluated" : "",
                io.err_color);
    code = kExitInput;
  }
  const bool strict_ok =
      !input_error.empty() ||
      check_strict_input(args.strict, plan.schema, plan.sources, args.facts, read, tally.records,
                         tally.invalid, io.err, io.err_color);
  if (!strict_ok) code = kExitInput;
  if (!io.out) {
    print_error(io.err, "could not write the results to standard output", "", io.err_color);
    code = kExitInput;
  }
  if (recording) {
    // Half an input is no week's pipeline: only a run that read its whole input is kept.
    if (!input_error.empty()) {
      io.err << "the run was not recorded: its input could not be read to the end\n";
    } else if (!strict_ok) {
      io.err << "the run was not recorded: its input failed the checks above\n";
    } else if (!recording->finish(io)) {
      code = kExitInput;
    }
  }
  return code;
}

}  // namespace dealgate::cli
