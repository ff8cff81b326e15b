// Output formats of `diff`: the comparison (engine/run/rule_diff.hpp) rendered for people (text) or
// tools (json, csv). Written once, after every deal was compared.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "cli/diff_money.hpp"
#include "cli/options.hpp"
#include "cli/waiver_summary.hpp"
#include "engine/run/rule_diff.hpp"

namespace dealgate::cli {

struct DiffReport {
  std::string old_rules;  // as given on the command line
  std::string new_rules;
  DayNumber today = 0;
  const RuleDiff* diff = nullptr;                             // gates, tallies, counts
  std::vector<DealChanges> changes;                           // deals with some change, input order
  std::vector<std::pair<std::uint64_t, std::string>> errors;  // unreadable records: line, why
  const WaiverSummary* waivers = nullptr;  // the new rules' waivers over the deals, or null
  // The money the changes move and the next-phase statuses, or null; with it, `deal_money` holds
  // one entry per entry of `changes`.
  const DiffMoney* money = nullptr;
  std::vector<DealMoney> deal_money;
};

// text: a summary table of the changes per gate, the waivers of both rule sets (added, removed or
// what changed, and how many deals and how much money the new ones hold for), then every changed
// deal with the conditions responsible (gates of only one side are summarised, not listed deal by
// deal). With money (`show ... as money`): the amount of each status change, per currency, and each
// gate's total; with phases and stages, the next-phase gate's changes as one more row.
void write_diff_text(const DiffReport& report, std::ostream& out, bool color);
// json: one document {"old_rules","new_rules","today","deals","changed","unreadable","gates",
// "changes","errors"}, and "waivers" when either rule set has some; with money, "amount" on each
// status change, "moved" on each gate and "amount","currency" on each changed deal; with the next
// phase, "next_phase" after "gates" and on each changed deal.
void write_diff_json(const DiffReport& report, std::ostream& out);
// csv: one row per changed deal and gate, and one per unreadable record:
// id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,error, and
// newly_waived,no_longer_waived when either rule set has waivers, amount,currency with money; a
// deal whose next-phase status changes gets a row with the gate `(next phase)`
void write_diff_csv(const DiffReport& report, std::ostream& out);

void write_diff(OutputFormat format, const DiffReport& report, std::ostream& out, bool color);

}  // namespace dealgate::cli
