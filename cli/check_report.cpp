#include "cli/check_report.hpp"

#include <fmt/format.h>

#include "cli/plural.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate::cli {

std::string check_summary_line(const Compilation& c) {
  const std::size_t files = c.sources.size();
  std::string what = files == 1 ? c.sources.file(0).path() : count_of(files, "file");
  // Waivers are counted only where there are some, so the line of a rule set without stays as it
  // was.
  std::string waivers = c.stats.waivers > 0 ? ", " + count_of(c.stats.waivers, "waiver") : "";
  return fmt::format("{}: {}, {}, {}{}; {}, {}", what, count_of(c.stats.milestones, "milestone"),
                     count_of(c.stats.gates, "gate"), count_of(c.stats.tests, "test"), waivers,
                     count_of(c.diagnostics.error_count(), "error"),
                     count_of(c.diagnostics.warning_count(), "warning"));
}

std::string check_json(const Compilation& c) {
  std::string out = "{\"files\":[";
  for (FileId f = 0; f < c.sources.size(); ++f) {
    out += fmt::format("{}\"{}\"", f ? "," : "", json_escape(c.sources.file(f).path()));
  }
  out += "],\"diagnostics\":[";
  bool first = true;
  for (const Diagnostic& d : c.diagnostics.items()) {
    if (!first) out += ',';
    first = false;
    out += render_json(d, c.sources);
  }
  out += fmt::format("],\"errors\":{},\"warnings\":{}}}", c.diagnostics.error_count(),
                     c.diagnostics.warning_count());
  return out;
}

}  // namespace dealgate::cli
