// dealgate — the C++ API for programs that embed the rules engine.
//
//   #include <dealgate/dealgate.hpp>
//
//   auto compiled = dealgate::RuleSet::compile_files({"rules/"});
//   if (!compiled.ok()) { std::cerr << compiled.rendered(); return 2; }
//   dealgate::Options options;
//   options.today = "2026-11-26";
//   options.params = {{"min_roi", "4"}};
//   dealgate::Evaluator evaluator(*compiled.rules, options);   // one per thread
//   if (!evaluator.ok()) { std::cerr << evaluator.error() << '\n'; return 2; }
//   dealgate::Evaluation e = evaluator.evaluate(R"({"id":"D1","stage":"Design"})");
//   std::cout << e.to_jsonl() << '\n';   // the record of `dealgate eval --format jsonl`
//
// Guarantees that hold for every call in this header:
//   * No exception crosses the API for bad input: rules that do not compile, unreadable rule
//     files, malformed JSON, unknown gates, params of the wrong type and facts of the wrong type
//     all come back as values (diagnostics, error strings, error records). Only running out of
//     memory (std::bad_alloc) can throw.
//   * A RuleSet is immutable once compiled: any number of threads may use one RuleSet (and copies
//     of it) at the same time. An Evaluator or a FactsBuilder belongs to one thread at a time.
//   * Evaluation is deterministic and total: the same rules, options and deal give the same result,
//     in time linear in the size of the deal; rules cannot loop or touch files.
//
// The header depends on the standard library only. Types live in the inline namespace
// `dealgate::v1`, the ABI version: write `dealgate::RuleSet` as usual.
#pragma once
#define DEALGATE_PUBLIC_API_INCLUDED 1

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "dealgate/version.h"

namespace dealgate {
inline namespace v1 {

namespace detail {
struct RuleSetImpl;
struct EvaluatorImpl;
struct EvaluationRecord;
struct BuilderNode;
struct Access;
}  // namespace detail

// The library's version, "MAJOR.MINOR.PATCH" (DEALGATE_VERSION_STRING at build time of the
// library, which may differ from the header's when linking a shared library).
const char* version();

// ─── Compiling ───────────────────────────────────────────────────────────────────────────────

enum class Severity { Error, Warning };
const char* to_string(Severity severity);  // "error" or "warning"

// A problem found while compiling, as plain data. `rendered` is exactly what `dealgate check`
// prints for it: `file:line:col: error: message`, the source line, a caret, help and notes.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;        // stable kebab-case kind ("unknown-fact", "syntax", "unreadable-rules")
  std::string message;     // lowercase, names quoted in backticks
  std::string file;        // the rule file; empty when the problem has no place in a file
  std::uint32_t line = 0;  // 1-based; 0 when there is no location
  std::uint32_t column = 0;  // 1-based, in bytes; 0 when there is no location
  std::string help;          // how to mend it, or empty
  std::string rendered;      // compiler-style text, several lines, no final line break
};

// Rule text held in memory: `name` stands for the file name in diagnostics.
struct RuleSource {
  std::string name;
  std::string text;
};

struct CompileOptions {
  bool strict = false;  // warnings count as errors (the rule set is then not produced)
};

class RuleSet;
struct CompileResult;

// What one milestone or gate declares.
struct BlockInfo {
  std::string name;
  std::string label;                      // may be empty
  std::string enters;                     // the phase a gate enters, or empty
  std::vector<std::string> dependencies;  // its direct `requires`, in the order written
  std::vector<std::string> conditions;    // ids of its own conditions (`block.label`, `block.N`)
};

struct ParamInfo {
  std::string name;
  std::string type;           // "number", "string", "bool", "date", "list<string>", ...
  std::string default_value;  // rendered as in messages: `3`, `2026-11-26`, text as is
};

struct FactInfo {
  std::string path;  // `value.price`; list elements: `stakeholders[].role`
  std::string type;  // "bool", "number", "string", "date", "list", "record"
};

// A compiled rule set: immutable, thread-safe, cheap to copy (a shared pointer to the compiled
// plan). Compile once at start-up and share it; compiling the shipped rules takes a few
// milliseconds.
class RuleSet {
 public:
  // Compiles `.gate` files, or folders searched recursively for them (taken in sorted path order),
  // as one rule set, like `dealgate check`. Files that cannot be read come back as diagnostics
  // with code "unreadable-rules" and no location.
  static CompileResult compile_files(const std::vector<std::string>& paths,
                                     const CompileOptions& options = {});
  // Compiles rule text held in memory; `name` is used as its file name in diagnostics.
  static CompileResult compile_source(std::string name, std::string text,
                                      const CompileOptions& options = {});
  // Several texts compiled together as one rule set, in the order given (rule-file order).
  static CompileResult compile_sources(std::vector<RuleSource> sources,
                                       const CompileOptions& options = {});

