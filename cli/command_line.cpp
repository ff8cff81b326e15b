#include "cli/command_line.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <sstream>

#include "base/suggest.hpp"

#ifndef DEALGATE_VERSION
#define DEALGATE_VERSION "unknown"
#endif

namespace dealgate::cli {
namespace {

constexpr const char* kDescription =
    "dealgate checks enterprise deals against the milestones and gates of your sales process.\n"
    "\n"
    "Rule files (.gate) describe the milestones and gates; deal records exported from your CRM\n"
    "(JSON, JSON Lines or CSV) are the facts. For every deal and every gate, dealgate reports\n"
    "pass, fail, or unknown (when facts are missing), and why.\n";

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  every evaluated gate passed (check: the rules have no errors)\n"
    "  1  some gate failed or could not be decided\n"
    "  2  usage error, or the rules do not compile\n"
    "  3  a deal record or the facts file could not be read (all other records were\n"
    "     still evaluated)\n";

constexpr const char* kMainFooter =
    "Examples:\n"
    "  dealgate check rules/\n"
    "      compile the rules in rules/ and report any mistakes\n"
    "  dealgate eval rules/ --facts deals.jsonl\n"
    "      a readable report: every deal, every gate, and why\n"
    "  dealgate eval rules/ --facts - --format jsonl < deals.jsonl > results.jsonl\n"
    "      a batch job: one JSON line per deal on standard output\n"
    "  dealgate test rules/ --coverage\n"
    "      run the rules' own tests, and see which conditions no test exercises\n"
    "  dealgate explain rules/ --facts deals.jsonl --deal D-2026-0142\n"
    "      why one deal passes or not, and what would make it pass\n"
    "  dealgate fmt rules/ --write\n"
    "      lay the rule files out the canonical way, comments kept\n"
    "  dealgate diff rules/ new-rules/ --facts deals.csv\n"
    "      before changing a gate: which deals would change status, and why\n"
    "  dealgate report rules/ --facts deals.jsonl -o pipeline.html\n"
    "      an HTML page for the pipeline review meeting\n"
    "  dealgate eval rules/ --facts deals.jsonl --record history.db && dealgate history history.db\n"
    "      keep each week's run; see which deals changed, slipped or go stale\n"
    "  dealgate lsp\n"
    "      the language server an editor starts: errors while typing, completion, hover\n"
    "\n"
    "Run `dealgate COMMAND --help` for the options of a command.\n"
    "Results go to standard output; messages and progress to standard error.\n"
    "Colour is on for terminals unless NO_COLOR is set; see --color.\n";

constexpr const char* kTestFooter =
    "Runs every `test` block of the rules: the `given` deal, its `today` and `param`s, and each\n"
    "`expect GATE pass|fail|unknown (because ...)`. One line per test, then `N passed, N failed`.\n"
    "\n"
    "Examples:\n"
    "  dealgate test rules/\n"
    "  dealgate test rules/ --filter acid        only tests whose names contain `acid`\n"
    "  dealgate test rules/ --coverage           which conditions no test makes true and false\n"
    "\n"
    "Exit codes: 0 all tests pass, 1 some test failed, 2 usage error or the rules do not compile.\n"
    "\n";

constexpr const char* kExplainFooter =
    "Shows why one deal gets its status: every milestone the gate requires, every condition with\n"
    "the values it read, and \"To pass this gate\": what must change, in plain words.\n"
    "\n"
    "Examples:\n"
    "  dealgate explain rules/ --facts deals.jsonl --deal D-2026-0142\n"
    "  dealgate explain rules/ --facts deals.jsonl --deal D-2026-0142 --gate enter_delivery\n"
    "  dealgate explain rules/ --facts deals.jsonl --deal D-2026-0142 --format json\n"
    "\n"
    "Exit codes: 0 the explained gates pass, 1 some fail or are unknown, 2 usage error,\n"
    "3 the deal cannot be found or read.\n"
    "\n";

constexpr const char* kFmtFooter =
    "Prints each rule file in the canonical layout (indentation, spacing, one statement a line,\n"
    "long conditions wrapped), keeping every comment. Formatting never changes what rules mean.\n"
    "\n"
    "Examples:\n"
    "  dealgate fmt rules/delivery.gate          print the formatted file\n"
    "  dealgate fmt rules/ --write               rewrite the files in place\n"
    "  dealgate fmt rules/ --check               for CI: exit 1 when a file is not formatted\n"
    "\n"
    "Exit codes: 0 done (--check: all formatted), 1 --check found unformatted files,\n"
    "2 usage error or a file that does not parse.\n"
    "\n";

constexpr const char* kDiffFooter =
    "Before changing a gate, see what the change does to the real pipeline: every deal is\n"
    "evaluated with both rule sets, and the report shows which deals change status on which gate\n"
    "(pass -> fail, unknown -> pass, ...), how many per change, and the conditions responsible:\n"
    "newly failed or unknown, no longer failed or unknown (matched by condition id). A deal whose\n"
    "status stays but whose failing conditions change is listed too. Gates of only one rule set\n"
    "are reported as added or removed. --param applies to each rule set that declares the param;\n"
    "--old-param and --new-param to one side only, so one rule set can be compared with itself.\n"
    "\n"
    "Examples:\n"
    "  dealgate diff rules/ new-rules/ --facts deals.csv --today 2026-11-26\n"
    "  dealgate diff rules/ rules/ --facts deals.csv --new-param min_roi=4    what if min_roi were "
    "4?\n"
    "  dealgate diff rules/delivery_entry.gate draft.gate --facts deals.jsonl --gate "
    "enter_delivery\n"
    "  dealgate diff rules/ new-rules/ --facts deals.jsonl --format csv > changes.csv\n"
    "\n"
    "Formats:\n"
    "  text   a summary table of the changes per gate, then every changed deal (default)\n"
    "  json   one document: {\"gates\":[...],\"changes\":[...],...}\n"
    "  csv    one row per changed deal and gate: id,line,gate,from,to,newly_failed,...\n"
    "\n"
    "Exit codes: 0 no deal changes, 1 some deal changes on some gate, 2 usage error or rules\n"
    "that do not compile, 3 a deal record or the facts file could not be read (the other\n"
    "records were still compared).\n"
    "\n";

constexpr const char* kReportFooter =
    "Writes one self-contained HTML page for a pipeline review: per gate a bar of pass / fail /\n"
    "unknown, the conditions and missing facts that hold deals back most often, the stage audit\n"
    "(when the rules declare `stages`), and a table of deals to sort and filter, each with what\n"
    "would make its gates pass. The page needs no network: open it, mail it, put it on a share.\n"
    "\n"
    "Examples:\n"
    "  dealgate report rules/ --facts deals.jsonl -o pipeline.html\n"
    "  dealgate report rules/ --facts export.csv -o review.html --today 2026-11-26\n"
    "\n"
    "Exit codes: 0 the report was written (whatever the gates say), 2 usage error or the rules do\n"
    "not compile, 3 the facts or some records could not be read, or the file not written.\n"
    "\n";

constexpr const char* kLspFooter =
    "The Language Server Protocol on standard input and output, for editors: diagnostics while\n"
    "typing (the messages of `dealgate check`), completion, hover, go to definition, find\n"
    "references, formatting (`dealgate fmt`) and the outline of .gate files. A file is compiled\n"
    "with the other .gate files of its folder. An editor starts it; docs/editors.md shows how\n"
    "for VS Code and Neovim.\n"
    "\n"
    "Exit codes: 0 after the client's `shutdown` and `exit`, 1 when the input ends without them.\n"
    "\n";

constexpr const char* kGlobalOptions =
    "Global options: --color WHEN, --log-level LEVEL (see `dealgate --help`).\n";

constexpr const char* kCheckFooter =
    "Examples:\n"
    "  dealgate check rules/enterprise.gate\n"
    "  dealgate check rules/ --strict            warnings count as errors\n"
    "  dealgate check rules/ --format json       diagnostics for an editor or CI\n"
    "  dealgate check rules/ --today 2026-11-26  waivers expired by then are errors\n"
    "\n"
    "Diagnostics go to standard error, the one-line summary to standard output.\n"
    "Exit codes: 0 no errors, 2 errors (or warnings with --strict) or unreadable files.\n"
    "\n";

constexpr const char* kEvalFooter =
    "Examples:\n"
    "  dealgate eval rules/ --facts deals.json\n"
    "  dealgate eval rules/ --facts deals.csv --gate enter_delivery --today 2026-11-26\n"
    "  dealgate eval rules/ --facts - --format jsonl --param min_roi=4 < deals.jsonl\n"
    "\n"
    "Formats:\n"
    "  text   a report for people: every deal and gate, why, then a summary (default)\n"
    "  json   one JSON document: {\"records\":[...],\"summary\":{...}}\n"
    "  jsonl  one JSON line per input record, for batch jobs\n"
    "  csv    one row per deal and gate: id,line,gate,status,failed,unknown,missing,messages\n"
    "\n"
    "--facts reads JSON (one object or an array of objects) or JSON Lines, chosen by content,\n"
    "or CSV for .csv files (a header row of fact paths such as value.price).\n"
    "Results come out in input order, one per input record, whatever --threads says.\n"
    "\n";

// CLI11's usage line lists options before the rules; ours follows SPEC §7. A blank line follows
// every description.
class Formatter final : public CLI::Formatter {
 public:
  std::string make_description(const CLI::App* app) const override {
    const std::string& text = app->get_description();
    if (text.empty()) return {};
    return text + (text.back() == '\n' ? "\n" : "\n\n");
  }
  std::string make_usage(const CLI::App* app, std::string) const override {
    const std::string& name = app->get_name();
    if (name == "check")
      return "Usage: dealgate check RULES... [--strict] [--format text|json] [--today DATE]\n";
    if (name == "eval") return "Usage: dealgate eval RULES... --facts FILE|- [OPTIONS]\n";
    if (name == "test") return "Usage: dealgate test RULES... [--filter TEXT] [--coverage]\n";
    if (name == "explain")
      return "Usage: dealgate explain RULES... --facts FILE [--deal ID] [--gate NAME]... "
             "[OPTIONS]\n";
    if (name == "fmt") return "Usage: dealgate fmt RULES... [--write | --check]\n";
    if (name == "diff")
      return "Usage: dealgate diff OLD_RULES NEW_RULES --facts FILE|- [OPTIONS]\n";
    if (name == "report")
      return "Usage: dealgate report RULES... --facts FILE -o FILE.html [OPTIONS]\n";
    if (name == "lsp") return "Usage: dealgate lsp [--stdio]\n";
    if (name == "history")
      return "Usage: dealgate history HISTORY [--since DATE] [--stale-within N] [--format F]\n";
    return "Usage: dealgate [--color WHEN] [--log-level LEVEL] COMMAND [ARGS...]\n";
  }
};

UsageError unknown_argument(const std::string& arg, const CLI::App& command, bool has_command) {
  if (arg.empty() || arg[0] != '-') {
    if (!has_command) {
      std::string help =
          did_you_mean(arg, {"check", "eval", "test", "explain", "fmt", "diff", "report", "lsp",
                             "history"});
      return UsageError{
          fmt::format("`{}` is not a dealgate command", arg),
          help.empty()
              ? "the commands are `check`, `eval`, `test`, `explain`, `fmt`, `diff`, `report`, "
                "`lsp` and `history`"
              : help};
    }
    return UsageError{fmt::format("unexpected argument `{}`", arg), ""};
  }
  std::string name = arg.substr(0, arg.find('='));
  std::vector<std::string> candidates;
  for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option : app->get_options()) {
      for (const std::string& lname : option->get_lnames()) candidates.push_back("--" + lname);
    }
  }
  std::string help = did_you_mean(name, candidates);
  return UsageError{fmt::format("`{}` is not an option of `{}`", name,
                                has_command ? "dealgate " + command.get_name() : "dealgate"),
                    help};
}

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
  CLI::App* check = app.add_subcommand("check", "compile rule files and report their mistakes");
  check->fallthrough();
  check->group("Commands");
  check->footer(std::string(kCheckFooter) + kGlobalOptions);
  std::string check_format = "text", check_today;
  check->add_option("RULES", result.check.rules, ".gate files, or folders that hold them")
      ->type_name("");
  check->add_flag("--strict", result.check.strict, "treat warnings as errors");
  check->add_option("--format", check_format, "text (the default) or json")->type_name("FORMAT");
  check
      ->add_option("--today", check_today,
                   "refuse waivers whose last day is before this date, YYYY-MM-DD")
      ->type_name("DATE");

  // eval
  CLI::App* eval = app.add_subcommand("eval", "evaluate deals against the gates and report why");
  eval->fallthrough();
  eval->group("Commands");
  eval->footer(std::string(kEvalFooter) + kExitCodes + "\n" + kGlobalOptions);
  std::string eval_format = "text", today, threads, input;
  std::vector<std::string> params;
  EvalArgs& e = result.eval;
  eval->add_option("RULES", e.rules, ".gate files, or folders that hold them")->type_name("");
  eval->add_option("--facts", e.facts, "the deals: JSON, JSON Lines or CSV; - reads stdin")
      ->type_name("FILE");
  eval->add_option("--format", eval_format, "text (default), json, jsonl or csv; see Formats")
      ->type_name("FORMAT");
  // One value per --gate and --param, so `--gate a rules/` leaves rules/ to RULES.
  eval->add_option("--gate", e.gates, "report only this gate (repeatable; default: all)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  eval->add_option("--today", today, "the rules' `today`, YYYY-MM-DD (default: UTC date)")
      ->type_name("DATE");
  eval->add_option("--param", params, "override a `param` of the rules (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  eval->add_option("--id-field", e.id_field, "the fact that names a deal (default: id)")
      ->type_name("FIELD");
  eval->add_option("--threads", threads, "evaluating threads (default: one per core)")
      ->type_name("N");
  eval->add_option("--input", input, "json or csv, whatever --facts is called")->type_name("KIND");
  add_record_options(*eval, e.record);

  // test
  CLI::App* test = app.add_subcommand("test", "run the rules' own tests");
  test->fallthrough();
  test->group("Commands");
  test->footer(std::string(kTestFooter) + kGlobalOptions);
  test->add_option("RULES", result.test.rules, ".gate files, or folders that hold them")
      ->type_name("");
  test->add_option("--filter", result.test.filter, "run only the tests whose names contain TEXT")
      ->type_name("TEXT");
  test->add_flag("--coverage", result.test.coverage, "report which conditions the tests exercise");

  // explain
  CLI::App* explain =
      app.add_subcommand("explain", "show why one deal passes or not, and what would make it pass");
  explain->fallthrough();
  explain->group("Commands");
  explain->footer(std::string(kExplainFooter) + kGlobalOptions);
  ExplainArgs& x = result.explain;
  std::string explain_format = "text", explain_today, explain_input;
  std::vector<std::string> explain_params;
  explain->add_option("RULES", x.rules, ".gate files, or folders that hold them")->type_name("");
  explain->add_option("--facts", x.facts, "the deals: JSON, JSON Lines or CSV")->type_name("FILE");
  explain->add_option("--deal", x.deal, "the id of the deal to explain (default: the first)")
      ->type_name("ID");
  explain->add_option("--gate", x.gates, "explain only this gate (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  explain->add_option("--today", explain_today, "the rules' `today`, YYYY-MM-DD")
      ->type_name("DATE");
  explain->add_option("--param", explain_params, "override a `param` of the rules (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  explain->add_option("--id-field", x.id_field, "the fact that names a deal (default: id)")
      ->type_name("FIELD");
  explain->add_option("--format", explain_format, "text (default) or json")->type_name("FORMAT");
  explain->add_option("--input", explain_input, "json or csv, whatever --facts is called")
      ->type_name("KIND");

  // fmt
  CLI::App* fmt_command = app.add_subcommand("fmt", "print rule files in the canonical layout");
  fmt_command->fallthrough();
  fmt_command->group("Commands");
  fmt_command->footer(std::string(kFmtFooter) + kGlobalOptions);
  fmt_command->add_option("RULES", result.fmt.rules, ".gate files, or folders that hold them")
      ->type_name("");
  fmt_command->add_flag("--write", result.fmt.write, "rewrite the files in place");
  fmt_command->add_flag("--check", result.fmt.check,
                        "exit 1 when a file is not formatted; change nothing");

  // diff
  CLI::App* diff =
      app.add_subcommand("diff", "show what a rule change does to the deals' statuses");
  diff->fallthrough();
  diff->group("Commands");
  diff->footer(std::string(kDiffFooter) + kGlobalOptions);
  DiffArgs& d = result.diff;
  std::vector<std::string> diff_rules, diff_params, diff_old_params, diff_new_params;
  std::string diff_format = "text", diff_today, diff_input;
  diff->add_option("RULES", diff_rules, "OLD_RULES NEW_RULES: two .gate files or folders")
      ->type_name("");
  diff->add_option("--facts", d.facts, "the deals: JSON, JSON Lines or CSV; - reads stdin")
      ->type_name("FILE");
  diff->add_option("--format", diff_format, "text (default), json or csv; see Formats")
      ->type_name("FORMAT");
  diff->add_option("--gate", d.gates, "compare only this gate (repeatable; default: all)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  diff->add_option("--today", diff_today, "the rules' `today`, YYYY-MM-DD (default: UTC date)")
      ->type_name("DATE");
  diff->add_option("--param", diff_params, "override a `param` on both sides (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  diff->add_option("--old-param", diff_old_params, "override a `param` of the old rules only")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  diff->add_option("--new-param", diff_new_params, "override a `param` of the new rules only")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  diff->add_option("--id-field", d.id_field, "the fact that names a deal (default: id)")
      ->type_name("FIELD");
  diff->add_option("--input", diff_input, "json or csv, whatever --facts is called")
      ->type_name("KIND");

  // report
  CLI::App* report = app.add_subcommand("report", "write an HTML pipeline review of the deals");
  report->fallthrough();
  report->group("Commands");
  report->footer(std::string(kReportFooter) + kGlobalOptions);
  ReportArgs& r = result.report;
  std::string report_today, report_input;
  std::vector<std::string> report_params;
  report->add_option("RULES", r.rules, ".gate files, or folders that hold them")->type_name("");
  report->add_option("--facts", r.facts, "the deals: JSON, JSON Lines or CSV; - reads stdin")
      ->type_name("FILE");
  report->add_option("-o,--output", r.output, "the HTML file to write; - for standard output")
      ->type_name("FILE");
  report->add_option("--today", report_today, "the rules' `today`, YYYY-MM-DD (default: UTC date)")
      ->type_name("DATE");
  report->add_option("--param", report_params, "override a `param` of the rules (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  report->add_option("--id-field", r.id_field, "the fact that names a deal (default: id)")
      ->type_name("FIELD");
  report->add_option("--input", report_input, "json or csv, whatever --facts is called")
      ->type_name("KIND");
  add_record_options(*report, r.record);
  add_trend_option(*report, r.history);

  HistoryOptionTexts history_texts;
  CLI::App* history = add_history_command(app, result.history, history_texts);

  // lsp
  CLI::App* lsp = app.add_subcommand("lsp", "the language server for editors, on stdin and stdout");
  lsp->fallthrough();
  lsp->group("Commands");
  lsp->footer(std::string(kLspFooter) + kGlobalOptions);
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

  UsageError error;
  if (auto mode = parse_color(color, error))
    result.color = *mode;
  else
    return fail(command, error);
  if (auto level = parse_log_level(log_level, error))
    result.log_level = *level;
  else
    return fail(command, error);

  if (!has_command) {
    return fail(app, {"no command given",
                      "say what to do: `dealgate check RULES...` or "
                      "`dealgate eval RULES... --facts FILE`"});
  }

  auto need_rules = [&](const CLI::App& sub, const std::vector<std::string>& rules) {
    return rules.empty()
               ? std::optional<UsageError>(UsageError{
                     "no rule files given", fmt::format("name the .gate files or folders, e.g. "
                                                        "`dealgate {} rules/`",
                                                        sub.get_name())})
               : std::nullopt;
  };
  if (lsp->parsed()) {
    result.kind = CommandLine::Kind::Lsp;
    return result;
  }
  if (history->parsed()) {
    result.kind = CommandLine::Kind::History;
    if (auto problem = finish_history_args(result.history, history_texts))
      return fail(*history, *problem);
    return result;
  }
  if (test->parsed()) {
    result.kind = CommandLine::Kind::Test;
    if (auto missing = need_rules(*test, result.test.rules)) return fail(*test, *missing);
    return result;
  }
  if (fmt_command->parsed()) {
    result.kind = CommandLine::Kind::Fmt;
    if (auto missing = need_rules(*fmt_command, result.fmt.rules))
      return fail(*fmt_command, *missing);
    if (result.fmt.write && result.fmt.check) {
      return fail(*fmt_command, {"`--write` and `--check` cannot be used together",
                                 "use `--check` in CI, `--write` to fix the files"});
    }
    return result;
  }
  if (report->parsed()) {
    result.kind = CommandLine::Kind::Report;
    if (auto missing = need_rules(*report, r.rules)) return fail(*report, *missing);
    if (r.facts.empty()) {
      return fail(*report, {"no deals: --facts is missing",
                            "give the deals with `--facts FILE` (JSON, JSON Lines or CSV)"});
    }
    if (r.output.empty()) {
      return fail(
          *report,
          {"no output file: -o is missing",
           "name the page to write, e.g. `-o pipeline.html` (or `-o -` for standard output)"});
    }
    if (!report_today.empty()) {
      if (auto day = parse_today(report_today, error))
        r.today = *day;
      else
        return fail(*report, error);
    }
    for (const std::string& text : report_params) {
      if (auto param = parse_param(text, error))
        r.params.push_back(std::move(*param));
      else
        return fail(*report, error);
    }
    if (!report_input.empty()) {
      if (auto kind = parse_input_format(report_input, error))
        r.input = *kind;
      else
        return fail(*report, error);
    }
    if (r.id_field.empty()) {
      return fail(*report, {"`--id-field` is empty",
                            "name the fact that identifies a deal, e.g. `--id-field deal_id`"});
    }
    return result;
  }
  if (explain->parsed()) {
    result.kind = CommandLine::Kind::Explain;
    if (auto missing = need_rules(*explain, x.rules)) return fail(*explain, *missing);
    if (x.facts.empty()) {
      return fail(*explain, {"no deals: --facts is missing",
                             "give the deals with `--facts FILE` and pick one with `--deal ID`"});
    }
    if (auto format = parse_check_format(explain_format, error))
      x.format = *format;
    else
      return fail(*explain, error);
    if (!explain_today.empty()) {
      if (auto day = parse_today(explain_today, error))
        x.today = *day;
      else
        return fail(*explain, error);
    }
    for (const std::string& text : explain_params) {
      if (auto param = parse_param(text, error))
        x.params.push_back(std::move(*param));
      else
        return fail(*explain, error);
    }
    if (!explain_input.empty()) {
      if (auto kind = parse_input_format(explain_input, error))
        x.input = *kind;
      else
        return fail(*explain, error);
    }
    return result;
  }

  if (diff->parsed()) {
    result.kind = CommandLine::Kind::Diff;
    if (diff_rules.size() != 2) {
      return fail(*diff,
                  {diff_rules.empty()
                       ? std::string("no rules given")
                       : fmt::format("`diff` compares two rule sets, but {} {} given",
                                     diff_rules.size(), diff_rules.size() == 1 ? "was" : "were"),
                   "name the rules before and after the change, each a .gate file or a "
                   "folder: `dealgate diff rules/ new-rules/ --facts deals.csv`"});
    }
    d.old_rules = diff_rules[0];
    d.new_rules = diff_rules[1];
    if (d.facts.empty()) {
      return fail(*diff, {"no deals to compare on: --facts is missing",
                          "give the deals with `--facts FILE` (JSON, JSON Lines or CSV), or "
                          "`--facts -` to read them from standard input"});
    }
    if (diff_format == "jsonl") {
      return fail(*diff,
                  {"`diff` does not write jsonl", "`diff --format` takes text, json or csv"});
    }
    if (auto format = parse_eval_format(diff_format, error))
      d.format = *format;
    else
      return fail(*diff, {error.message, "`diff --format` takes text, json or csv"});
    if (!diff_today.empty()) {
      if (auto day = parse_today(diff_today, error))
        d.today = *day;
      else
        return fail(*diff, error);
    }
    for (const auto& [texts, into] :
         {std::pair{&diff_params, &d.params}, std::pair{&diff_old_params, &d.old_params},
          std::pair{&diff_new_params, &d.new_params}}) {
      for (const std::string& text : *texts) {
        if (auto param = parse_param(text, error))
          into->push_back(std::move(*param));
        else
          return fail(*diff, error);
      }
    }
    if (!diff_input.empty()) {
      if (auto kind = parse_input_format(diff_input, error))
        d.input = *kind;
      else
        return fail(*diff, error);
    }
    if (d.id_field.empty()) {
      return fail(*diff, {"`--id-field` is empty",
                          "name the fact that identifies a deal, e.g. `--id-field deal_id`"});
    }
    return result;
  }

  if (check->parsed()) {
    result.kind = CommandLine::Kind::Check;
    if (auto format = parse_check_format(check_format, error))
      result.check.format = *format;
    else
      return fail(*check, error);
    if (result.check.rules.empty()) {
      return fail(*check, {"no rule files given",
                           "name the .gate files or folders to check, e.g. "
                           "`dealgate check rules/`"});
    }
    if (!check_today.empty()) {
      if (auto day = parse_today(check_today, error))
        result.check.today = *day;
      else
        return fail(*check, error);
    }
    return result;
  }

  result.kind = CommandLine::Kind::Eval;
  if (auto format = parse_eval_format(eval_format, error))
    e.format = *format;
  else
    return fail(*eval, error);
  if (e.rules.empty()) {
    return fail(*eval, {"no rule files given",
                        "name the .gate files or folders to evaluate with, e.g. "
                        "`dealgate eval rules/ --facts deals.jsonl`"});
  }
  if (e.facts.empty()) {
    return fail(*eval, {"no deals to evaluate: --facts is missing",
                        "give the deals with `--facts FILE` (JSON, JSON Lines or CSV), or "
                        "`--facts -` to read them from standard input"});
  }
  if (!today.empty()) {
    if (auto day = parse_today(today, error))
      e.today = *day;
    else
      return fail(*eval, error);
  }
  for (const std::string& text : params) {
    if (auto param = parse_param(text, error))
      e.params.push_back(std::move(*param));
    else
      return fail(*eval, error);
  }
  if (!threads.empty()) {
    if (auto n = parse_threads(threads, error))
      e.threads = *n;
    else
      return fail(*eval, error);
  }
  if (!input.empty()) {
    if (auto kind = parse_input_format(input, error))
      e.input = *kind;
    else
      return fail(*eval, error);
  }
  if (e.id_field.empty()) {
    return fail(*eval, {"`--id-field` is empty",
                        "name the fact that identifies a deal, e.g. "
                        "`--id-field deal_id`"});
  }
  return result;
}

}  // namespace dealgate::cli
