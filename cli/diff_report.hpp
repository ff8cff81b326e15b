// Output formats of `diff`: the comparison (engine/run/rule_diff.hpp) rendered for people (text) or
// tools (json, csv). Written once, after every deal was compared.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/options.hpp"
#include "cli/waiver_summary.hpp"
#include "engine/run/rule_diff.hpp"
#include "base/calendar.hpp"

namespace dealgate::cli {

struct DiffReport {
  std::string old_rules;  // as given on the command line
  std::string new_rules;
  DayNumber today = 0;
  const RuleDiff* diff = nullptr;                             // gates, tallies, counts
  std::vector<DealChanges> changes;                           // deals with some change, input order
  std::vector<std::pair<std::uint64_t, std::string>> errors;  // unreadable records: line, why
  const WaiverSummary* waivers = nullptr;  // the new rules' waivers over the deals, or null
};

// text: a summary table of the changes per gate, the waivers of both rule sets (added, removed or
// what changed, and how many deals and how much money the new ones hold for), then every changed
// deal with the conditions responsible (gates of only one side are summarised, not listed deal by
// deal).
void write_diff_text(const DiffReport& report, std::ostream& out, bool color);
// json: one document {"old_rules","new_rules","today","deals","changed","unreadable","gates",
// "changes","errors"}, and "waivers" when either rule set has some.
void write_diff_json(const DiffReport& report, std::ostream& out);
// csv: one row per changed deal and gate, and one per unreadable record:
// id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,error, and
// newly_waived,no_longer_waived when either rule set has waivers
void write_diff_csv(const DiffReport& report, std::ostream& out);

void write_diff(OutputFormat format, const DiffReport& report, std::ostream& out, bool color);

}  // namespace dealgate::cli