  // Introspection. Each call builds its answer afresh (microseconds); keep it if you need it often.
  const std::string& title() const;           // `ruleset "..."`, or empty
  std::vector<std::string> phases() const;    // in order
  std::vector<BlockInfo> gates() const;       // declaration order
  std::vector<BlockInfo> milestones() const;  // rule-file order, gates excluded
  std::vector<ParamInfo> params() const;      // declaration order
  std::vector<FactInfo> facts() const;        // every declared fact path, schema order
  std::vector<std::string> files() const;     // the rule files, in rule-file order

 private:
  friend struct detail::Access;
  explicit RuleSet(std::shared_ptr<const detail::RuleSetImpl> impl);
  std::shared_ptr<const detail::RuleSetImpl> impl_;
};

struct CompileResult {
  std::optional<RuleSet> rules;         // set when there were no errors
  std::vector<Diagnostic> diagnostics;  // errors and warnings, by file and position

  bool ok() const { return rules.has_value(); }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  // Every diagnostic's `rendered` text, each followed by a line break ("" when there are none).
  std::string rendered() const;
};

// ─── Facts without JSON ──────────────────────────────────────────────────────────────────────

// A calendar date. `Date::parse("2026-11-26")` accepts exactly YYYY-MM-DD with a real day.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;  // "YYYY-MM-DD"
  friend bool operator==(const Date&, const Date&) = default;
};

// One fact value for FactsBuilder: a bool, a number, a string, a date, or null (= missing).
class Scalar {
 public:
  Scalar(std::nullptr_t) {}
  Scalar(bool b) : value_(b) {}
  template <class N, std::enable_if_t<std::is_arithmetic_v<N> && !std::is_same_v<N, bool> &&
                                          !std::is_same_v<N, char>,
                                      int> = 0>
  Scalar(N n) : value_(static_cast<double>(n)) {}
  Scalar(const char* s) : value_(std::string(s)) {}
  Scalar(std::string_view s) : value_(std::string(s)) {}
  Scalar(const std::string& s) : value_(s) {}
  Scalar(Date d) : value_(d) {}

  using Variant = std::variant<std::nullptr_t, bool, double, std::string, Date>;
  const Variant& value() const { return value_; }

 private:
  Variant value_ = nullptr;
};

// Builds one deal's facts by path, typed against a rule set's `facts` declarations, for callers
// that hold their data in variables rather than JSON:
//
//   dealgate::FactsBuilder deal(rules);
//   deal.set("id", "D1").set("value.price", 100000).set("value.confirmed", true)
//       .set("last_customer_contact", dealgate::Date{2026, 11, 20})
//       .set("solution.parameters", {"uptime", "cost"});
//   deal.add("stakeholders").set("role", "economic_buyer").set("engaged", true);
//   dealgate::Evaluation e = evaluator.evaluate(deal);
//
// A path that is not declared, or a value that does not fit the declared type, is not stored: it
// is recorded in errors() (with a "did you mean"), and evaluating a builder with errors gives an
// error record. Paths are dotted (`value.price`); list elements are reached through add(). The
// builder turns into JSON and is read by the same reader as any deal, so a deal built here and
// the same deal written as JSON evaluate identically. Costs: microseconds per deal; it allocates.
// Not thread-safe. It holds a copy of the RuleSet (a shared pointer), so it may outlive yours; it
// can only be evaluated by an Evaluator of that same rule set (or a copy of it).
class FactsBuilder {
 public:
  explicit FactsBuilder(const RuleSet& rules);
  ~FactsBuilder();
  // Movable (element builders from add() stay valid); a moved-from builder may only be destroyed
  // or assigned to.
  FactsBuilder(FactsBuilder&&) noexcept;
  FactsBuilder& operator=(FactsBuilder&&) noexcept;
  FactsBuilder(const FactsBuilder&) = delete;
  FactsBuilder& operator=(const FactsBuilder&) = delete;

