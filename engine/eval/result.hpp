// What evaluating one deal produces: plain data that every output format renders. Conditions and
// blocks are plan indices, so producing a result copies no names; only paths of missing facts and
// rendered messages are text.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/enum_words.hpp"
#include "engine/eval/captured_facts.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

enum class Status : std::uint8_t { Pass, Fail, Unknown };

inline const char* status_name(Status s) {
  return s == Status::Pass ? "pass" : s == Status::Fail ? "fail" : "unknown";
}

// A fact as a condition read it, for people: `value.price` = `100000`, `<missing>`, `<invalid:
// "abc">`.
struct FactReading {
  std::string path;
  std::string value;
};

// One thing to change for a gate to pass, in plain words, under the milestone it belongs to.
struct ChecklistItem {
  BlockIndex block = 0;
  ConditionIndex condition = kNone;
  std::string text;  // the `else` message, "`expr` is false", or "cannot be decided: fill in `x`"
  std::vector<FactReading> facts;  // the facts the condition read
};

// A condition that was false or unknown and counted as satisfied, because a waiver in force for
// the deal waives it.
struct WaivedCondition {
  ConditionIndex condition = 0;
  std::uint32_t waiver = 0;  // index into Plan::waivers
};

// A waiver that names the deal (by id or by its condition), in force or expired.
struct WaiverUse {
  std::uint32_t waiver = 0;  // index into Plan::waivers
  bool expired = false;      // its last day is before the evaluation date: it does not apply
};

struct GateResult {
  BlockIndex gate = 0;
  Status status = Status::Pass;
  std::vector<ConditionIndex> failed;   // false `require`s in reached blocks, rule-file order
  std::vector<ConditionIndex> unknown;  // unknown `require`s in reached blocks, rule-file order
  std::vector<std::string> missing;     // sorted, distinct fact paths that made conditions unknown
  std::vector<std::string> invalid;     // likewise for facts whose JSON type did not fit
  std::vector<std::pair<BlockIndex, Status>>
      milestones;                        // reached blocks but the gate, rule-file order
  std::vector<ConditionIndex> warnings;  // false or unknown `warn`s in reached blocks
  std::vector<std::string> messages;     // rendered `else` messages of failed and warned conditions
  // False or unknown conditions in reached blocks that a waiver in force waived, rule-file order.
  // They are in none of the lists above and do not change the status.
  std::vector<WaivedCondition> waived;
  // With EvalOptions::checklist, for a gate that does not pass: what must change, dependencies
  // first.
  std::vector<ChecklistItem> checklist;

  void clear() {
    failed.clear();
    unknown.clear();
    missing.clear();
    invalid.clear();
    milestones.clear();
    warnings.clear();
    messages.clear();
    checklist.clear();
    waived.clear();
  }
};

// The stage audit of one deal: the phase its CRM stage claims (recorded) against the furthest phase
// its evidence supports (every gate entering that phase, and the earlier ones, passes).
struct StageAudit {
  enum class Verdict : std::uint8_t {
    Ok,        // recorded at or behind the evidence
    Ahead,     // recorded in a phase whose entry gate (or an earlier one) fails or is unknown
    Unmapped,  // the stage is not in the rule set's mapping
    Excluded,  // the stage maps to `none` ("Closed Lost"): not audited
    Missing,   // the stage fact is absent or null
    Invalid,   // the stage fact is not a string
  };
  Verdict verdict = Verdict::Ok;
  std::string value;                // the stage as recorded (Invalid: the JSON found instead)
  std::uint32_t recorded = kNone;   // phase index, when the stage maps to one
  std::uint32_t supported = kNone;  // phase index; kNone when not even the first is supported
  // Ahead: the entry gates up to the recorded phase that do not pass, with their status.
  std::vector<std::pair<BlockIndex, Status>> blocked_by;
  bool has_owner = false;  // the rule set says `by owner` and the deal names one
  std::string owner;
};

inline const char* verdict_name(StageAudit::Verdict v) {
  static constexpr const char* kNames[] = {"ok",       "ahead",   "unmapped",
                                           "excluded", "missing", "invalid"};
  return enum_word<StageAudit::Verdict::Ok, StageAudit::Verdict::Invalid>(v, kNames);
}

struct DealResult {
  std::uint64_t line = 0;         // 1-based line (JSON Lines, CSV) or position in a JSON array
  std::string id_json = "null";   // the id field's JSON value as written, or null
  std::string error;              // non-empty: the record could not be read; gates is empty
  std::vector<GateResult> gates;  // selected gates, declaration order
  // The stage audit, when the rule set declares `stages` (and the record could be read).
  bool has_stage = false;
  StageAudit stage;
  // When the rule set declares waivers: those that name this deal, in declaration order, and the
  // deal's `amount` (when the schema declares a number `amount` and the deal has one), for the
  // money they cover.
  bool has_waivers = false;
  std::vector<WaiverUse> waivers;
  bool has_amount = false;
  double amount = 0;
  // When EvalOptions::shown asks for them: the `show` declaration's facts as text (empty when
  // missing or invalid), one per Plan::shown, and the money with the currency the data gives
  // (empty when the deal names none).
  std::vector<std::string> shown;
  bool has_money = false;
  double money = 0;
  std::string currency;
  // The facts EvalOptions::capture names, in its order.
  std::vector<CapturedFact> captured;
};

}  // namespace dealgate
