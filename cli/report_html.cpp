#include "cli/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/stage_summary.hpp"
#include "cli/summary.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"
#include "base/json_text.hpp"

namespace dealgate::cli {
namespace {

constexpr std::size_t kTopConditions = 10;
constexpr std::size_t kTopFacts = 10;

constexpr const char* kStyle = R"css(
:root { --pass: #2e7d32; --fail: #c62828; --unknown: #ef8f00; --ink: #1d2733; --muted: #5b6878;
  --line: #dde3ea; --bg: #f5f7fa; --card: #ffffff; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
header { background: #14304f; color: #fff; padding: 22px 32px 18px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
header .meta { margin: 0; color: #c9d6e5; font-size: 13px; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 32px 40px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px;
  margin: 0 0 20px; }
h2 { margin: 0 0 4px; font-size: 18px; }
h3 { margin: 14px 0 6px; font-size: 14px; color: var(--muted); font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; }
.lead { margin: 0 0 12px; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 14px;
  background: none; border: 0; padding: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
.card .value { font-size: 30px; font-weight: 700; }
.card .label { color: var(--muted); font-size: 13px; }
.card.alert .value { color: var(--fail); }
.gate-row { display: grid; grid-template-columns: 280px 1fr; gap: 16px; align-items: center;
  padding: 8px 0; border-top: 1px solid var(--line); }
.gate-row:first-of-type { border-top: 0; }
.gate-name strong { display: block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 13px; }
.gate-name span { color: var(--muted); font-size: 13px; }
svg { display: block; max-width: 100%; height: auto; }
svg.stacked { width: 100%; }
td.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.seg-label { fill: #fff; font-weight: 600; }
.legend { display: flex; gap: 18px; color: var(--muted); font-size: 13px; margin-top: 8px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px;
  vertical-align: -1px; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.two-col > div { min-width: 0; overflow-x: auto; }
#deals { overflow-x: auto; }
@media (max-width: 900px) { .two-col, .gate-row { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
#deal-table th { cursor: pointer; user-select: none; }
#deal-table th[aria-sort="ascending"]::after { content: " \25B2"; font-size: 10px; }
#deal-table th[aria-sort="descending"]::after { content: " \25BC"; font-size: 10px; }
td.todo { min-width: 340px; max-width: 520px; }
th.gate { white-space: normal; }
td.todo li, .facts, .cid { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; white-space: nowrap; }
.pill.pass { background: var(--pass); } .pill.fail { background: var(--fail); }
.pill.unknown { background: var(--unknown); } .pill.ahead { background: var(--fail); }
.pill.ok { background: var(--pass); } .pill.muted { background: #8b97a6; }
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0 12px; flex-wrap: wrap; }
.controls input, .controls select { font: inherit; padding: 6px 10px; border: 1px solid #b9c4d0;
  border-radius: 6px; }
.controls input { min-width: 300px; }
#shown { color: var(--muted); font-size: 13px; }
details summary { cursor: pointer; color: var(--accent); }
details ul { margin: 4px 0 8px; padding-left: 18px; }
details h4 { margin: 8px 0 2px; font-size: 13px; }
details .milestone { color: var(--muted); font-size: 12px; margin-top: 4px; }
.facts { color: var(--muted); font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.cid { color: var(--muted); font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.note { color: var(--muted); font-size: 13px; }
.empty { color: var(--muted); font-style: italic; }
footer { text-align: center; color: var(--muted); font-size: 12px; padding: 0 0 24px; }
)css";

// Sorting and filtering of the deal table. The page works without it; when it ran to the end,
// <html data-ready="ok"> tells a test (or a curious reader) that the script had no error.
constexpr const char* kScript = R"js(
(function () {
  var table = document.getElementById('deal-table');
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById('filter');
    var show = document.getElementById('show');
    var shown = document.getElementById('shown');
    rows.forEach(function (row) {
      var text = [];
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (!cell.classList.contains('todo')) text.push(cell.textContent);
      });
      row.setAttribute('data-search', text.join(' ').toLowerCase());
    });
    var apply = function () {
      var query = filter.value.trim().toLowerCase();
      var mode = show.value;
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!query || row.getAttribute('data-search').indexOf(query) >= 0) &&
          (mode === 'all' || row.getAttribute('data-' + mode) === '1');
        row.hidden = !visible;
        if (visible) count++;
      });
      shown.textContent = count + ' of ' + rows.length + ' deals shown';
    };
    filter.addEventListener('input', apply);
    show.addEventListener('change', apply);
    var headers = table.tHead.rows[0].cells;
    var key = function (row, column) {
      var cell = row.cells[column];
      var value = cell.getAttribute('data-sort');
      return value === null ? cell.textContent.trim() : value;
    };
    Array.prototype.forEach.call(headers, function (th, column) {
      if (th.classList.contains('todo')) return;
      th.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          var nx = Number(x), ny = Number(y);
          var order = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny
            : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
  }
  document.documentElement.setAttribute('data-ready', 'ok');
})();
)js";

const char* kStatusColor[] = {"var(--pass)", "var(--fail)", "var(--unknown)"};

std::string esc(std::string_view text) {
  return html_escape(text);
}

// A label for an SVG row, shortened so it fits beside the bars; the full text goes in <title>.
std::string short_label(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

// How the deal table names a verdict that is neither "in line" nor "ahead".
const char* verdict_label(StageAudit::Verdict v) {
  switch (v) {
    case StageAudit::Verdict::Unmapped:
      return "stage not mapped";
    case StageAudit::Verdict::Excluded:
      return "not audited";
    case StageAudit::Verdict::Missing:
      return "no stage";
    case StageAudit::Verdict::Invalid:
      return "invalid stage";
    default:
      return verdict_name(v);
  }
}

int status_order(Status s) {
  return s == Status::Fail ? 0 : s == Status::Unknown ? 1 : 2;
}

class Report {
 public:
  Report(const Plan& plan, const std::vector<DealResult>& deals, const ReportMeta& meta)
      : plan_(plan), deals_(deals), meta_(meta), summary_(plan), stages_(plan), waivers_(plan) {
    for (const DealResult& d : deals_) {
      summary_.add(d);
      stages_.add(d);
      waivers_.add(d);
    }
    owner_ = plan_.stages && plan_.stages->owner_slot != kNone;
  }

  std::string build(std::string_view trends) {
    const std::string title = plan_.title.empty() ? std::string("Pipeline review") : plan_.title;
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += fmt::format("<title>Pipeline review \u2014 {}</title>\n", esc(title));
    out_ += "<style>";
    out_ += kStyle;
    out_ += "</style>\n</head>\n<body>\n<header>\n";
    out_ += fmt::format("<h1>{}</h1>\n", esc(title));
    out_ += fmt::format(
        "<p class=\"meta\">Pipeline review \u00b7 {} deal{} \u00b7 evaluated as of {} \u00b7 "
        "rules: {} "
        "\u00b7 deals: {}</p>\n</header>\n<main>\n",
        summary_.evaluated(), summary_.evaluated() == 1 ? "" : "s", esc(meta_.today),
        esc(meta_.rules), esc(meta_.facts));
    cards();
    out_ += trends;
    gates();
    blockers();
    if (plan_.stages) stage_audit();
    if (!plan_.waivers.empty()) waivers();
    deal_table();
    out_ += "</main>\n";
    out_ += fmt::format(
        "<footer>Generated by {} from the rule set \u201c{}\u201d. Statuses: pass, fail, "
        "or unknown when facts are missing or invalid.</footer>\n",
        esc(meta_.generated_by), esc(title));
    out_ += "<script>";
    out_ += kScript;
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void cards() {
    out_ += "<section class=\"cards\" id=\"overview\">\n";
    card(fmt::format("{}", summary_.evaluated()), "deals evaluated", false);
    std::uint64_t all_pass = 0;
    for (const DealResult& d : deals_) {
      if (!d.error.empty()) continue;
      bool pass = std::all_of(d.gates.begin(), d.gates.end(),
                              [](const GateResult& g) { return g.status == Status::Pass; });
      all_pass += pass ? 1 : 0;
    }
    card(fmt::format("{}", all_pass), "deals passing every gate", false);
    if (plan_.stages) {
      card(fmt::format("{}", stages_.count(StageAudit::Verdict::Ahead)),
           fmt::format("deals ahead of their evidence (of {} audited)", stages_.audited()),
           stages_.count(StageAudit::Verdict::Ahead) > 0);
    }
    if (summary_.unreadable() > 0) {
      card(fmt::format("{}", summary_.unreadable()), "records that could not be read", true);
    }
    out_ += "</section>\n";
  }

  void card(const std::string& value, const std::string& label, bool alert) {
    out_ += fmt::format(
        "<div class=\"card{}\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>\n",
        alert ? " alert" : "", esc(value), esc(label));
  }

  // A stacked bar of pass / fail / unknown counts.
  void stacked_bar(const std::uint64_t counts[3], std::string_view gate) {
    constexpr double kWidth = 640, kHeight = 30;
    const std::uint64_t total = counts[0] + counts[1] + counts[2];
    out_ += fmt::format(
        "<svg class=\"stacked\" data-gate=\"{}\" data-total=\"{}\" viewBox=\"0 0 {} {}\" "
        "width=\"{}\" "
        "height=\"{}\" role=\"img\" aria-label=\"{}: {} pass, {} fail, {} unknown\">",
        esc(gate), total, kWidth, kHeight, kWidth, kHeight, esc(gate), counts[0], counts[1],
        counts[2]);
    if (total == 0) {
      out_ += fmt::format(
          "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#e4e9ef\"/>", kWidth,
          kHeight);
    }
    double x = 0;
    static const char* kNames[] = {"pass", "fail", "unknown"};
    for (int s = 0; s < 3; ++s) {
      if (counts[s] == 0) continue;
      const double w = kWidth * static_cast<double>(counts[s]) / static_cast<double>(total);
      out_ += fmt::format(
          "<rect class=\"seg\" data-status=\"{}\" data-count=\"{}\" x=\"{:.1f}\" y=\"0\" "
          "width=\"{:.1f}\" "
          "height=\"{}\" fill=\"{}\"><title>{} {} ({:.0f}%)</title></rect>",
          kNames[s], counts[s], x, w, kHeight, kStatusColor[s], counts[s], kNames[s],
          100.0 * static_cast<double>(counts[s]) / static_cast<double>(total));
      if (w >= 26) {
        out_ += fmt::format(
            "<text class=\"seg-label\" x=\"{:.1f}\" y=\"20\" text-anchor=\"middle\">{}</text>",
            x + w / 2, counts[s]);
      }
      x += w;
    }
    out_ += "</svg>";
  }

  void legend() {
    out_ +=
        "<div class=\"legend\"><span><i style=\"background:var(--pass)\"></i>pass</span>"
        "<span><i style=\"background:var(--fail)\"></i>fail</span>"
        "<span><i style=\"background:var(--unknown)\"></i>unknown (facts missing or "
        "invalid)</span></div>\n";
  }

  void gates() {
    out_ +=
        "<section id=\"gates\">\n<h2>Gates</h2>\n<p class=\"lead\">How many deals pass each "
        "gate.</p>\n";
    const std::vector<GateSummary> gates = summary_.gates();
    if (gates.empty()) out_ += "<p class=\"empty\">No gate was evaluated.</p>\n";
    for (const GateSummary& g : gates) {
      const PlanBlock& block = plan_.blocks[g.gate];
      out_ += "<div class=\"gate-row\"><div class=\"gate-name\">";
      out_ += fmt::format("<strong>{}</strong>", esc(block.name));
      if (!block.label.empty()) out_ += fmt::format("<span>{}</span>", esc(block.label));
      if (block.enters_phase < plan_.phases.size()) {
        out_ +=
            fmt::format("<span> \u00b7 enters {}</span>", esc(plan_.phases[block.enters_phase]));
      }
      out_ += "</div><div>";
      const std::uint64_t counts[3] = {g.pass, g.fail, g.unknown};
      stacked_bar(counts, block.name);
      out_ += "</div></div>\n";
    }
    legend();
    out_ += "</section>\n";
  }

  struct Row {
    std::string label;
    std::string title;
    std::uint64_t a = 0;  // first segment (fail / ahead)
    std::uint64_t b = 0;  // second segment (unknown / in line)
  };

  // A horizontal bar chart: a label on the left, one bar of up to two segments per row.
  void bar_chart(const std::string& id, const std::vector<Row>& rows, const char* color_a,
                 const char* color_b, const char* name_a, const char* name_b) {
    constexpr double kLabel = 250, kBars = 310, kRow = 26, kWidth = kLabel + kBars + 50;
    std::uint64_t widest = 1;
    for (const Row& r : rows) widest = std::max(widest, r.a + r.b);
    const double height = kRow * static_cast<double>(rows.size()) + 4;
    out_ += fmt::format(
        "<svg class=\"bars\" id=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
        "role=\"img\">",
        id, kWidth, height, kWidth, height);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      const double y = kRow * static_cast<double>(i) + 4;
      out_ +=
          fmt::format("<g class=\"bar-row\" data-label=\"{}\" data-count=\"{}\"><title>{}</title>",
                      esc(r.label), r.a + r.b, esc(r.title));
      out_ +=
          fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#1d2733\">{}</text>",
                      kLabel - 8, y + 14, esc(short_label(r.label, 31)));
      double x = kLabel;
      const double wa = kBars * static_cast<double>(r.a) / static_cast<double>(widest);
      const double wb = kBars * static_cast<double>(r.b) / static_cast<double>(widest);
      if (r.a) {
        out_ += fmt::format(
            "<rect data-part=\"{}\" data-count=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"18\" fill=\"{}\"/>",
            name_a, r.a, x, y, wa, color_a);
      }
      x += wa;
      if (r.b) {
        out_ += fmt::format(
            "<rect data-part=\"{}\" data-count=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"18\" fill=\"{}\"/>",
            name_b, r.b, x, y, wb, color_b);
      }
      x += wb;
      out_ += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#5b6878\">{}</text></g>", x + 6,
                          y + 14, r.a + r.b);
    }
    out_ += "</svg>\n";
  }

  void blockers() {
    // Per deal, a condition or a fact counts once, however many gates it holds back.
    std::vector<std::uint64_t> failed(plan_.conditions.size(), 0),
        unknown(plan_.conditions.size(), 0);
    std::map<std::string, std::uint64_t> missing;
    for (const DealResult& d : deals_) {
      if (!d.error.empty()) continue;
      std::set<ConditionIndex> f, u;
      std::set<std::string> m;
      for (const GateResult& g : d.gates) {
        f.insert(g.failed.begin(), g.failed.end());
        u.insert(g.unknown.begin(), g.unknown.end());
        for (const std::string& p : g.missing) m.insert(strip_list_indices(p));
        for (const std::string& p : g.invalid) m.insert(strip_list_indices(p) + " (invalid)");
      }
      for (ConditionIndex c : f) ++failed[c];
      for (ConditionIndex c : u) {
        if (!f.count(c)) ++unknown[c];
      }
      for (const std::string& p : m) ++missing[p];
    }
    std::vector<Row> conditions;
    for (ConditionIndex c = 0; c < plan_.conditions.size(); ++c) {
      if (failed[c] + unknown[c] == 0) continue;
      const PlanCondition& pc = plan_.conditions[c];
      const PlanBlock& block = plan_.blocks[pc.block];
      std::string title = pc.id + ": " + pc.source;
      if (!block.label.empty()) title += " \u2014 " + block.label;
      title += fmt::format(" ({} failed, {} unknown)", failed[c], unknown[c]);
      conditions.push_back({pc.id, title, failed[c], unknown[c]});
    }
    std::stable_sort(conditions.begin(), conditions.end(),
                     [](const Row& x, const Row& y) { return x.a + x.b > y.a + y.b; });
    if (conditions.size() > kTopConditions) conditions.resize(kTopConditions);
    std::vector<Row> facts;
    for (const auto& [path, count] : missing) {
      facts.push_back({path,
                       fmt::format("{}: missing in {} deal{}", path, count, count == 1 ? "" : "s"),
                       count, 0});
    }
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Row& x, const Row& y) { return x.a > y.a; });
    if (facts.size() > kTopFacts) facts.resize(kTopFacts);

    out_ += "<section id=\"blockers\">\n<h2>What holds deals back</h2>\n";
    out_ +=
        "<p class=\"lead\">Counted once per deal, across all gates. Hover a bar for the "
        "condition.</p>\n";
    out_ += "<div class=\"two-col\"><div>\n<h3>Most common blocking conditions</h3>\n";
    if (conditions.empty()) {
      out_ += "<p class=\"empty\">No condition blocks a deal.</p>\n";
    } else {
      bar_chart("blocking-chart", conditions, "var(--fail)", "var(--unknown)", "failed", "unknown");
      out_ +=
          "<div class=\"legend\"><span><i style=\"background:var(--fail)\"></i>false</span>"
          "<span><i style=\"background:var(--unknown)\"></i>cannot be decided</span></div>\n";
    }
    out_ += "</div><div>\n<h3>Facts most often missing or invalid</h3>\n";
    if (facts.empty()) {
      out_ += "<p class=\"empty\">No fact is missing.</p>\n";
    } else {
      bar_chart("missing-chart", facts, "var(--unknown)", "var(--unknown)", "missing", "missing");
      out_ +=
          "<p class=\"note\">Fill these in the CRM to turn \u201cunknown\u201d into a "
          "decision.</p>\n";
    }
    out_ += "</div></div>\n</section>\n";
  }

  std::string phase_name(std::uint32_t phase) const {
    return phase < plan_.phases.size() ? plan_.phases[phase] : std::string("none");
  }

  // The exceptions granted: who approved each, until when, for how many deals and how much money.
  void waivers() {
    const std::vector<WaiverCount> counts = waivers_.waivers();
    out_ += "<section id=\"waivers\">\n<h2>Waivers</h2>\n";
    if (counts.empty()) {
      out_ += "<p class=\"empty\">No waiver names any of these deals.</p>\n</section>\n";
      return;
    }
    out_ +=
        "<p class=\"lead\">Exceptions the deal desk granted: a waived condition counts as "
        "satisfied while the waiver holds, and is shown as waived, not passed.</p>\n";
    out_ +=
        "<table class=\"waivers\"><thead><tr><th>Waiver</th><th>Waives</th><th>Approved by</th>"
        "<th>Until</th><th>Reason</th><th>In force for</th><th>Made the difference for</th>";
    if (waivers_.has_amount()) out_ += "<th>Amount covered</th>";
    out_ += "<th>Expired for</th></tr></thead><tbody>\n";
    for (const WaiverCount& c : counts) {
      const PlanWaiver& w = plan_.waivers[c.waiver];
      std::vector<std::string> waives;
      for (const std::string& t : w.waives) waives.push_back(esc(t));
      out_ += fmt::format(
          "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
          esc(w.name), w.label.empty() ? "" : " <span class=\"cid\">" + esc(w.label) + "</span>",
          fmt::join(waives, ", "), esc(w.approver), format_date(w.until), esc(w.reason), c.in_force,
          c.used);
      if (waivers_.has_amount())
        out_ += fmt::format("<td class=\"num\">{}</td>", format_money(c.amount));
      out_ += fmt::format("<td class=\"num\">{}</td></tr>\n", c.expired);
    }
    out_ += "</tbody></table>\n</section>\n";
  }

  void stage_audit() {
    const std::uint64_t ahead = stages_.count(StageAudit::Verdict::Ahead);
    out_ +=
        "<section id=\"stage-audit\">\n<h2>Stage audit: is the CRM stage backed by "
        "evidence?</h2>\n";
    out_ += fmt::format(
        "<p class=\"lead\"><strong>{}</strong> of {} deal{} recorded in a phase {} ahead of the "
        "evidence: "
        "the CRM puts {} in a phase whose entry gate (or an earlier one) does not pass.</p>\n",
        ahead, stages_.audited(), stages_.audited() == 1 ? "" : "s", ahead == 1 ? "is" : "are",
        ahead == 1 ? "it" : "them");
    out_ += "<div class=\"two-col\"><div>\n";
    if (owner_) {
      out_ += "<h3>By owner</h3>\n";
      std::vector<Row> rows;
      for (const OwnerStageCount& o : stages_.owners()) {
        const std::string name = o.owner.empty() ? std::string("(no owner)") : o.owner;
        rows.push_back(
            {name,
             fmt::format("{}: {} of {} deals ahead of the evidence", name, o.ahead, o.audited),
             o.ahead, o.audited - o.ahead});
      }
      if (rows.empty()) {
        out_ += "<p class=\"empty\">No deal was audited.</p>\n";
      } else {
        bar_chart("owner-chart", rows, "var(--fail)", "var(--pass)", "ahead", "in-line");
        out_ +=
            "<div class=\"legend\"><span><i style=\"background:var(--fail)\"></i>ahead of the "
            "evidence</span>"
            "<span><i style=\"background:var(--pass)\"></i>in line with it</span></div>\n";
      }
    }
    out_ +=
        "</div><div>\n<h3>By phase</h3>\n<table "
        "class=\"phases\"><thead><tr><th>Phase</th><th>Recorded (CRM)</th>"
        "<th>Supported (evidence)</th><th>Ahead</th></tr></thead><tbody>\n";
    for (std::size_t p = 0; p < plan_.phases.size(); ++p) {
      const PhaseStageCount& c = stages_.phases()[p];
      out_ += fmt::format(
          "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
          "class=\"num\">{}</td></tr>\n",
          esc(plan_.phases[p]), c.recorded, c.supported, c.ahead);
    }
    out_ += "</tbody></table>\n";
    std::vector<std::string> notes;
    if (auto n = stages_.count(StageAudit::Verdict::Excluded))
      notes.push_back(fmt::format("{} in stages mapped to <code>none</code>", n));
    if (auto n = stages_.count(StageAudit::Verdict::Missing))
      notes.push_back(fmt::format("{} without a stage", n));
    if (auto n = stages_.count(StageAudit::Verdict::Invalid))
      notes.push_back(fmt::format("{} with an invalid stage", n));
    const std::vector<ValueCount> unmapped = stages_.unmapped();
    if (!unmapped.empty()) {
      std::string list;
      for (const ValueCount& v : unmapped) {
        list +=
            fmt::format("{}\u201c{}\u201d ({})", list.empty() ? "" : ", ", esc(v.value), v.deals);
      }
      notes.push_back("in stages the rules do not map: " + list);
    }
    if (!notes.empty()) {
      std::string text;
      for (const std::string& n : notes) text += (text.empty() ? "" : "; ") + n;
      out_ += "<p class=\"note\">Not audited: " + text + ".</p>\n";
    }
    out_ += "</div></div>\n<h3>Deals ahead of their evidence</h3>\n";
    if (ahead == 0) {
      out_ += "<p class=\"empty\">None: every audited deal's stage is backed by its gates.</p>\n";
    } else {
      out_ += "<table class=\"ahead\"><thead><tr><th>Deal</th>";
      if (owner_) out_ += "<th>Owner</th>";
      out_ +=
          "<th>CRM stage</th><th>Evidence supports</th><th>Held back by</th></tr></thead><tbody>\n";
      for (const DealResult& d : deals_) {
        if (!d.error.empty() || !d.has_stage || d.stage.verdict != StageAudit::Verdict::Ahead)
          continue;
        out_ += fmt::format("<tr><td class=\"id\">{}</td>", esc(deal_name(d)));
        if (owner_) out_ += fmt::format("<td>{}</td>", esc(d.stage.owner));
        out_ += fmt::format("<td>{} <span class=\"cid\">({})</span></td><td>{}</td><td>",
                            esc(d.stage.value), esc(phase_name(d.stage.recorded)),
                            esc(phase_name(d.stage.supported)));
        for (std::size_t i = 0; i < d.stage.blocked_by.size(); ++i) {
          const auto& [gate, status] = d.stage.blocked_by[i];
          out_ +=
              fmt::format("{}<span class=\"cid\">{}</span>&nbsp;<span class=\"pill {}\">{}</span>",
                          i ? "<br>" : "", esc(plan_.blocks[gate].name), status_name(status),
                          status_name(status));
        }
        out_ += "</td></tr>\n";
      }
      out_ += "</tbody></table>\n";
    }
    out_ += "</section>\n";
  }

  static std::string deal_name(const DealResult& d) {
    std::string id = id_text(d.id_json);
    return id.empty() ? fmt::format("line {}", d.line) : id;
  }

  // The "to pass this gate" list of one gate. A condition already listed for an earlier gate of the
  // deal (gates often share milestones) is not repeated.
  void checklist(const GateResult& gate, std::set<ConditionIndex>& shown) {
    const PlanBlock& block = plan_.blocks[gate.gate];
    out_ += fmt::format("<h4>{} <span class=\"pill {}\">{}</span></h4>",
                        esc(block.label.empty() ? block.name : block.label),
                        status_name(gate.status), status_name(gate.status));
    std::size_t listed = 0;
    if (gate.checklist.empty()) {
      out_ += "<ul>";
      for (ConditionIndex c : gate.failed) {
        if (!shown.insert(c).second) continue;
        ++listed;
        out_ += fmt::format("<li>{} <span class=\"cid\">is false</span></li>",
                            esc(plan_.conditions[c].id));
      }
      for (ConditionIndex c : gate.unknown) {
        if (!shown.insert(c).second) continue;
        ++listed;
        out_ += fmt::format("<li>{} <span class=\"cid\">cannot be decided</span></li>",
                            esc(plan_.conditions[c].id));
      }
      out_ += "</ul>";
    } else {
      BlockIndex current = kNone;
      bool open = false;
      for (const ChecklistItem& item : gate.checklist) {
        if (!shown.insert(item.condition).second) continue;
        ++listed;
        if (item.block != current) {
          if (open) out_ += "</ul>";
          current = item.block;
          const PlanBlock& b = plan_.blocks[item.block];
          out_ += fmt::format("<div class=\"milestone\">{}</div><ul>",
                              esc(b.label.empty() ? b.name : b.label));
          open = true;
        }
        out_ += fmt::format(
            "<li>{} <span class=\"cid\">[{}]</span>", esc(item.text),
            esc(item.condition < plan_.conditions.size() ? plan_.conditions[item.condition].id
                                                         : ""));
        if (!item.facts.empty()) {
          out_ += "<div class=\"facts\">";
          for (std::size_t i = 0; i < item.facts.size(); ++i) {
            out_ += fmt::format("{}{} = {}", i ? ", " : "", esc(item.facts[i].path),
                                esc(item.facts[i].value));
          }
          out_ += "</div>";
        }
        out_ += "</li>";
      }
      if (open) out_ += "</ul>";
    }
    if (listed == 0) out_ += "<div class=\"note\">the items listed above</div>";
  }

  static std::size_t to_do_count(const DealResult& d) {
    std::set<ConditionIndex> all;
    for (const GateResult& g : d.gates) {
      if (g.status == Status::Pass) continue;
      if (g.checklist.empty()) {
        all.insert(g.failed.begin(), g.failed.end());
        all.insert(g.unknown.begin(), g.unknown.end());
      } else {
        for (const ChecklistItem& item : g.checklist) all.insert(item.condition);
      }
    }
    return all.size();
  }

  void deal_table() {
    std::vector<BlockIndex> gates;
    for (const DealResult& d : deals_) {
      if (!d.gates.empty()) {
        for (const GateResult& g : d.gates) gates.push_back(g.gate);
        break;
      }
    }
    out_ += "<section id=\"deals\">\n<h2>Deals</h2>\n";
    out_ +=
        "<p class=\"lead\">Click a column to sort; open \u201cto do\u201d for what would make each "
        "gate pass.</p>\n";
    out_ +=
        "<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by "
        "deal, owner, stage, status\u2026\" "
        "aria-label=\"Filter deals\"><select id=\"show\" aria-label=\"Show\"><option "
        "value=\"all\">All deals</option>"
        "<option value=\"open\">Not passing every gate</option>";
    if (plan_.stages) out_ += "<option value=\"ahead\">Ahead of their evidence</option>";
    out_ += "</select><span id=\"shown\"></span></div>\n";
    out_ += "<table id=\"deal-table\"><thead><tr><th>Deal</th><th>Line</th>";
    if (owner_) out_ += "<th>Owner</th>";
    if (plan_.stages) out_ += "<th>CRM stage</th><th>Stage audit</th>";
    if (!plan_.waivers.empty()) out_ += "<th>Waivers</th>";
    for (BlockIndex g : gates) {
      // Long gate names may break after an underscore, so the checklist column keeps its room.
      std::string name = esc(plan_.blocks[g].name);
      for (std::size_t at = name.find('_'); at != std::string::npos; at = name.find('_', at + 6))
        name.insert(at + 1, "<wbr>");
      out_ +=
          fmt::format("<th class=\"gate\" title=\"{}\">{}</th>", esc(plan_.blocks[g].label), name);
    }
    out_ += "<th class=\"todo\">To do</th></tr></thead>\n<tbody>\n";
    for (const DealResult& d : deals_) deal_row(d, gates);
    out_ += "</tbody></table>\n</section>\n";
  }

  void deal_row(const DealResult& d, const std::vector<BlockIndex>& gates) {
    const bool readable = d.error.empty();
    bool open = !readable;
    for (const GateResult& g : d.gates) open = open || g.status != Status::Pass;
    const bool ahead = readable && d.has_stage && d.stage.verdict == StageAudit::Verdict::Ahead;
    out_ += fmt::format(
        "<tr class=\"deal\" data-open=\"{}\" data-ahead=\"{}\"><td class=\"id\">{}</td><td "
        "class=\"num\">{}</td>",
        open ? 1 : 0, ahead ? 1 : 0, esc(deal_name(d)), d.line);
    if (owner_)
      out_ += fmt::format("<td>{}</td>", esc(readable && d.stage.has_owner ? d.stage.owner : ""));
    if (plan_.stages) {
      if (!readable) {
        out_ += "<td></td><td></td>";
      } else {
        const StageAudit& s = d.stage;
        const std::uint32_t order = s.recorded < plan_.phases.size() ? s.recorded : 99;
        out_ += fmt::format("<td data-sort=\"{}\">{}", order, esc(s.value));
        if (s.recorded < plan_.phases.size())
          out_ += fmt::format(" <span class=\"cid\">({})</span>", esc(plan_.phases[s.recorded]));
        out_ += "</td>";
        switch (s.verdict) {
          case StageAudit::Verdict::Ahead:
            out_ += fmt::format(
                "<td data-sort=\"0\"><span class=\"pill ahead\">ahead</span> <span "
                "class=\"cid\">evidence: {}</span></td>",
                esc(phase_name(s.supported)));
            break;
          case StageAudit::Verdict::Ok:
            out_ += "<td data-sort=\"2\"><span class=\"pill ok\">in line</span></td>";
            break;
          default:
            out_ += fmt::format("<td data-sort=\"1\"><span class=\"pill muted\">{}</span></td>",
                                verdict_label(s.verdict));
        }
      }
    }
    if (!plan_.waivers.empty()) {
      out_ += "<td>";
      for (const WaiverUse& use : d.waivers) {
        out_ +=
            fmt::format("<span class=\"pill {}\" title=\"{}\">{}{}</span> ",
                        use.expired ? "muted" : "unknown", esc(describe_waiver(plan_, use.waiver)),
                        esc(plan_.waivers[use.waiver].name), use.expired ? " (expired)" : "");
      }
      out_ += "</td>";
    }
    for (std::size_t i = 0; i < gates.size(); ++i) {
      if (!readable || i >= d.gates.size()) {
        out_ += "<td data-sort=\"-1\"></td>";
        continue;
      }
      const Status s = d.gates[i].status;
      out_ += fmt::format("<td data-sort=\"{}\"><span class=\"pill {}\">{}</span>", status_order(s),
                          status_name(s), status_name(s));
      if (!d.gates[i].waived.empty()) {
        std::vector<std::string> ids;
        for (const WaivedCondition& w : d.gates[i].waived)
          ids.push_back(esc(plan_.conditions[w.condition].id));
        out_ += fmt::format(" <span class=\"cid\">waived: {}</span>", fmt::join(ids, ", "));
      }
      out_ += "</td>";
    }
    out_ += "<td class=\"todo\">";
    if (!readable) {
      out_ += fmt::format("<span class=\"pill fail\">unreadable</span> {}", esc(d.error));
    } else {
      std::size_t not_passing = 0;
      for (const GateResult& g : d.gates) not_passing += g.status == Status::Pass ? 0 : 1;
      if (not_passing == 0) {
        out_ += "<span class=\"note\">every gate passes</span>";
      } else {
        const std::size_t items = to_do_count(d);
        out_ += fmt::format("<details><summary>{} to do for {} gate{}</summary>", items,
                            not_passing, not_passing == 1 ? "" : "s");
        std::set<ConditionIndex> shown;
        for (const GateResult& g : d.gates) {
          if (g.status != Status::Pass) checklist(g, shown);
        }
        out_ += "</details>";
      }
    }
    out_ += "</td></tr>\n";
  }

  const Plan& plan_;
  const std::vector<DealResult>& deals_;
  const ReportMeta& meta_;
  Summary summary_;
  StageSummary stages_;
  WaiverSummary waivers_;
  bool owner_ = false;
  std::string out_;
};

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string build_report_html(const Plan& plan, const std::vector<DealResult>& deals,
                              const ReportMeta& meta, std::string_view trends) {
  return Report(plan, deals, meta).build(trends);
}

}  // namespace dealgate::cli
