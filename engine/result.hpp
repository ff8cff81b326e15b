// What evaluating one deal produces: plain data that every output format renders. Conditions and
// blocks are plan indices, so producing a result copies no names; only paths of missing facts and
// rendered messages are text.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/plan.hpp"

namespace dealgate {

enum class Status : std::uint8_t { Pass, Fail, Unknown };

inline const char* status_name(Status s) {
  return s == Status::Pass ? "pass" : s == Status::Fail ? "fail" : "unknown";
}

// A fact as a condition read it, for people: `value.price` = `100000`, `<missing>`, `<invalid: "abc">`.
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

struct GateResult {
  BlockIndex gate = 0;
  Status status = Status::Pass;
  std::vector<ConditionIndex> failed;    // false `require`s in reached blocks, rule-file order
  std::vector<ConditionIndex> unknown;   // unknown `require`s in reached blocks, rule-file order
  std::vector<std::string> missing;      // sorted, distinct fact paths that made conditions unknown
  std::vector<std::string> invalid;      // likewise for facts whose JSON type did not fit
  std::vector<std::pair<BlockIndex, Status>> milestones;  // reached blocks but the gate, rule-file order
  std::vector<ConditionIndex> warnings;  // false or unknown `warn`s in reached blocks
  std::vector<std::string> messages;     // rendered `else` messages of failed and warned conditions
  // With EvalOptions::checklist, for a gate that does not pass: what must change, dependencies first.
  std::vector<ChecklistItem> checklist;

  void clear() {
    failed.clear(); unknown.clear(); missing.clear(); invalid.clear();
    milestones.clear(); warnings.clear(); messages.clear(); checklist.clear();
  }
};

struct DealResult {
  std::uint64_t line = 0;     // 1-based line (JSON Lines, CSV) or position in a JSON array
  std::string id_json = "null";  // the id field's JSON value as written, or null
  std::string error;          // non-empty: the record could not be read; gates is empty
  std::vector<GateResult> gates;  // selected gates, declaration order
};

}  // namespace dealgate
