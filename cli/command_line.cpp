#include "cli/command_line.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/command_help.hpp"

#ifndef DEALGATE_VERSION
#define DEALGATE_VERSION "unknown"
#endif

namespace dealgate::cli {
namespace {

// A command: in the Commands group, its footer, its arguments after the global options.
CLI::App* add_command(CLI::App& app, const char* name, const char* summary, std::string footer) {
  CLI::App* command = app.add_subcommand(name, summary);
  command->fallthrough();
  command->group("Commands");
  command->footer(std::move(footer) + kGlobalOptions);
  return command;
}

void add_threads(CLI::App& command, std::string& text) {
  command.add_option("--threads", text, "evaluating threads (default: one per core)")
      ->type_name("N");
}

// `text` read into `into` by one of the parse_ functions of cli/options.hpp; the usage error when
// it does not parse.
template <class T, class Into>
std::optional<UsageError> parse_into(std::optional<T> (*parse)(std::string_view, UsageError&),
                                     std::string_view text, Into& into) {
  UsageError error;
  std::optional<T> value = parse(text, error);
  if (!value) return error;
  into = *value;
  return std::nullopt;
}

// "no deals ...: --facts is missing" (`no_deals` says which), for a command run without its deals.
std::optional<UsageError> need_facts(const DealInput& input, std::string_view no_deals,
                                     std::string help) {
  if (!input.facts.empty()) return std::nullopt;
  return UsageError{fmt::format("{}: --facts is missing", no_deals), std::move(help)};
}

std::optional<UsageError> parse_threads_text(const std::string& text, unsigned& into) {
  if (text.empty()) return std::nullopt;
  return parse_into(parse_threads, text, into);
}

constexpr const char* kFactsOrStdin = "the deals: JSON, JSON Lines or CSV; - reads stdin";
constexpr const char* kTodayOrUtc = "the rules' `today`, YYYY-MM-DD (default: UTC date)";
constexpr const char* kGiveFacts = "give the deals with `--facts FILE` (JSON, JSON Lines or CSV)";
constexpr const char* kGiveFactsOrStdin =
    "give the deals with `--facts FILE` (JSON, JSON Lines or CSV), or `--facts -` to read them "
    "from standard input";
constexpr const char* kOverrideParam = "override a `param` of the rules (repeatable)";

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
  CommandLine result;
  CLI::App app{kDescription, "dealgate"};
  auto formatter = std::make_shared<Formatter>();
  formatter->column_width(27);
  formatter->label("Positionals", "Arguments");
  app.formatter(formatter);
  app.set_help_flag("-h,--help", "print this help and exit");
  app.footer(std::string(kMainFooter) + "\n" + kExitCodes);
  app.set_version_flag("--version", "dealgate " DEALGATE_VERSION, "print the version and exit");
  app.allow_extras();

  std::string color = "auto", log_level = "warn";
  app.add_option("--color", color, "colour: auto (terminals only), always or never")
      ->type_name("WHEN");
  app.add_option("--log-level", log_level,
                 "log on stderr: trace, debug, info, warn (default), error, off")
      ->type_name("LEVEL");

  // check
  CLI::App* check =
      add_command(app, "check", "compile rule files and report their mistakes", kCheckFooter);
  CheckArgs& c = result.check;
  std::string check_format = "text", check_today;
  add_rules(*check, c.rules);
  check->add_flag("--strict", c.strict, "treat warnings as errors");
  check->add_option("--format", check_format, "text (the default) or json")->type_name("FORMAT");
  check
      ->add_option("--today", check_today,
                   "refuse waivers whose last day is before this date, YYYY-MM-DD")
      ->type_name("DATE");

  // eval
  CLI::App* eval = add_command(app, "eval", "evaluate deals against the gates and report why",
                               std::string(kEvalFooter) + kExitCodes + "\n");
  EvalArgs& e = result.eval;
  std::string eval_format = "text", eval_threads;
  add_rules(*eval, e.rules);
  DealOptions eval_deals(*eval, e);
  eval_deals.facts(kFactsOrStdin);
  eval->add_option("--format", eval_format, "text (default), json, jsonl or csv; see Formats")
      ->type_name("FORMAT");
  add_gates(*eval, e.gates, "report only this gate (repeatable; default: all)");
  eval_deals.today(kTodayOrUtc).params(kOverrideParam).id_field();
  add_threads(*eval, eval_threads);
  eval_deals.input().strict();
  add_record_options(*eval, e.record);

  // test
  CLI::App* test = add_command(app, "test", "run the rules' own tests", kTestFooter);
  add_rules(*test, result.test.rules);
  test->add_option("--filter", result.test.filter, "run only the tests whose names contain TEXT")
      ->type_name("TEXT");
  test->add_flag("--coverage", result.test.coverage, "report which conditions the tests exercise");