  // A scalar fact (`null` makes it missing). Setting a path again replaces the value.
  FactsBuilder& set(std::string_view path, Scalar value);
  // A list of scalars: `list<string>`, `list<number>`, ...
  FactsBuilder& set(std::string_view path, std::vector<Scalar> values);
  FactsBuilder& set(std::string_view path, std::initializer_list<Scalar> values) {
    return set(path, std::vector<Scalar>(values));
  }
  // Appends an element to a list of records (`stakeholders`) and returns a builder for its fields,
  // paths relative to the element (`role`). The reference stays valid as long as this builder.
  FactsBuilder& add(std::string_view list_path);
  // The deal's id: a top-level key (`id` unless the Evaluator's Options::id_field says otherwise)
  // that need not be a declared fact. When it is declared, the value is also type-checked as one.
  FactsBuilder& set_id(Scalar value, std::string_view field = "id");
  // Forgets every value (elements included) and every error, keeping the rule set, so one builder
  // can be reused deal after deal. On an element builder: its own values, and all errors.
  void clear();

  // Problems met so far, in order: "`value.prise` is not a declared fact; did you mean ...".
  const std::vector<std::string>& errors() const { return *errors_; }
  bool ok() const { return errors_->empty(); }
  // The deal as one JSON object, keys in declaration order.
  std::string json() const;

 private:
  friend struct detail::Access;
  FactsBuilder(std::shared_ptr<const detail::RuleSetImpl> rules, std::uint32_t record_node,
               std::string prefix, std::shared_ptr<std::vector<std::string>> errors);
  void fail(std::string message);
  // The schema node `path` names from this builder; kNoNode when it names none (the reason is
  // reported) or when the builder is detached (it takes nothing, silently).
  std::uint32_t node_at(std::string_view path);

  std::shared_ptr<const detail::RuleSetImpl> rules_;
  std::unique_ptr<detail::BuilderNode> node_;
  std::string prefix_;  // the list path of an element builder, for messages
  // Shared by a builder and the element builders it made, so they report to one list.
  std::shared_ptr<std::vector<std::string>> errors_;
};

// ─── Evaluating ──────────────────────────────────────────────────────────────────────────────

// How an evaluation is run. Plain data; checked when an Evaluator is made from it.
struct Options {
  // The evaluation date, YYYY-MM-DD (`Date::to_string()` gives one). Empty: today's date in UTC,
  // taken once when the Evaluator is made.
  std::string today;
  // Overrides of the rules' `param`s, by name, values written as on the command line (`4`, `2.5`,
  // `true`, `2026-11-26`, any text for a string param). Checked against the declarations.
  std::map<std::string, std::string> params;
  // Gates to report, by name; empty: every gate, in declaration order.
  std::vector<std::string> gates;
  // The top-level field whose JSON value becomes the record's id.
  std::string id_field = "id";
};

enum class Status { Pass, Fail, Unknown };
const char* to_string(Status status);  // "pass", "fail", "unknown"

// One gate's outcome for one deal (SPEC §7).
struct GateResult {
  std::string name;
  Status status = Status::Pass;
  std::vector<std::string> failed;   // ids of false `require`s reached by the gate, rule-file order
  std::vector<std::string> unknown;  // ids of unknown `require`s, rule-file order
  std::vector<std::string> missing;  // sorted, distinct fact paths that made conditions unknown
  std::vector<std::string> invalid;  // likewise, for facts of the wrong JSON type
  std::vector<std::pair<std::string, Status>> milestones;  // every milestone reached, in order
  std::vector<std::string> warnings;                       // ids of false or unknown `warn`s
  std::vector<std::string> messages;  // rendered `else` messages, rule-file order
  // ids of false or unknown conditions that a waiver in force waived: they count as satisfied and
  // are in none of the lists above (the waivers themselves are in to_jsonl()'s `waivers`)
  std::vector<std::string> waived;
};

// One deal's outcome: either an error (the record could not be read, or the options were bad)
// or one GateResult per selected gate, in declaration order.
class Evaluation {
 public:
  std::uint64_t line = 0;        // 1-based line in a JSON Lines buffer (or position in an array)
  std::string id_json = "null";  // the id field's JSON as written (`"D1"`, `42`), or `null`
  std::string error;             // non-empty: nothing was evaluated; `gates` is empty
  std::vector<GateResult> gates;

