#include "cli/report_trends.hpp"

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/report_html.hpp"
#include "cli/waiver_summary.hpp"
#include "history/schema.hpp"

namespace dealgate::cli {
namespace {

constexpr const char* kColors[] = {"var(--pass)", "var(--fail)", "var(--unknown)"};

// A small stacked bar in the style of the page's gate bars.
void mini_bar(std::string& out, const history::GateTrend& gate) {
  constexpr double kWidth = 240, kHeight = 14;
  const std::int64_t counts[3] = {gate.pass, gate.fail, gate.unknown};
  const std::int64_t total = gate.pass + gate.fail + gate.unknown;
  out += fmt::format(
      "<svg class=\"stacked\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{} pass, {} fail, {} unknown\">",
      kWidth, kHeight, kWidth, kHeight, gate.pass, gate.fail, gate.unknown);
  double x = 0;
  for (int s = 0; s < 3 && total > 0; ++s) {
    const double w = kWidth * static_cast<double>(counts[s]) / static_cast<double>(total);
    out +=
        fmt::format("<rect x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"></rect>",
                    x, w, kHeight, kColors[s]);
    x += w;
  }
  out += "</svg>";
}

}  // namespace

std::string trends_html(const std::vector<history::RunTrend>& runs) {
  std::string out = "<section id=\"trends\">\n<h2>Trends over the recorded runs</h2>\n";
  if (runs.empty()) {
    out += "<p class=\"empty\">The history holds no run yet.</p>\n</section>\n";
    return out;
  }
  out += fmt::format("<p class=\"lead\">{} recorded run{}, {} to {}.</p>\n", runs.size(),
                     runs.size() == 1 ? "" : "s", format_date(runs.front().today),
                     format_date(runs.back().today));
  for (const history::RunTrend& run : runs) {
    if (run.rules_changed) {
      out += fmt::format(
          "<p class=\"rule-change\" data-week=\"{}\">The rules changed in the run of {} (hash "
          "{}): a change in the figures from then on may come from the rules, not the deals.</p>\n",
          format_date(run.today), format_date(run.today), html_escape(run.rules_hash));
    }
  }
  out +=
      "<table class=\"trends\">\n<thead><tr><th>Run</th><th>Gate</th><th>Pass / fail / "
      "unknown</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th><th "
      "class=\"num\">Unknown</th><th class=\"num\">Money ready</th><th class=\"num\">Money at "
      "risk</th><th class=\"num\">Regressions</th></tr></thead>\n<tbody>\n";
  for (const history::RunTrend& run : runs) {
    const std::string week = format_date(run.today);
    for (const history::GateTrend& gate : run.gates) {
      out += fmt::format(
          "<tr data-week=\"{}\" data-gate=\"{}\" data-pass=\"{}\" data-fail=\"{}\" "
          "data-unknown=\"{}\" data-ready=\"{}\" data-at-risk=\"{}\" data-regressions=\"{}\">"
          "<td>{}{}</td><td>{}</td><td>",
          week, html_escape(gate.gate), gate.pass, gate.fail, gate.unknown,
          fmt::format("{:.2f}", gate.money_ready), fmt::format("{:.2f}", gate.money_at_risk),
          gate.regressions, week, run.rules_changed ? " \u2020" : "", html_escape(gate.gate));
      mini_bar(out, gate);
      out += fmt::format(
          "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
          gate.pass, gate.fail, gate.unknown, format_money(gate.money_ready),
          format_money(gate.money_at_risk), gate.regressions);
    }
  }
  out += "</tbody>\n</table>\n";
  bool any_phase = false;
  for (const history::RunTrend& run : runs) any_phase = any_phase || !run.phases.empty();
  if (any_phase) {
    out +=
        "<h3>Readiness per phase</h3>\n<table class=\"trends\">\n<thead><tr><th>Run</th><th>"
        "Phase</th><th class=\"num\">Ready deals</th><th class=\"num\">Deals</th><th "
        "class=\"num\">Share</th></tr></thead>\n<tbody>\n";
    for (const history::RunTrend& run : runs) {
      for (const history::PhaseTrend& phase : run.phases) {
        const double share = phase.deals > 0 ? 100.0 * static_cast<double>(phase.ready) /
                                                   static_cast<double>(phase.deals)
                                             : 0;
        out += fmt::format(
            "<tr data-week=\"{}\" data-phase=\"{}\" data-ready=\"{}\" data-deals=\"{}\"><td>{}"
            "</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{:.0f}%</td></tr>\n",
            format_date(run.today), html_escape(phase.phase), phase.ready, phase.deals,
            format_date(run.today), html_escape(phase.phase), phase.ready, phase.deals, share);
      }
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
  return out;
}

bool read_trends_html(const std::string& path, std::string& html, const Io& io, int& exit_code) {
  try {
    std::unique_ptr<history::Connection> db = history::open_history(path, history::Access::Read);
    html = trends_html(history::history_trends(*db));
    return true;
  } catch (const history::HistoryError& e) {
    print_error(io.err, e.what(), e.help(), io.err_color);
    exit_code = kExitInput;
    return false;
  }
}

}  // namespace dealgate::cli
