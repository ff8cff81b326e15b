#include "cli/check_report.hpp"

#include <fmt/format.h>

#include "base/json_writer.hpp"
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
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("files").begin_array();
  for (FileId f = 0; f < c.sources.size(); ++f) json.string(c.sources.file(f).path());
  json.end_array().key("diagnostics").begin_array();
  for (const Diagnostic& d : c.diagnostics.items()) json.raw(render_json(d, c.sources));
  json.end_array();
  json.key("errors").number(c.diagnostics.error_count());
  json.key("warnings").number(c.diagnostics.warning_count());
  json.end_object();
  return out;
}

}  // namespace dealgate::cli