  bool ok() const { return error.empty(); }
  // True when every reported gate passed (false for an error).
  bool passed() const;
  // The gate named `name`, or null when it was not reported.
  const GateResult* gate(std::string_view name) const;
  // The id for people: a JSON string decoded (`"D1"` → `D1`), other JSON as written, "" for null.
  std::string id() const;
  // The SPEC §7 record, exactly as `dealgate eval --format jsonl` writes it, without the line
  // break: {"id":..,"line":..,"gates":{..}} or {"line":..,"error":".."}. Rendered from the
  // evaluation as it was produced (changing the public fields above does not change it).
  std::string to_jsonl() const;

 private:
  friend class Evaluator;
  std::shared_ptr<const detail::EvaluationRecord> record_;
};

// What a batch came to. `code()` is the exit code `dealgate eval` would give for the same input.
struct BatchSummary {
  std::string error;             // the Evaluator's options were bad: nothing was read
  std::uint64_t records = 0;     // records read, error records included
  std::uint64_t not_passed = 0;  // records with some gate failed or unknown
  std::uint64_t unreadable = 0;  // error records
  int code() const { return !error.empty() ? 2 : unreadable ? 3 : not_passed ? 1 : 0; }
};

// Evaluates deals against one RuleSet with one set of Options. Holds scratch space that it
// reuses, so it belongs to one thread at a time: make one per thread (making one costs
// microseconds: the options are checked and bound once, here). Evaluating reads the deal with
// simdjson and walks the compiled plan; after the first few deals the engine itself does not
// allocate, but each Evaluation returned owns its strings (a few small allocations per gate).
// The `_jsonl` calls render straight from the engine's result and build no Evaluation.
class Evaluator {
 public:
  Evaluator(RuleSet rules, Options options = {});
  ~Evaluator();
  // Movable; a moved-from Evaluator may only be destroyed or assigned to.
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Whether the options fit the rules. When not, error() says why (an unknown gate or param, a
  // param value of the wrong type, a bad date, all with a hint; `dealgate eval` would exit with
  // code 2), and nothing is evaluated: evaluate() returns an Evaluation carrying that error, the
  // batch calls read nothing and return a summary carrying it, the `_jsonl` calls return 2 and
  // append nothing.
  bool ok() const;
  const std::string& error() const;
  const RuleSet& rules() const;
  const std::string& today() const;  // the evaluation date in use, YYYY-MM-DD

  // One deal given as one JSON object. Invalid JSON, or JSON that is not an object, gives an
  // Evaluation with `error` set and line 1.
  Evaluation evaluate(std::string_view json);
  // One deal built with a FactsBuilder made from the same rules (its errors give an error record).
  Evaluation evaluate(const FactsBuilder& facts);

  // A buffer of deals, read as `dealgate eval --facts` reads a file: JSON Lines (one object a
  // line, `line` counting every line), one JSON array of objects, or one object. `sink` sees every
  // record exactly once, in input order, error records included; the Evaluation it gets is reused
  // for the next record, so copy what you keep.
  BatchSummary evaluate_lines(std::string_view buffer,
                              const std::function<void(const Evaluation&)>& sink);
  std::vector<Evaluation> evaluate_lines(std::string_view buffer);

  // The same, appending SPEC §7 records to `out`, each followed by '\n'. The fastest path: no
  // Evaluation is built. For one JSON object, returns the exit code for that one record (0 all
  // gates passed, 1 some did not, 3 unreadable, 2 bad options).
  int evaluate_jsonl(std::string_view json, std::string& out);
  BatchSummary evaluate_lines_jsonl(std::string_view buffer, std::string& out);
  // A CSV export read as `dealgate eval --facts FILE.csv` reads it (SPEC §7): a header row of fact
  // paths, then one deal a row, each cell converted by its column's declared type; `line` is the
  // physical line, the header being line 1. Records are appended as by evaluate_lines_jsonl.
  // Header problems (a column that names no declared fact, ...) are appended to `warnings` when
  // given, one text each; a header that cannot be read at all sets the summary's `error`.
  BatchSummary evaluate_csv_jsonl(std::string_view csv, std::string& out,
                                  std::vector<std::string>* warnings = nullptr);

 private:
  std::unique_ptr<detail::EvaluatorImpl> impl_;
};

}  // namespace v1
}  // namespace dealgate
