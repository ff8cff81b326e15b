// Evaluates deals: every block a selected gate reaches, once per deal, then the gate results in
// rule-file order.
#include "engine/eval/evaluator.hpp"

#include <algorithm>
#include <type_traits>

#include "engine/eval/captured_facts.hpp"
#include "engine/eval/checklist.hpp"
#include "engine/eval/eval_context.hpp"
#include "engine/eval/shown.hpp"
#include "engine/eval/stage_audit.hpp"
#include "engine/eval/waivers.hpp"

namespace dealgate {
namespace {

using namespace evaluation;

// Keeps the buffers of the strings a result drops, to fill the next result's strings without
// allocating: a long run reaches a steady state where no message or path costs a heap block.
class StringPool {
 public:
  void clear(std::vector<std::string>& list) {
    for (std::string& s : list) spare_.push_back(std::move(s));
    list.clear();
  }
  void push(std::vector<std::string>& list, std::string_view text) {
    if (spare_.empty()) {
      list.emplace_back(text);
      return;
    }
    list.push_back(std::move(spare_.back()));
    spare_.pop_back();
    list.back().assign(text);
  }
  // Sorts pointers, then moves each string once: sorting the strings themselves moved them
  // (32 bytes each) over and over, and was a tenth of `eval`'s instructions on the shipped rules.
  void sort_unique(std::vector<std::string>& v) {
    if (v.size() < 2) return;  // most results: nothing missing, or one path
    order_.clear();
    for (std::string& text : v) order_.push_back(&text);
    std::sort(order_.begin(), order_.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    sorted_.clear();
    for (std::string* text : order_) {
      if (!sorted_.empty() && sorted_.back() == *text) {
        spare_.push_back(std::move(*text));
      } else {
        sorted_.push_back(std::move(*text));
      }
    }
    v.swap(sorted_);
  }

 private:
  std::vector<std::string> spare_;
  std::vector<std::string*> order_;
  std::vector<std::string> sorted_;  // the strings of the last sort moved out: empty shells
};

}  // namespace

struct Evaluator::State {
  std::vector<Binding> binders;
  std::deque<std::string> scratch;
  std::vector<Truth> condition_truth;
  std::vector<Causes> condition_causes;
  std::vector<std::string> condition_message;
  // Only with EvalOptions::checklist: the message as the checklist words it (as `explain` does),
  // where a value that cannot be worked out reads `<missing>` whatever the cause.
  std::vector<std::string> checklist_message;
  std::vector<Status> block_status;
  // A block (a condition) was evaluated for the current deal when its epoch is the current one:
  // a new deal starts by counting up, instead of clearing what the last deal evaluated.
  std::uint32_t epoch = 0;
  std::vector<std::uint32_t> block_epoch;
  std::vector<std::uint32_t> condition_epoch;
  std::vector<Value> default_params;
  StringPool strings;
  // Waivers in force for the current deal: a condition is waived when its waiver_epoch is the
  // current epoch, by waiver_of. `deal_waived` says whether any is, so that a deal without one
  // never looks at the per-condition arrays.
  bool deal_waived = false;
  std::vector<std::uint32_t> waiver_epoch;
  std::vector<std::uint32_t> waiver_of;
};

void Evaluator::match_waivers(Context& ctx, DealResult& result) {
  State& s = *state_;
  dealgate::match_waivers(plan_, ctx, result.id_json, result.waivers);
  // Marked last to first, so that the first waiver in force (declaration order) is the one a
  // waived condition is reported with.
  for (auto use = result.waivers.rbegin(); use != result.waivers.rend(); ++use) {
    if (use->expired) continue;
    s.deal_waived = true;
    for (ConditionIndex c : plan_.waivers[use->waiver].conditions) {
      s.waiver_epoch[c] = s.epoch;
      s.waiver_of[c] = use->waiver;
    }
  }
  if (!result.waivers.empty() && plan_.amount_slot != kNone &&
      plan_.amount_slot < ctx.facts.top.size()) {
    const FactValue& amount = ctx.facts.top[plan_.amount_slot];
    result.has_amount = amount.state == FactState::Present;
    result.amount = result.has_amount ? amount.number : 0;
  }
}

Evaluator::Evaluator(const Plan& plan) : plan_(plan), state_(std::make_shared<State>()) {
  State& s = *state_;
  s.binders.resize(plan.max_binder_depth + 1);
  s.condition_truth.assign(plan.conditions.size(), NotEvaluated);
  s.condition_causes.resize(plan.conditions.size());
  s.condition_message.resize(plan.conditions.size());
  s.checklist_message.resize(plan.conditions.size());
  s.block_status.assign(plan.blocks.size(), Status::Pass);
  s.block_epoch.assign(plan.blocks.size(), 0);
  s.condition_epoch.assign(plan.conditions.size(), 0);
  if (!plan.waivers.empty()) {
    s.waiver_epoch.assign(plan.conditions.size(), 0);
    s.waiver_of.assign(plan.conditions.size(), 0);
  }
  for (const PlanParam& p : plan.params)
    s.default_params.push_back(evaluate_constant(plan, p.default_value));
}

void Evaluator::evaluate(const Facts& facts, const EvalOptions& options, DealResult& result) {
  State& s = *state_;
  const std::vector<Value>& params = options.params ? options.params->values : s.default_params;
  Context ctx{plan_, facts, options.today, params, s.binders, s.scratch};
  if (++s.epoch == 0) {  // wrapped around: no stale epoch may look current
    std::fill(s.block_epoch.begin(), s.block_epoch.end(), 0);
    std::fill(s.condition_epoch.begin(), s.condition_epoch.end(), 0);
    std::fill(s.waiver_epoch.begin(), s.waiver_epoch.end(), 0);
    s.epoch = 1;
  }
  s.scratch.clear();
  s.deal_waived = false;
  result.has_waivers = !plan_.waivers.empty();
  result.has_amount = false;
  if (result.has_waivers) match_waivers(ctx, result);
  if (options.shown) read_shown(plan_, facts, result);
  // The per-condition loops below are compiled twice (`Waived` is std::true_type or false_type):
  // a deal with no waiver in force runs them without a look at waivers.
  auto is_waived = [&](ConditionIndex ci, auto waived) {
    if constexpr (decltype(waived)::value) {
      return s.waiver_epoch[ci] == s.epoch;
    } else {
      (void)ci;
      return false;
    }
  };

  auto render_message = [&](const PlanCondition& c, std::string& text, std::string* checklist) {
    text.clear();
    if (checklist) checklist->clear();
    for (const MessagePiece& piece : c.message) {
      if (piece.expr == kNone) {
        text += piece.text;
        if (checklist) *checklist += piece.text;
        continue;
      }
      const std::size_t start = text.size();
      Value v = ctx.eval(piece.expr);
      if (!v.is_unknown()) {
        render_to(ctx, v, text);
        if (checklist) checklist->append(text, start);
        continue;
      }
      Causes why;
      ctx.collect_causes(piece.expr, why);
      text += !why.missing.empty() ? "<missing>" : !why.invalid.empty() ? "<invalid>" : "<unknown>";
      if (checklist) *checklist += "<missing>";
    }
  };

  auto evaluate_block_with = [&](BlockIndex b, auto waived) {
    const PlanBlock& block = plan_.blocks[b];
    bool failed = false, unknown = false;
    for (BlockIndex dep : block.requires_blocks) {
      failed = failed || s.block_status[dep] == Status::Fail;
      unknown = unknown || s.block_status[dep] == Status::Unknown;
    }
    for (ConditionIndex ci : block.conditions) {
      const PlanCondition& c = plan_.conditions[ci];
      ctx.restart_work(c);  // its causes and message are paid from the same budget
      const Truth t = ctx.eval_truth(c.expr);
      s.condition_truth[ci] = t;
      s.condition_epoch[ci] = s.epoch;
      if (t == Unknown) {
        Causes& why = s.condition_causes[ci];
        why.missing.clear();
        why.invalid.clear();
        why.other.clear();
        ctx.collect_causes(c.expr, why);
      }
      if (is_waived(ci, waived)) continue;  // satisfied, however it came out; reported as waived
      bool reported = c.is_warning ? t != True : t == False;
      if (reported && c.has_message)
        render_message(c, s.condition_message[ci],
                       options.checklist ? &s.checklist_message[ci] : nullptr);
      if (!c.is_warning) {
        failed = failed || t == False;
        unknown = unknown || t == Unknown;
      }
    }
    s.block_status[b] = failed ? Status::Fail : unknown ? Status::Unknown : Status::Pass;
    s.block_epoch[b] = s.epoch;
  };
  auto evaluate_block = [&](BlockIndex b) {
    if (s.deal_waived) {
      evaluate_block_with(b, std::true_type());
    } else {
      evaluate_block_with(b, std::false_type());
    }
  };

  // A block's conditions into the gate's result: failed, unknown, warnings, messages, waived.
  auto collect = [&](GateResult& out, BlockIndex b, auto waived) {
    for (ConditionIndex ci : plan_.blocks[b].conditions) {
      const PlanCondition& c = plan_.conditions[ci];
      Truth t = s.condition_truth[ci];
      if (is_waived(ci, waived)) {
        if (t != True) out.waived.push_back({ci, s.waiver_of[ci]});
        continue;
      }
      if (c.is_warning) {
        if (t != True) out.warnings.push_back(ci);
      } else if (t == False) {
        out.failed.push_back(ci);
      } else if (t == Unknown) {
        out.unknown.push_back(ci);
      }
      if (t == Unknown) {
        const Causes& why = s.condition_causes[ci];
        for (const std::string& path : why.missing) s.strings.push(out.missing, path);
        for (const std::string& path : why.invalid) s.strings.push(out.invalid, path);
      }
      bool reported = c.is_warning ? t != True : t == False;
      if (reported && c.has_message) s.strings.push(out.messages, s.condition_message[ci]);
    }
  };

  const std::vector<BlockIndex>& gates = options.gates.empty() ? plan_.gates : options.gates;
  result.gates.resize(gates.size());
  for (std::size_t g = 0; g < gates.size(); ++g) {
    const PlanBlock& gate = plan_.blocks[gates[g]];
    for (BlockIndex b : gate.evaluation_order) {
      if (s.block_epoch[b] != s.epoch) evaluate_block(b);
    }
    GateResult& out = result.gates[g];
    out.failed.clear();
    out.unknown.clear();
    out.milestones.clear();
    out.warnings.clear();
    out.checklist.clear();
    out.waived.clear();
    s.strings.clear(out.missing);
    s.strings.clear(out.invalid);
    s.strings.clear(out.messages);
    out.gate = gates[g];
    out.status = s.block_status[gates[g]];
    for (BlockIndex b : gate.reach) {
      if (b != gates[g]) out.milestones.emplace_back(b, s.block_status[b]);
      if (s.deal_waived) {
        collect(out, b, std::true_type());
      } else {
        collect(out, b, std::false_type());
      }
    }
    s.strings.sort_unique(out.missing);
    s.strings.sort_unique(out.invalid);
    if (options.checklist && out.status != Status::Pass) {
      // From the outcomes worked out above, in the order `explain` lists them: every condition
      // of the gate and the milestones it requires that keeps it from passing.
      for (BlockIndex b : gate.evaluation_order) {
        for (ConditionIndex ci : plan_.blocks[b].conditions) {
          const PlanCondition& c = plan_.conditions[ci];
          const Truth t = s.condition_truth[ci];
          if (c.is_warning || t == True || (s.deal_waived && is_waived(ci, std::true_type())))
            continue;
          std::vector<FactReading> read;
          facts_read(ctx, c.expr, read);
          if (t == False) {
            static const std::string no_message;
            out.checklist.push_back(false_item(ctx, b, ci, c,
                                               c.has_message ? s.checklist_message[ci] : no_message,
                                               std::move(read)));
          } else {
            out.checklist.push_back(unknown_item(b, ci, s.condition_causes[ci], std::move(read)));
          }
        }
      }
    }
  }

  result.has_stage = plan_.stages.has_value();
  if (result.has_stage) {
    // Every gate that enters a phase counts, whether or not it was selected for the report.
    for (const std::vector<BlockIndex>& entry : plan_.stages->entry_gates) {
      for (BlockIndex g : entry) {
        for (BlockIndex b : plan_.blocks[g].evaluation_order) {
          if (s.block_epoch[b] != s.epoch) evaluate_block(b);
        }
      }
    }
    audit_stage(plan_, facts, s.block_status, result.stage);
  }
  capture_facts(plan_, facts, options.capture, result.captured);
}

ConditionOutcome Evaluator::outcome(ConditionIndex condition) const {
  const State& s = *state_;
  if (s.condition_epoch[condition] != s.epoch) return ConditionOutcome::NotEvaluated;
  return static_cast<ConditionOutcome>(s.condition_truth[condition]);
}

Value evaluate_constant(const Plan& plan, ExprIndex node) {
  static const Facts no_facts;
  std::vector<Value> no_params;
  std::vector<Binding> binders(plan.max_binder_depth + 2);
  std::deque<std::string> scratch;
  Context ctx{plan, no_facts, 0, no_params, binders, scratch};
  Value v = ctx.eval(node);
  // Strings made during evaluation die with `scratch`; constants only ever point into the plan.
  if (v.kind == Value::Kind::String && !scratch.empty()) {
    for (const std::string& s : scratch) {
      if (v.text.data() >= s.data() && v.text.data() <= s.data() + s.size())
        return Value::unknown();
    }
  }
  return v;
}

std::string render_value(const Plan& plan, const Facts& facts, const Value& value) {
  std::vector<Value> no_params;
  std::vector<Binding> binders(plan.max_binder_depth + 2);
  std::deque<std::string> scratch;
  Context ctx{plan, facts, 0, no_params, binders, scratch};
  return render(ctx, value);
}

}  // namespace dealgate