  // explain
  CLI::App* explain =
      add_command(app, "explain", "show why one deal passes or not, and what would make it pass",
                  kExplainFooter);
  ExplainArgs& x = result.explain;
  std::string explain_format = "text";
  add_rules(*explain, x.rules);
  DealOptions explain_deals(*explain, x);
  explain_deals.facts("the deals: JSON, JSON Lines or CSV");
  explain->add_option("--deal", x.deal, "the id of the deal to explain (default: the first)")
      ->type_name("ID");
  add_gates(*explain, x.gates, "explain only this gate (repeatable)");
  explain_deals.today("the rules' `today`, YYYY-MM-DD").params(kOverrideParam).id_field();
  explain->add_option("--format", explain_format, "text (default) or json")->type_name("FORMAT");
  explain_deals.input();

  // fmt
  CLI::App* fmt_command =
      add_command(app, "fmt", "print rule files in the canonical layout", kFmtFooter);
  add_rules(*fmt_command, result.fmt.rules);
  fmt_command->add_flag("--write", result.fmt.write, "rewrite the files in place");
  fmt_command->add_flag("--check", result.fmt.check,
                        "exit 1 when a file is not formatted; change nothing");

  // diff
  CLI::App* diff =
      add_command(app, "diff", "show what a rule change does to the deals' statuses", kDiffFooter);
  DiffArgs& d = result.diff;
  std::vector<std::string> diff_rules, diff_old_params, diff_new_params;
  std::string diff_format = "text", diff_threads;
  add_rules(*diff, diff_rules, "OLD_RULES NEW_RULES: two .gate files or folders");
  DealOptions diff_deals(*diff, d);
  diff_deals.facts(kFactsOrStdin);
  diff->add_option("--format", diff_format, "text (default), json or csv; see Formats")
      ->type_name("FORMAT");
  add_gates(*diff, d.gates, "compare only this gate (repeatable; default: all)");
  diff_deals.today(kTodayOrUtc).params("override a `param` on both sides (repeatable)");
  add_params(*diff, "--old-param", diff_old_params, "override a `param` of the old rules only");
  add_params(*diff, "--new-param", diff_new_params, "override a `param` of the new rules only");
  diff_deals.id_field();
  add_threads(*diff, diff_threads);
  diff_deals.input().strict();

  // report
  CLI::App* report =
      add_command(app, "report", "write an HTML pipeline review of the deals", kReportFooter);
  ReportArgs& r = result.report;
  std::string report_threads;
  add_rules(*report, r.rules);
  DealOptions report_deals(*report, r);
  report_deals.facts(kFactsOrStdin);
  report->add_option("-o,--output", r.output, "the HTML file to write; - for standard output")
      ->type_name("FILE");
  report_deals.today(kTodayOrUtc).params(kOverrideParam).id_field();
  add_threads(*report, report_threads);
  report_deals.input().strict();
  add_record_options(*report, r.record);
  add_trend_option(*report, r.history);

  HistoryOptionTexts history_texts;
  CLI::App* history = add_command(
      app, "history", "what changed since the last recorded run, and trends", kHistoryFooter);
  add_history_options(*history, result.history, history_texts);

  // lsp
  CLI::App* lsp =
      add_command(app, "lsp", "the language server for editors, on stdin and stdout", kLspFooter);
  bool lsp_stdio = false;
  // Clients such as vscode-languageclient name the transport; standard I/O is the only one.
  lsp->add_flag("--stdio", lsp_stdio, "talk on standard input and output (the default)");

  auto parsed = [&]() -> const CLI::App& {
    for (CLI::App* sub : {check, eval, test, explain, fmt_command, diff, report, lsp, history}) {
      if (sub->parsed()) return *sub;
    }
    return app;
  };

  auto fail = [&](const CLI::App& command, UsageError error) {
    result.kind = CommandLine::Kind::Exit;
    result.exit_code = 2;
    result.error = std::move(error);
    result.error_command =
        &command == &app ? std::string("dealgate") : "dealgate " + command.get_name();
    return result;
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    result.out_text = parsed().help();
    return result;
  } catch (const CLI::CallForAllHelp&) {
    result.out_text = app.help();
    return result;
  } catch (const CLI::CallForVersion& v) {
    result.out_text = std::string(v.what()) + "\n";
    return result;
  } catch (const CLI::ParseError& error) {
    const CLI::App& command = parsed();
    std::string what = error.what();
    if (error.get_name() == "ArgumentMismatch" && what.rfind("--", 0) == 0) {
      std::string option = what.substr(0, what.find(':'));
      return fail(command, {fmt::format("`{}` needs a value", option), ""});
    }
    return fail(command, {what, ""});
  }

  const CLI::App& command = parsed();
  const bool has_command = &command != &app;
  if (!app.remaining().empty()) {
    return fail(command, unknown_argument(app.remaining().front(), command, has_command));
  }

