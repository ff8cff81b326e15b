// The SPEC §7 JSON Lines record of one deal: {"id":...,"line":N,"gates":{...}}, or
// {"line":N,"error":"..."} for a record that could not be read. The one renderer of that record:
// `dealgate eval --format jsonl`, the C++ API's Evaluation::to_jsonl() and the C API all use it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.hpp"
#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate {

// Renders records of one plan. The plan's names are quoted and escaped once, up front, so a
// record costs only its own text. Immutable after construction: share it between threads.
class RecordJson {
 public:
  explicit RecordJson(const Plan& plan);
  // Appends the record to `out`, without a line break.
  void append(std::string& out, const DealResult& result) const;

 private:
  std::vector<std::string> conditions_;  // by ConditionIndex: `"value_confirmed.roi"`
  std::vector<std::string> gates_;       // by BlockIndex: `"enter_delivery":{"status":"`
  std::vector<std::string> milestones_;  // by BlockIndex: `"causes_confirmed":"`
  std::vector<std::string> waivers_;     // by waiver: `{"id":"acme",...,"expired":`
  const Plan* plan_ = nullptr;           // for the stage audit
};

// Appends the stage audit object (the extension of the SPEC §7 record when the rule set declares
// `stages`): {"recorded":"Deliver","supported":"Design","ahead":true,"value":"Proposal",...}.
void append_stage_json(std::string& out, const Plan& plan, const StageAudit& stage);

}  // namespace dealgate
