#include "engine/eval/waivers.hpp"

#include <algorithm>
#include <string>

#include "engine/eval/eval_context.hpp"
#include "base/json_text.hpp"

namespace dealgate {
namespace {

// The deal's id as text: the JSON string's contents, without a copy when it has no escapes.
std::string_view deal_id(std::string_view id_json, std::string& decoded) {
  if (id_json.size() >= 2 && id_json.front() == '"' &&
      id_json.find('\\') == std::string_view::npos) {
    return id_json.substr(1, id_json.size() - 2);
  }
  decoded = id_text(id_json);
  return decoded;
}

}  // namespace

void match_waivers(const Plan& plan, evaluation::Context& ctx, std::string_view id_json,
                   std::vector<WaiverUse>& out) {
  out.clear();
  std::string decoded;
  const std::string_view id = deal_id(id_json, decoded);
  auto named = std::lower_bound(plan.waiver_deals.begin(), plan.waiver_deals.end(), id,
                                [](const std::pair<std::string, std::uint32_t>& entry,
                                   std::string_view key) { return entry.first < key; });
  for (; named != plan.waiver_deals.end() && named->first == id; ++named)
    out.push_back({named->second, false});
  for (std::uint32_t w = 0; w < plan.waivers.size(); ++w) {
    const PlanWaiver& waiver = plan.waivers[w];
    if (waiver.when == kNone) continue;
    ctx.restart_work(waiver.when_work_scale);
    if (ctx.eval_truth(waiver.when) == evaluation::True) out.push_back({w, false});
  }
  if (out.size() > 1) {
    std::sort(out.begin(), out.end(),
              [](const WaiverUse& a, const WaiverUse& b) { return a.waiver < b.waiver; });
    out.erase(
        std::unique(out.begin(), out.end(),
                    [](const WaiverUse& a, const WaiverUse& b) { return a.waiver == b.waiver; }),
        out.end());
  }
  for (WaiverUse& use : out) use.expired = plan.waivers[use.waiver].until < ctx.today;
}

std::vector<WaiverUse> deal_waivers(const Plan& plan, const Facts& facts,
                                    const EvalOptions& options, std::string_view id_json) {
  std::vector<WaiverUse> out;
  if (plan.waivers.empty()) return out;
  std::vector<Value> defaults;
  if (!options.params) {
    for (const PlanParam& p : plan.params)
      defaults.push_back(evaluate_constant(plan, p.default_value));
  }
  std::vector<evaluation::Binding> binders(plan.max_binder_depth + 1);
  std::deque<std::string> scratch;
  evaluation::Context ctx{plan,          facts,
                          options.today, options.params ? options.params->values : defaults,
                          binders,       scratch};
  match_waivers(plan, ctx, id_json, out);
  return out;
}

std::vector<std::uint32_t> waiver_by_condition(const Plan& plan,
                                               const std::vector<WaiverUse>& uses) {
  std::vector<std::uint32_t> out;
  for (auto use = uses.rbegin(); use != uses.rend(); ++use) {
    if (use->expired) continue;
    if (out.empty()) out.assign(plan.conditions.size(), kNone);
    for (ConditionIndex c : plan.waivers[use->waiver].conditions) out[c] = use->waiver;
  }
  return out;
}

}  // namespace dealgate