  if (auto bad = parse_into(parse_color, color, result.color)) return fail(command, *bad);
  if (auto bad = parse_into(parse_log_level, log_level, result.log_level)) {
    return fail(command, *bad);
  }

  if (!has_command) {
    return fail(app, {"no command given",
                      "say what to do: `dealgate check RULES...` or "
                      "`dealgate eval RULES... --facts FILE`"});
  }

  // The first mistake of the command that was given, or nothing.
  auto mistake = [&]() -> std::optional<UsageError> {
    if (lsp->parsed()) {
      result.kind = CommandLine::Kind::Lsp;
      return std::nullopt;
    }
    if (history->parsed()) {
      result.kind = CommandLine::Kind::History;
      return finish_history_args(result.history, history_texts);
    }
    if (test->parsed()) {
      result.kind = CommandLine::Kind::Test;
      return need_rules(*test, result.test.rules);
    }
    if (fmt_command->parsed()) {
      result.kind = CommandLine::Kind::Fmt;
      if (auto missing = need_rules(*fmt_command, result.fmt.rules)) return missing;
      if (result.fmt.write && result.fmt.check) {
        return UsageError{"`--write` and `--check` cannot be used together",
                          "use `--check` in CI, `--write` to fix the files"};
      }
      return std::nullopt;
    }
    if (check->parsed()) {
      result.kind = CommandLine::Kind::Check;
      if (auto bad = parse_into(parse_check_format, check_format, c.format)) return bad;
      if (c.rules.empty()) {
        return UsageError{"no rule files given",
                          "name the .gate files or folders to check, e.g. `dealgate check rules/`"};
      }
      if (!check_today.empty()) {
        if (auto bad = parse_into(parse_today, check_today, c.today)) return bad;
      }
      return std::nullopt;
    }
    if (report->parsed()) {
      result.kind = CommandLine::Kind::Report;
      if (auto missing = need_rules(*report, r.rules)) return missing;
      if (auto missing = need_facts(r, "no deals", kGiveFacts)) return missing;
      if (r.output.empty()) {
        return UsageError{
            "no output file: -o is missing",
            "name the page to write, e.g. `-o pipeline.html` (or `-o -` for standard output)"};
      }
      if (auto bad = report_deals.finish()) return bad;
      return parse_threads_text(report_threads, r.threads);
    }
    if (explain->parsed()) {
      result.kind = CommandLine::Kind::Explain;
      if (auto missing = need_rules(*explain, x.rules)) return missing;
      if (auto missing = need_facts(
              x, "no deals", "give the deals with `--facts FILE` and pick one with `--deal ID`")) {
        return missing;
      }
      if (auto bad = parse_into(parse_check_format, explain_format, x.format)) return bad;
      return explain_deals.finish();
    }
    if (diff->parsed()) {
      result.kind = CommandLine::Kind::Diff;
      if (diff_rules.size() != 2) {
        return UsageError{
            diff_rules.empty()
                ? std::string("no rules given")
                : fmt::format("`diff` compares two rule sets, but {} {} given", diff_rules.size(),
                              diff_rules.size() == 1 ? "was" : "were"),
            "name the rules before and after the change, each a .gate file or a "
            "folder: `dealgate diff rules/ new-rules/ --facts deals.csv`"};
      }
      d.old_rules = diff_rules[0];
      d.new_rules = diff_rules[1];
      if (auto missing = need_facts(d, "no deals to compare on", kGiveFactsOrStdin)) return missing;
      if (diff_format == "jsonl") {
        return UsageError{"`diff` does not write jsonl", "`diff --format` takes text, json or csv"};
      }
      if (auto bad = parse_into(parse_eval_format, diff_format, d.format)) {
        return UsageError{bad->message, "`diff --format` takes text, json or csv"};
      }
      if (auto bad = diff_deals.finish()) return bad;
      if (auto bad = parse_params(diff_old_params, d.old_params)) return bad;
      if (auto bad = parse_params(diff_new_params, d.new_params)) return bad;
      return parse_threads_text(diff_threads, d.threads);
    }
    result.kind = CommandLine::Kind::Eval;
    if (auto bad = parse_into(parse_eval_format, eval_format, e.format)) return bad;
    if (e.rules.empty()) {
      return UsageError{"no rule files given",
                        "name the .gate files or folders to evaluate with, e.g. "
                        "`dealgate eval rules/ --facts deals.jsonl`"};
    }
    if (auto missing = need_facts(e, "no deals to evaluate", kGiveFactsOrStdin)) return missing;
    if (auto bad = eval_deals.finish()) return bad;
    return parse_threads_text(eval_threads, e.threads);
  };
  if (std::optional<UsageError> bad = mistake()) return fail(command, std::move(*bad));
  return result;
}

}  // namespace dealgate::cli
