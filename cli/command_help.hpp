// The words of `dealgate --help` and of each command's --help: the description, the footers
// with examples and exit codes, and the usage lines. Kept apart from the parsing, so the help can
// be read and edited as the text it is.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/options.hpp"

namespace dealgate::cli {

inline constexpr const char* kDescription =
    "dealgate checks enterprise deals against the milestones and gates of your sales process.\n"
    "\n"
    "Rule files (.gate) describe the milestones and gates; deal records exported from your CRM\n"
    "(JSON, JSON Lines or CSV) are the facts. For every deal and every gate, dealgate reports\n"
    "pass, fail, or unknown (when facts are missing), and why.\n";

inline constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  every evaluated gate passed (check: the rules have no errors)\n"
    "  1  some gate failed or could not be decided\n"
    "  2  usage error, or the rules do not compile\n"
    "  3  a deal record or the facts file could not be read, no deals (see\n"
    "     --allow-empty), or a column mostly invalid (--max-invalid); all other\n"
    "     records were still evaluated\n";

inline constexpr const char* kMainFooter =
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
    "  dealgate eval rules/ --facts deals.jsonl --record history.db && dealgate history "
    "history.db\n"
    "      keep each week's run; see which deals changed, slipped or go stale\n"
    "  dealgate lsp\n"
    "      the language server an editor starts: errors while typing, completion, hover\n"
    "\n"
    "Run `dealgate COMMAND --help` for the options of a command.\n"
    "Results go to standard output; messages and progress to standard error.\n"
    "Colour is on for terminals unless NO_COLOR is set; see --color.\n";

inline constexpr const char* kTestFooter =
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

inline constexpr const char* kExplainFooter =
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

inline constexpr const char* kFmtFooter =
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

inline constexpr const char* kDiffFooter =
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

inline constexpr const char* kReportFooter =
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

inline constexpr const char* kLspFooter =
    "The Language Server Protocol on standard input and output, for editors: diagnostics while\n"
    "typing (the messages of `dealgate check`), completion, hover, go to definition, find\n"
    "references, formatting (`dealgate fmt`) and the outline of .gate files. A file is compiled\n"
    "with the other .gate files of its folder. An editor starts it; docs/editors.md shows how\n"
    "for VS Code and Neovim.\n"
    "\n"
    "Exit codes: 0 after the client's `shutdown` and `exit`, 1 when the input ends without them.\n"
    "\n";

inline constexpr const char* kHistoryFooter =
    "What changed since the run before the latest one recorded with `--record` (or since the\n"
    "last run on or before --since): deals newly passing, failing or unknown on each gate and the\n"
    "conditions responsible; how long each deal has been in its stage; close dates that moved\n"
    "later (how often, by how many days); confirmations that go stale within --stale-within days\n"
    "under the rules' freshness conditions (`today - DATE <= LIMIT`). A rule change between the\n"
    "runs compared is said first.\n"
    "\n"
    "Examples:\n"
    "  dealgate eval rules/ --facts deals.jsonl --record history.db     each week\n"
    "  dealgate history history.db\n"
    "  dealgate history history.db --since 2026-11-01 --format json\n"
    "\n"
    "Exit codes: 0 answered, 2 usage error, 3 the history cannot be read.\n"
    "\n";

inline constexpr const char* kGlobalOptions =
    "Global options: --color WHEN, --log-level LEVEL (see `dealgate --help`).\n";

inline constexpr const char* kCheckFooter =
    "Examples:\n"
    "  dealgate check rules/enterprise.gate\n"
    "  dealgate check rules/ --strict            warnings count as errors\n"
    "  dealgate check rules/ --format json       diagnostics for an editor or CI\n"
    "  dealgate check rules/ --today 2026-11-26  waivers expired by then are errors\n"
    "\n"
    "Diagnostics go to standard error, the one-line summary to standard output.\n"
    "Exit codes: 0 no errors, 2 errors (or warnings with --strict) or unreadable files.\n"
    "\n";

inline constexpr const char* kEvalFooter =
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
  std::string make_description(const CLI::App* app) const override;
  std::string make_usage(const CLI::App* app, std::string) const override;
};

// The message for an argument no command takes: a mistyped command or option, with "did you mean"
// among the commands, or among the options of `command` and of the commands above it.
UsageError unknown_argument(const std::string& arg, const CLI::App& command, bool has_command);

}  // namespace dealgate::cli
