#include "history/record_layout.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "base/json_text.hpp"
#include "base/suggest.hpp"
#include "engine/eval/record_json.hpp"
#include "history/sqlite.hpp"

namespace dealgate::history {
namespace {

// A top-level field of `type` called `name`, or kNoNode.
NodeIndex declared(const Plan& plan, std::string_view name, ValueType type) {
  const NodeIndex node = plan.schema.find_field(kNoNode, name);
  return node != kNoNode && plan.schema.node(node).type == type ? node : kNoNode;
}

// The shown date fact that is the close date: `path` (from --close-date-field), else the shown
// `close_date`; kNone when there is none, or with `error` set when `path` is not a shown date.
std::uint32_t close_date_of(const Plan& plan, const std::string& path, std::string& error) {
  const std::string& wanted = path.empty() ? std::string("close_date") : path;
  std::vector<std::string> dates;
  for (std::uint32_t i = 0; i < plan.shown.size(); ++i) {
    const PlanShownField& field = plan.shown[i];
    if (field.type != ValueType::Date) continue;
    if (field.path == wanted) return i;
    dates.push_back(field.path);
  }
  if (path.empty()) return kNone;
  std::string help = did_you_mean(path, dates);
  error = fmt::format(
      "--close-date-field `{}`: the rules' `show` declaration shows no date fact of that name{}",
      path, help.empty() ? "; add it to `show { ... }`" : "; " + help);
  return kNone;
}

std::optional<double> limit_of(const Plan& plan, const ExprNode& node, const ParamValues* params) {
  if (node.op == Op::Number) return node.number;
  if (node.op != Op::Param || node.type != Type::Kind::Number) return std::nullopt;
  const Value value = params != nullptr
                          ? params->values[node.slot]
                          : evaluate_constant(plan, plan.params[node.slot].default_value);
  if (value.kind != Value::Kind::Number) return std::nullopt;
  return value.number;
}

// `today - fact`: the fact it reads, or kNoNode.
NodeIndex age_of(const Plan& plan, const ExprNode& node) {
  if (node.op != Op::DateMinusDate || node.args.size() != 2) return kNoNode;
  const ExprNode& left = plan.nodes[node.args[0]];
  const ExprNode& right = plan.nodes[node.args[1]];
  if (left.op != Op::Today || right.op != Op::FactRead) return kNoNode;
  return right.fact;
}

}  // namespace

std::vector<FreshnessRule> find_freshness_rules(const Plan& plan, const ParamValues* params) {
  std::vector<FreshnessRule> rules;
  for (ConditionIndex c = 0; c < plan.conditions.size(); ++c) {
    const ExprNode& compare = plan.nodes[plan.conditions[c].expr];
    if (compare.args.size() != 2) continue;
    // `age <= limit` and `age < limit`, or `limit >= age` and `limit > age`.
    bool strict = false;
    std::size_t age_side = 0;
    if (compare.op == Op::LessEqual || compare.op == Op::Less) {
      strict = compare.op == Op::Less;
    } else if (compare.op == Op::GreaterEqual || compare.op == Op::Greater) {
      strict = compare.op == Op::Greater;
      age_side = 1;
    } else {
      continue;
    }
    const NodeIndex fact = age_of(plan, plan.nodes[compare.args[age_side]]);
    const std::optional<double> limit =
        limit_of(plan, plan.nodes[compare.args[1 - age_side]], params);
    if (fact == kNoNode || !limit || !std::isfinite(*limit) || std::fabs(*limit) > 1e6) continue;
    // The age is a whole number of days: `age <= L` turns false at floor(L) + 1, `age < L` at
    // ceil(L).
    const double offset = strict ? std::ceil(*limit) : std::floor(*limit) + 1;
    rules.push_back({c, fact, static_cast<DayNumber>(offset)});
  }
  return rules;
}

std::uint32_t RecordLayout::add_capture(NodeIndex node) {
  for (std::uint32_t i = 0; i < capture_.size(); ++i) {
    if (capture_[i] == node) return i;
  }
  capture_.push_back(node);
  return static_cast<std::uint32_t>(capture_.size() - 1);
}

std::optional<RecordLayout> RecordLayout::make(const Plan& plan, const RecordFields& fields,
                                               const ParamValues* params, std::string& error) {
  RecordLayout layout;
  if (!plan.stages) {
    layout.stage_ = declared(plan, "stage", ValueType::String);
    if (layout.stage_ != kNoNode) layout.stage_at_ = layout.add_capture(layout.stage_);
  }
  if (plan.money) layout.amount_ = plan.money->field;
  layout.close_date_ = close_date_of(plan, fields.close_date, error);
  if (!error.empty()) return std::nullopt;
  layout.freshness_ = find_freshness_rules(plan, params);
  for (const FreshnessRule& rule : layout.freshness_)
    layout.freshness_at_.push_back(layout.add_capture(rule.fact));
  return layout;
}

void RecordLayout::append(const DealResult& result, RowBatch& batch) const {
  DealRow& deal = batch.deals.emplace_back();
  deal.line = result.line;
  if (result.id_json != "null") deal.deal = id_text(result.id_json);
  if (!result.error.empty()) {
    deal.error = result.error;
    return;
  }
  auto captured = [&](std::uint32_t at) -> const CapturedFact* {
    if (at == kNone || at >= result.captured.size() || !result.captured[at].present) return nullptr;
    return &result.captured[at];
  };
  if (result.has_stage) {
    const auto verdict = result.stage.verdict;
    if (verdict != StageAudit::Verdict::Missing && verdict != StageAudit::Verdict::Invalid)
      deal.stage = result.stage.value;
  } else if (const CapturedFact* stage = captured(stage_at_)) {
    deal.stage = stage->text;
  }
  if (result.has_money) {
    deal.amount = result.money;
    if (!result.currency.empty()) deal.currency = result.currency;
  }
  // A shown fact that is missing or invalid is shown empty, and kept as absent.
  if (close_date_ != kNone && close_date_ < result.shown.size())
    deal.close_date = parse_date(result.shown[close_date_]);
  std::size_t last_shown = result.shown.size();
  while (last_shown > 0 && result.shown[last_shown - 1].empty()) --last_shown;
  if (last_shown > 0) {
    deal.fields.push_back('[');
    for (std::size_t i = 0; i < last_shown; ++i) {
      if (i > 0) deal.fields += ',';
      if (result.shown[i].empty()) {
        deal.fields += "null";
      } else {
        append_json_string(deal.fields, result.shown[i]);
      }
    }
    deal.fields += ']';
  }
  auto append_names = [&](const std::vector<ConditionIndex>& conditions) {
    deal.conditions += '[';
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      if (i > 0) deal.conditions += ',';
      fmt::format_to(std::back_inserter(deal.conditions), "{}", condition_names_[conditions[i]]);
    }
    deal.conditions += ']';
  };
  bool all_pass = true;
  for (const GateResult& gate : result.gates) {
    deal.statuses += status_letter(gate.status);
    all_pass = all_pass && gate.status == Status::Pass;
  }
  if (!all_pass) {
    deal.conditions += '[';
    for (std::size_t g = 0; g < result.gates.size(); ++g) {
      const GateResult& gate = result.gates[g];
      if (g > 0) deal.conditions += ',';
      if (gate.status == Status::Pass) {
        deal.conditions += "null";
        continue;
      }
      deal.conditions += '[';
      append_names(gate.failed);
      deal.conditions += ',';
      append_names(gate.unknown);
      deal.conditions += ']';
    }
    deal.conditions += ']';
  }
  bool any_confirmed = false;
  for (std::size_t i = 0; i < freshness_.size(); ++i) {
    const CapturedFact* date = captured(freshness_at_[i]);
    const std::optional<DayNumber> day = date ? parse_date(date->text) : std::nullopt;
    deal.confirmed += i == 0 ? '[' : ',';
    if (day) {
      fmt::format_to(std::back_inserter(deal.confirmed), "{}", *day);
      any_confirmed = true;
    } else {
      deal.confirmed += "null";
    }
  }
  if (any_confirmed) {
    deal.confirmed += ']';
  } else {
    deal.confirmed.clear();
  }
}

}  // namespace dealgate::history
