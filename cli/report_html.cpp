#include "cli/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include "base/json_text.hpp"
#include "cli/next_phase.hpp"
#include "cli/report_money.hpp"
#include "cli/report_page_assets.hpp"
#include "cli/shown_text.hpp"
#include "cli/stage_summary.hpp"
#include "cli/summary.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"

namespace dealgate::cli {
namespace {

constexpr std::size_t kTopConditions = 10;
constexpr std::size_t kTopFacts = 10;
constexpr std::size_t kTopGroups = 25;

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

// The page, built as deals stream past: each deal is added once and only aggregates, per-status
// money and the rendered rows of the largest `max_rows` deals are kept, so memory stays bounded
// however many deals there are.
class Report {
 public:
  Report(const Plan& plan, const ReportMeta& meta, std::size_t max_rows)
      : plan_(plan),
        meta_(meta),
        max_rows_(max_rows),
        summary_(plan),
        stages_(plan),
        waivers_(plan),
        failed_(plan.conditions.size(), 0),
        unknown_(plan.conditions.size(), 0),
        held_money_(plan.conditions.size()) {
    owner_ = plan_.stages && plan_.stages->owner_slot != kNone;
    for (BlockIndex b = 0; b < plan_.blocks.size(); ++b) {
      if (plan_.blocks[b].is_gate) gates_.push_back(b);
    }
    gate_money_.resize(gates_.size());
    // The close date, as `--record` finds it: the field --close-date-field names, else
    // `close_date`.
    const std::string close_date =
        meta_.close_date_field.empty() ? std::string("close_date") : meta_.close_date_field;
    for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
      if (plan_.shown[i].type == ValueType::Date && plan_.shown[i].path == close_date) {
        quarter_field_ = i;
        break;
      }
    }
    filter_keys_.resize(plan_.shown.size());
    for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
      if (plan_.shown[i].type == ValueType::String && !has_own_column(i))
        filter_keys_[i] = filter_key(plan_.shown[i].path);
    }
  }

  // "Every account" from the heading "Account"; "Every CRM region" keeps an acronym as written.
  static std::string lowercase_first(std::string heading) {
    if (heading.size() > 1 && heading[0] >= 'A' && heading[0] <= 'Z' && heading[1] >= 'a' &&
        heading[1] <= 'z')
      heading[0] = static_cast<char>(heading[0] - 'A' + 'a');
    return heading;
  }

  // The name a shown fact's filter goes by in the row's data- attribute and in the URL fragment:
  // its path with every character but a letter or digit as `-` (`crm.region` -> `crm-region`),
  // after `f-` where it would be taken for one of the page's own keys.
  static std::string filter_key(const std::string& path) {
    std::string key;
    for (char c : path) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      key += keep ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '-';
    }
    static const std::set<std::string> taken = {"q",      "show",     "sort", "owner", "phase",
                                                "stage",  "quarter",  "open", "ahead", "held",
                                                "search", "overflow", "ready"};
    return taken.count(key) ? "f-" + key : key;
  }

  void add(const DealResult& d) {
    summary_.add(d);
    stages_.add(d);
    waivers_.add(d);
    if (!d.error.empty()) {
      keep(deal_rows_, d, [&] { return deal_row(d, {}); });
      return;
    }
    ++readable_;
    if (std::all_of(d.gates.begin(), d.gates.end(),
                    [](const GateResult& g) { return g.status == Status::Pass; }))
      ++all_pass_;
    for (std::size_t i = 0; i < d.gates.size() && i < gate_money_.size(); ++i)
      gate_money_[i][status_index(d.gates[i].status)].add(d);
    const std::vector<std::size_t> guard = next_phase_gates(plan_, d);
    Next next = next_status(d, guard);
    next_[static_cast<int>(next)].add(d);
    for (std::size_t i : guard) guard_counts_[gates_[i]][status_index(d.gates[i].status)].add(d);
    count_blockers(d, guard);
    if (d.has_stage) {
      if (d.stage.recorded < plan_.phases.size()) by_phase_[d.stage.recorded].add(d);
      by_stage_[d.stage.value].add(d);
      if (d.stage.verdict == StageAudit::Verdict::Ahead) {
        at_risk_.add(d);
        keep(ahead_rows_, d, [&] { return ahead_row(d); });
      }
    }
    if (owner_) by_owner_[d.stage.has_owner ? d.stage.owner : std::string()].add(d);
    keep(deal_rows_, d, [&] { return deal_row(d, guard); });
  }

  // Adds what another report of the same plan aggregated from other deals of the same run.
  void merge(Report& other) {
    summary_.merge(other.summary_);
    stages_.merge(other.stages_);
    waivers_.merge(other.waivers_);
    readable_ += other.readable_;
    all_pass_ += other.all_pass_;
    for (std::size_t i = 0; i < gate_money_.size(); ++i)
      merge_each(gate_money_[i], other.gate_money_[i]);
    for (auto& [gate, by_status] : other.guard_counts_) merge_each(guard_counts_[gate], by_status);
    merge_each(next_, other.next_);
    for (std::size_t c = 0; c < failed_.size(); ++c) {
      failed_[c] += other.failed_[c];
      unknown_[c] += other.unknown_[c];
      held_money_[c].merge(other.held_money_[c]);
    }
    for (const auto& [path, count] : other.missing_) missing_[path] += count;
    for (const auto& [phase, totals] : other.by_phase_) by_phase_[phase].merge(totals);
    for (const auto& [stage, totals] : other.by_stage_) by_stage_[stage].merge(totals);
    for (const auto& [owner, totals] : other.by_owner_) by_owner_[owner].merge(totals);
    at_risk_.merge(other.at_risk_);
    merge_rows(deal_rows_, other.deal_rows_);
    merge_rows(ahead_rows_, other.ahead_rows_);
  }

  std::string build(std::string_view trends) {
    const std::string title = plan_.title.empty() ? std::string("Pipeline review") : plan_.title;
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += fmt::format("<title>Pipeline review \u2014 {}</title>\n", esc(title));
    out_ += "<style>";
    out_ += kReportStyle;
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
    pipeline();
    deal_table();
    out_ += "</main>\n";
    out_ += fmt::format(
        "<footer>Generated by {} from the rule set \u201c{}\u201d. Statuses: pass, fail, "
        "or unknown when facts are missing or invalid.</footer>\n",
        esc(meta_.generated_by), esc(title));
    out_ += "<script>";
    out_ += kReportScript;
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void cards() {
    out_ += "<section class=\"cards\" id=\"overview\">\n";
    card(fmt::format("{}", summary_.evaluated()), "deals evaluated", false,
         money_totals_text(all_money()));
    const MoneyTotals& judged_pass = next_[static_cast<int>(Next::Pass)];
    const std::uint64_t judged = judged_deals();
    if (judged > 0) {
      card(fmt::format("{}", judged_pass.deals),
           fmt::format("of {} deals pass the gate to their next phase", judged), false,
           money_totals_text(judged_pass));
      const MoneyTotals& held = next_[static_cast<int>(Next::Fail)];
      card(fmt::format("{}", held.deals + next_[static_cast<int>(Next::Unknown)].deals),
           "deals held back at the gate to their next phase", held.deals > 0,
           money_totals_text(held_back_money()));
    } else {
      card(fmt::format("{}", all_pass_), "deals passing every gate", false, "");
    }
    if (plan_.stages) {
      card(fmt::format("{}", stages_.count(StageAudit::Verdict::Ahead)),
           fmt::format("deals ahead of their evidence (of {} audited)", stages_.audited()),
           stages_.count(StageAudit::Verdict::Ahead) > 0,
           at_risk_.empty() ? "" : "value at risk: " + money_totals_text(at_risk_));
    }
    if (summary_.unreadable() > 0) {
      card(fmt::format("{}", summary_.unreadable()), "records that could not be read", true, "");
    }
    out_ += "</section>\n";
  }

  void card(const std::string& value, const std::string& label, bool alert,
            const std::string& money) {
    out_ += fmt::format(
        "<div class=\"card{}\"><div class=\"value\">{}</div><div "
        "class=\"label\">{}</div>{}</div>\n",
        alert ? " alert" : "", esc(value), esc(label),
        money.empty() ? "" : "<p class=\"money-line\">" + esc(money) + "</p>");
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
    out_ += "<section id=\"gates\">\n<h2>Gates</h2>\n";
    if (judged_deals() > 0) {
      out_ +=
          "<p class=\"lead\">Each deal judged on the gate to its next phase (from its CRM stage): "
          "the gate it must pass to move on.</p>\n";
      for (BlockIndex g : phase_ordered_gates()) {
        auto found = guard_counts_.find(g);
        if (found == guard_counts_.end()) continue;
        gate_row(g, found->second, "next-phase");
      }
      out_ += "<h3>Every gate, every deal</h3>\n";
    } else {
      out_ += "<p class=\"lead\">How many deals pass each gate.</p>\n";
    }
    if (gates_.empty() || readable_ == 0) out_ += "<p class=\"empty\">No gate was evaluated.</p>\n";
    for (BlockIndex g : phase_ordered_gates()) {
      const std::size_t i = std::find(gates_.begin(), gates_.end(), g) - gates_.begin();
      if (readable_ > 0) gate_row(g, gate_money_[i], "all");
    }
    legend();
    out_ += "</section>\n";
  }

  // Gates in the order of the phases they enter; gates entering no phase come last.
  std::vector<BlockIndex> phase_ordered_gates() const {
    std::vector<BlockIndex> ordered = gates_;
    std::stable_sort(ordered.begin(), ordered.end(), [&](BlockIndex a, BlockIndex b) {
      return plan_.blocks[a].enters_phase < plan_.blocks[b].enters_phase;
    });
    return ordered;
  }

  void gate_row(BlockIndex gate, const std::array<MoneyTotals, 3>& by_status, const char* scope) {
    const PlanBlock& block = plan_.blocks[gate];
    out_ +=
        fmt::format("<div class=\"gate-row\" data-scope=\"{}\"><div class=\"gate-name\">", scope);
    out_ += fmt::format("<strong>{}</strong>", esc(block.name));
    if (!block.label.empty()) out_ += fmt::format("<span>{}</span>", esc(block.label));
    if (block.enters_phase < plan_.phases.size()) {
      out_ += fmt::format("<span> \u00b7 enters {}</span>", esc(plan_.phases[block.enters_phase]));
    }
    out_ += "</div><div>";
    const std::uint64_t counts[3] = {by_status[0].deals, by_status[1].deals, by_status[2].deals};
    if (std::string_view(scope) == "all") {
      stacked_bar(counts, block.name);
    } else {
      stacked_bar(counts, block.name + " (next phase)");
    }
    static const char* kWords[] = {"pass", "fail", "unknown"};
    std::string money;
    for (int s = 0; s < 3; ++s) {
      if (by_status[s].empty()) continue;
      money += fmt::format("{}{}: {}", money.empty() ? "" : " \u00b7 ", kWords[s],
                           money_totals_text(by_status[s]));
    }
    if (!money.empty()) out_ += "<p class=\"money-line\">" + esc(money) + "</p>";
    out_ += "</div></div>\n";
  }

  struct Row {
    std::string label;
    std::string title;
    std::uint64_t a = 0;  // first segment (fail / ahead)
    std::uint64_t b = 0;  // second segment (unknown / in line)
    std::string detail;   // the counts and money, in words
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

  // Per deal, a condition or a fact counts once, however many gates it holds back. A deal with a
  // next-phase gate counts that gate's conditions only; others count every gate's.
  void count_blockers(const DealResult& d, const std::vector<std::size_t>& guard) {
    std::set<ConditionIndex> f, u;
    std::set<std::string> m;
    for (std::size_t i = 0; i < d.gates.size(); ++i) {
      if (!guard.empty() && std::find(guard.begin(), guard.end(), i) == guard.end()) continue;
      const GateResult& g = d.gates[i];
      f.insert(g.failed.begin(), g.failed.end());
      u.insert(g.unknown.begin(), g.unknown.end());
      for (const std::string& p : g.missing) m.insert(strip_list_indices(p));
      for (const std::string& p : g.invalid) m.insert(strip_list_indices(p) + " (invalid)");
    }
    for (ConditionIndex c : f) {
      ++failed_[c];
      held_money_[c].add(d);
    }
    for (ConditionIndex c : u) {
      if (f.count(c)) continue;
      ++unknown_[c];
      held_money_[c].add(d);
    }
    for (const std::string& p : m) ++missing_[p];
  }

  // A condition as people name it: its milestone's title, then its own message or name.
  std::string condition_title(ConditionIndex c) const {
    const PlanCondition& pc = plan_.conditions[c];
    const PlanBlock& block = plan_.blocks[pc.block];
    const std::string own =
        pc.id.substr(pc.id.find('.') == std::string::npos ? 0 : pc.id.find('.') + 1);
    std::string name = block.label.empty() ? block.name : block.label;
    std::string words = own;
    std::replace(words.begin(), words.end(), '_', ' ');
    return name + " \u2014 " + words;
  }

  // Bars as HTML, not SVG: the text wraps and stays readable on a phone, and needs no hover.
  void held_list(const std::string& id, const std::vector<Row>& rows, const char* name_a,
                 const char* name_b) {
    std::uint64_t widest = 1;
    for (const Row& r : rows) widest = std::max(widest, r.a + r.b);
    out_ += fmt::format("<ul class=\"held\" id=\"{}\">", id);
    for (const Row& r : rows) {
      const double wa = 100.0 * static_cast<double>(r.a) / static_cast<double>(widest);
      const double wb = 100.0 * static_cast<double>(r.b) / static_cast<double>(widest);
      out_ += fmt::format(
          "<li class=\"bar-row\" data-label=\"{}\" data-count=\"{}\"><div>{}</div>"
          "<div class=\"hbar\"><span class=\"{}\" style=\"width:{:.1f}%\"></span>"
          "<span class=\"{}\" style=\"width:{:.1f}%\"></span></div><div "
          "class=\"note\">{}</div></li>",
          esc(r.label), r.a + r.b, esc(r.title), name_a, wa, name_b, wb, esc(r.detail));
    }
    out_ += "</ul>\n";
  }

  void blockers() {
    std::vector<Row> conditions;
    for (ConditionIndex c = 0; c < plan_.conditions.size(); ++c) {
      if (failed_[c] + unknown_[c] == 0) continue;
      const std::uint64_t n = failed_[c] + unknown_[c];
      std::string detail = fmt::format("{} deal{} ({} false, {} cannot be decided)", n,
                                       n == 1 ? "" : "s", failed_[c], unknown_[c]);
      if (!held_money_[c].empty())
        detail += ", " + money_totals_text(held_money_[c]) + " held back";
      conditions.push_back(
          {plan_.conditions[c].id, condition_title(c), failed_[c], unknown_[c], detail});
    }
    std::stable_sort(conditions.begin(), conditions.end(),
                     [](const Row& x, const Row& y) { return x.a + x.b > y.a + y.b; });
    if (conditions.size() > kTopConditions) conditions.resize(kTopConditions);
    std::vector<Row> facts;
    for (const auto& [path, count] : missing_) {
      facts.push_back({path, path, count, 0,
                       fmt::format("missing in {} deal{}", count, count == 1 ? "" : "s")});
    }
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Row& x, const Row& y) { return x.a > y.a; });
    if (facts.size() > kTopFacts) facts.resize(kTopFacts);

    out_ += "<section id=\"blockers\">\n<h2>What holds deals back</h2>\n";
    out_ += judged_deals() > 0
                ? "<p class=\"lead\">Counted once per deal, on the gate to the deal's next phase "
                  "(deals without a stage: across all gates).</p>\n"
                : "<p class=\"lead\">Counted once per deal, across all gates.</p>\n";
    out_ += "<div class=\"two-col\"><div>\n<h3>Most common blocking conditions</h3>\n";
    if (conditions.empty()) {
      out_ += "<p class=\"empty\">No condition blocks a deal.</p>\n";
    } else {
      held_list("blocking-chart", conditions, "failed", "unknown");
      out_ +=
          "<div class=\"legend\"><span><i style=\"background:var(--fail)\"></i>false</span>"
          "<span><i style=\"background:var(--unknown)\"></i>cannot be decided</span></div>\n";
    }
    out_ += "</div><div>\n<h3>Facts most often missing or invalid</h3>\n";
    if (facts.empty()) {
      out_ += "<p class=\"empty\">No fact is missing.</p>\n";
    } else {
      held_list("missing-chart", facts, "unknown", "unknown");
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
        "<div class=\"wrap\"><table "
        "class=\"waivers\"><thead><tr><th>Waiver</th><th>Waives</th><th>Approved by</th>"
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
    out_ += "</tbody></table></div>\n</section>\n";
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
    if (!at_risk_.empty())
      out_ += fmt::format(
          "<p class=\"lead\" id=\"value-at-risk\">Value at risk (the amount of the deals ahead "
          "of their evidence): <strong>{}</strong></p>\n",
          esc(money_totals_text(at_risk_)));
    out_ += "<div class=\"two-col\"><div>\n";
    if (owner_) {
      out_ += "<h3>By owner</h3>\n";
      std::vector<Row> rows;
      for (const OwnerStageCount& o : stages_.owners()) {
        const std::string name = o.owner.empty() ? std::string("(no owner)") : o.owner;
        rows.push_back(
            {name,
             fmt::format("{}: {} of {} deals ahead of the evidence", name, o.ahead, o.audited),
             o.ahead, o.audited - o.ahead, ""});
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
        "</div><div>\n<h3>By phase</h3>\n<div class=\"wrap\"><table "
        "class=\"phases\"><thead><tr><th>Phase</th><th>Recorded (CRM)</th>"
        "<th>Supported (evidence)</th><th>Ahead</th><th class=\"money\">Amount "
        "recorded</th></tr></thead><tbody>\n";
    for (std::size_t p = 0; p < plan_.phases.size(); ++p) {
      const PhaseStageCount& c = stages_.phases()[p];
      out_ += fmt::format(
          "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
          "class=\"num\">{}</td><td class=\"money\">{}</td></tr>\n",
          esc(plan_.phases[p]), c.recorded, c.supported, c.ahead,
          esc(money_totals_text(by_phase_[static_cast<std::uint32_t>(p)])));
    }
    out_ += "</tbody></table></div>\n";
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
      out_ += "<div class=\"wrap\"><table class=\"ahead\"><thead><tr><th>Deal</th>";
      out_ += shown_headings();
      if (owner_) out_ += "<th>Owner</th>";
      out_ +=
          "<th>CRM stage</th><th>Evidence supports</th><th>Held back by</th></tr></thead><tbody>\n";
      const std::vector<Kept> rows = sorted(ahead_rows_);
      for (const Kept& row : rows) out_ += row.html;
      out_ += "</tbody></table></div>\n";
      if (rows.size() < ahead)
        out_ += fmt::format(
            "<p class=\"note\">The {} largest of {} deals ahead of their evidence.</p>\n",
            rows.size(), ahead);
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
        out_ += fmt::format("<li>{} is not met</li>", esc(condition_title(c)));
      }
      for (ConditionIndex c : gate.unknown) {
        if (!shown.insert(c).second) continue;
        ++listed;
        out_ += fmt::format("<li>{} cannot be decided yet</li>", esc(condition_title(c)));
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
        // Plain sentences: the checklist's `code` quotes and fact dumps are for the terminal.
        std::string text = item.text;
        text.erase(std::remove(text.begin(), text.end(), '`'), text.end());
        out_ += fmt::format("<li>{}", esc(text));
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

  // The owner and the CRM stage have columns of their own; a shown fact naming them is not
  // repeated.
  bool has_own_column(std::size_t field) const {
    const std::uint32_t slot = plan_.shown[field].slot;
    return plan_.stages &&
           ((owner_ && slot == plan_.stages->owner_slot) || slot == plan_.stages->stage_slot);
  }

  std::string shown_headings() const {
    std::string out;
    for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
      if (has_own_column(i)) continue;
      const bool money = plan_.money && plan_.money->field == i;
      out +=
          fmt::format("<th{}>{}</th>", money ? " class=\"money\"" : "", esc(plan_.shown[i].label));
    }
    return out;
  }

  // The shown facts of a deal, one cell each; the owner and the stage have their own columns.
  std::string shown_cells(const DealResult& d) const {
    std::string out;
    for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
      if (has_own_column(i)) continue;
      if (plan_.money && plan_.money->field == i) {
        out += fmt::format("<td class=\"money\" data-sort=\"{}\">{}</td>",
                           d.has_money ? fmt::format("{}", d.money) : std::string("-1"),
                           esc(shown_value(plan_, d, i)));
      } else {
        out += fmt::format("<td class=\"shown\">{}</td>", esc(shown_value(plan_, d, i)));
      }
    }
    return out;
  }

  std::string ahead_row(const DealResult& d) {
    std::string row = fmt::format("<tr><td class=\"id\">{}</td>", esc(deal_name(d)));
    row += shown_cells(d);
    if (owner_) row += fmt::format("<td>{}</td>", esc(d.stage.owner));
    row += fmt::format("<td>{} <span class=\"cid\">({})</span></td><td>{}</td><td>",
                       esc(d.stage.value), esc(phase_name(d.stage.recorded)),
                       esc(phase_name(d.stage.supported)));
    for (std::size_t i = 0; i < d.stage.blocked_by.size(); ++i) {
      const auto& [gate, status] = d.stage.blocked_by[i];
      const PlanBlock& block = plan_.blocks[gate];
      row += fmt::format("{}{}&nbsp;<span class=\"pill {}\">{}</span>", i ? "<br>" : "",
                         esc(block.label.empty() ? block.name : block.label), status_name(status),
                         status_name(status));
    }
    row += "</td></tr>\n";
    return row;
  }

  // Money by owner and by CRM stage: where the pipeline sits, per currency.
  void pipeline() {
    if (plan_.shown.empty() && !owner_) return;
    if (by_owner_.empty() && by_stage_.empty()) return;
    out_ += "<section id=\"pipeline\">\n<h2>Pipeline</h2>\n<div class=\"two-col\">";
    auto table = [&](const char* heading, const std::map<std::string, MoneyTotals>& groups,
                     const char* empty_name) {
      std::vector<std::pair<std::string, const MoneyTotals*>> rows;
      for (const auto& [name, totals] : groups) rows.emplace_back(name, &totals);
      std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.second->deals > b.second->deals;
      });
      out_ += fmt::format(
          "<div>\n<h3>By {}</h3>\n<div class=\"wrap\"><table class=\"by-{}\"><thead><tr><th>{}</th>"
          "<th>Deals</th><th class=\"money\">Amount</th></tr></thead><tbody>\n",
          heading, heading, heading);
      for (std::size_t i = 0; i < rows.size() && i < kTopGroups; ++i) {
        out_ += fmt::format(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"money\">{}</td></tr>\n",
            esc(rows[i].first.empty() ? std::string(empty_name) : rows[i].first),
            rows[i].second->deals, esc(money_totals_text(*rows[i].second)));
      }
      out_ += "</tbody></table></div>\n";
      if (rows.size() > kTopGroups)
        out_ +=
            fmt::format("<p class=\"note\">The {} largest of {}.</p>\n", kTopGroups, rows.size());
      out_ += "</div>";
    };
    if (owner_) table("owner", by_owner_, "(no owner)");
    if (plan_.stages) table("stage", by_stage_, "(no stage)");
    out_ += "</div>\n</section>\n";
  }

  void deal_table() {
    out_ += "<section id=\"deals\">\n<h2>Deals</h2>\n";
    out_ +=
        "<p class=\"lead\">Click a column to sort; open \u201cto do\u201d for what would make each "
        "gate pass. The view is kept in the address, so a link opens it again.</p>\n";
    out_ +=
        "<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by "
        "deal, account, owner, stage\u2026\" "
        "aria-label=\"Filter deals\"><select id=\"show\" aria-label=\"Show\"><option "
        "value=\"all\">All deals</option>"
        "<option value=\"open\">Not passing every gate</option>";
    if (judged_deals() > 0) out_ += "<option value=\"held\">Held at their next-phase gate</option>";
    if (plan_.stages) out_ += "<option value=\"ahead\">Ahead of their evidence</option>";
    out_ += "</select>";
    if (owner_)
      out_ +=
          "<select data-field=\"owner\" aria-label=\"Owner\"><option value=\"\">Every "
          "owner</option></select>";
    if (plan_.stages) {
      out_ +=
          "<select data-field=\"phase\" aria-label=\"Phase\"><option value=\"\">Every "
          "phase</option></select>";
      out_ +=
          "<select data-field=\"stage\" aria-label=\"Stage\"><option value=\"\">Every "
          "stage</option></select>";
    }
    for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
      if (filter_keys_[i].empty()) continue;
      out_ += fmt::format(
          "<select data-field=\"{}\" aria-label=\"{}\"><option value=\"\">Every "
          "{}</option></select>",
          filter_keys_[i], esc(plan_.shown[i].label), esc(lowercase_first(plan_.shown[i].label)));
    }
    if (quarter_field_ != kNone)
      out_ +=
          "<select data-field=\"quarter\" aria-label=\"Close quarter\"><option value=\"\">Every "
          "close quarter</option></select>";
    out_ += "<button type=\"button\" id=\"csv\">Download shown rows as CSV</button>";
    out_ += "<span id=\"shown\"></span></div>\n";
    out_ += fmt::format(
        "<div class=\"wrap\"><table id=\"deal-table\" "
        "data-total-deals=\"{}\"><thead><tr><th>Deal</th>",
        summary_.evaluated() + summary_.unreadable());
    out_ += shown_headings();
    out_ += "<th>Line</th>";
    if (owner_) out_ += "<th>Owner</th>";
    if (plan_.stages) out_ += "<th>CRM stage</th><th>Stage audit</th>";
    if (judged_deals() > 0) out_ += "<th>Next-phase gate</th>";
    if (!plan_.waivers.empty()) out_ += "<th>Waivers</th>";
    for (BlockIndex g : gates_) {
      // Long gate names may break after an underscore, so the checklist column keeps its room.
      std::string name = esc(plan_.blocks[g].name);
      for (std::size_t at = name.find('_'); at != std::string::npos; at = name.find('_', at + 6))
        name.insert(at + 1, "<wbr>");
      out_ +=
          fmt::format("<th class=\"gate\" title=\"{}\">{}</th>", esc(plan_.blocks[g].label), name);
    }
    out_ += "<th class=\"todo\">To do</th></tr></thead>\n<tbody>\n";
    const std::vector<Kept> rows = sorted(deal_rows_);
    for (const Kept& row : rows) out_ += row.html;
    out_ += "</tbody></table></div>\n";
    const std::uint64_t total = summary_.evaluated() + summary_.unreadable();
    if (rows.size() < total) {
      out_ += fmt::format(
          "<p class=\"note\" id=\"rows-kept\">The table keeps the {} largest of {} deals (by "
          "amount); "
          "the counts and money above cover all of them.</p>\n",
          rows.size(), total);
    }
    out_ += "</section>\n";
  }

  // "2026 Q4" from a date written 2026-11-26; empty for anything else.
  static std::string quarter_of(const std::string& date) {
    if (date.size() < 7 || date[4] != '-') return "";
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    if (month < 1 || month > 12) return "";
    return fmt::format("{} Q{}", date.substr(0, 4), (month - 1) / 3 + 1);
  }

  std::string deal_row(const DealResult& d, const std::vector<std::size_t>& guard) {
    std::string row;
    std::swap(row, out_);
    const bool readable = d.error.empty();
    bool open = !readable;
    for (const GateResult& g : d.gates) open = open || g.status != Status::Pass;
    const bool ahead = readable && d.has_stage && d.stage.verdict == StageAudit::Verdict::Ahead;
    const Next next = readable ? next_status(d, guard) : Next::None;
    const bool held = next == Next::Fail || next == Next::Unknown;
    std::string fields;
    if (readable && owner_ && d.stage.has_owner)
      fields += fmt::format(" data-owner=\"{}\"", esc(d.stage.owner));
    if (readable && d.has_stage) {
      if (d.stage.recorded < plan_.phases.size())
        fields += fmt::format(" data-phase=\"{}\"", esc(plan_.phases[d.stage.recorded]));
      if (!d.stage.value.empty()) fields += fmt::format(" data-stage=\"{}\"", esc(d.stage.value));
    }
    for (std::size_t i = 0; readable && i < filter_keys_.size() && i < d.shown.size(); ++i) {
      if (!filter_keys_[i].empty() && !d.shown[i].empty())
        fields += fmt::format(" data-{}=\"{}\"", filter_keys_[i], esc(d.shown[i]));
    }
    if (readable && quarter_field_ != kNone && quarter_field_ < d.shown.size()) {
      const std::string quarter = quarter_of(d.shown[quarter_field_]);
      if (!quarter.empty()) fields += fmt::format(" data-quarter=\"{}\"", quarter);
    }
    out_ += fmt::format(
        "<tr class=\"deal\" data-open=\"{}\" data-ahead=\"{}\" data-held=\"{}\"{}><td "
        "class=\"id\">{}</td>",
        open ? 1 : 0, ahead ? 1 : 0, held ? 1 : 0, fields, esc(deal_name(d)));
    out_ += readable ? shown_cells(d) : std::string();
    if (!readable) {
      for (std::size_t i = 0; i < plan_.shown.size(); ++i) {
        if (has_own_column(i)) continue;
        out_ += "<td></td>";
      }
    }
    out_ += fmt::format("<td class=\"num\">{}</td>", d.line);
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
    if (judged_deals_possible()) {
      if (guard.empty()) {
        out_ += "<td data-sort=\"9\"></td>";
      } else {
        const Status s = *next_phase_status(d, guard);
        const PlanBlock& block = plan_.blocks[gates_[guard.front()]];
        out_ += fmt::format(
            "<td data-sort=\"{}\"><span class=\"pill {}\">{}</span> <span "
            "class=\"cid\">{}</span></td>",
            status_order(s), status_name(s), status_name(s),
            esc(block.label.empty() ? block.name : block.label));
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
    for (std::size_t i = 0; i < gates_.size(); ++i) {
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
    std::swap(row, out_);
    return row;
  }

  static int status_index(Status s) { return s == Status::Pass ? 0 : s == Status::Fail ? 1 : 2; }

  // How a deal stands at the gate to its next phase.
  enum class Next { Pass, Fail, Unknown, None };

  static Next next_status(const DealResult& d, const std::vector<std::size_t>& guard) {
    const std::optional<Status> s = next_phase_status(d, guard);
    if (!s) return Next::None;
    return *s == Status::Pass ? Next::Pass : *s == Status::Fail ? Next::Fail : Next::Unknown;
  }

  std::uint64_t judged_deals() const { return next_[0].deals + next_[1].deals + next_[2].deals; }
  bool judged_deals_possible() const { return plan_.stages.has_value() && !plan_.phases.empty(); }

  MoneyTotals all_money() const {
    MoneyTotals all;
    for (const MoneyTotals& t : next_) all.merge(t);
    return all;
  }
  MoneyTotals held_back_money() const {
    MoneyTotals held = next_[static_cast<int>(Next::Fail)];
    held.merge(next_[static_cast<int>(Next::Unknown)]);
    return held;
  }

  template <typename Totals>
  static void merge_each(Totals& into, const Totals& from) {
    for (std::size_t i = 0; i < std::size(into); ++i) into[i].merge(from[i]);
  }

  // A rendered row kept for a table: the largest amounts win; without money, the first deals.
  // Input order is the line, then the order of adding (deals of one builder, lines all alike), so
  // that rows merged from several builders rank as they would in one.
  struct Kept {
    double key = 0;
    std::uint64_t line = 0;
    std::uint64_t order = 0;
    std::string html;
  };
  static bool earlier(const Kept& a, const Kept& b) {
    return a.line != b.line ? a.line < b.line : a.order < b.order;
  }
  static bool larger(const Kept& a, const Kept& b) {
    return a.key != b.key ? a.key > b.key : earlier(a, b);
  }
  // The rows of one table. Once trimmed, a deal that ranks below the smallest kept key is not
  // even rendered: coming later, it would lose to every kept row of that key.
  struct KeptRows {
    std::vector<Kept> rows;
    bool trimmed = false;
    double floor = 0;  // once trimmed: the smallest key kept
  };
  template <typename Render>
  void keep(KeptRows& table, const DealResult& d, Render render) {
    const double key = d.has_money ? d.money : -std::numeric_limits<double>::infinity();
    if (table.trimmed && key <= table.floor) return;
    table.rows.push_back({key, d.line, ++kept_order_, render()});
    // Trimmed in batches, so keeping costs O(log n) a deal and never more than 2 * max_rows rows.
    if (table.rows.size() >= 2 * max_rows_) trim(table);
  }
  void trim(KeptRows& table) const {
    std::vector<Kept>& rows = table.rows;
    table.trimmed = true;
    if (max_rows_ == 0) {
      rows.clear();
      table.floor = std::numeric_limits<double>::infinity();
      return;
    }
    std::nth_element(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(max_rows_ - 1),
                     rows.end(), larger);
    rows.resize(max_rows_);  // rows[max_rows_ - 1] now ranks last: the smallest key kept
    table.floor = rows.back().key;
  }
  // Another builder's rows into these: the best of both, as if one builder had seen every deal.
  void merge_rows(KeptRows& table, KeptRows& other) {
    table.rows.insert(table.rows.end(), std::make_move_iterator(other.rows.begin()),
                      std::make_move_iterator(other.rows.end()));
    if (table.rows.size() > max_rows_) trim(table);
  }
  // The kept rows, at most max_rows, in input order.
  std::vector<Kept> sorted(KeptRows& table) const {
    if (table.rows.size() > max_rows_) trim(table);
    std::vector<Kept> out = std::move(table.rows);
    std::sort(out.begin(), out.end(), earlier);
    return out;
  }

  const Plan& plan_;
  const ReportMeta& meta_;
  std::size_t max_rows_;
  Summary summary_;
  StageSummary stages_;
  WaiverSummary waivers_;
  bool owner_ = false;
  std::vector<BlockIndex> gates_;      // every gate, declaration order
  std::size_t quarter_field_ = kNone;  // the shown close date, by whose quarter the table filters
  std::vector<std::string> filter_keys_;  // per shown fact: its filter's key, empty for none
  std::uint64_t readable_ = 0, all_pass_ = 0, kept_order_ = 0;
  std::vector<std::array<MoneyTotals, 3>> gate_money_;  // by gate, by status
  std::map<BlockIndex, std::array<MoneyTotals, 3>>
      guard_counts_;                             // deals judged on the gate, by status
  MoneyTotals next_[4];                          // by Next
  std::vector<std::uint64_t> failed_, unknown_;  // by ConditionIndex
  std::vector<MoneyTotals> held_money_;          // by ConditionIndex
  std::map<std::string, std::uint64_t> missing_;
  std::map<std::uint32_t, MoneyTotals> by_phase_;
  std::map<std::string, MoneyTotals> by_stage_, by_owner_;
  MoneyTotals at_risk_;
  KeptRows deal_rows_, ahead_rows_;
  std::string out_;
};

}  // namespace

namespace {

// What stands for `c` in HTML text and attribute values; null where `c` stands for itself.
const char* html_entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return nullptr;
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (const char* entity = html_entity(c)) {
      out += entity;
    } else {
      out += c;
    }
  }
  return out;
}

struct ReportBuilder::Impl {
  Impl(const Plan& plan, const ReportMeta& meta, std::size_t max_rows)
      : meta_copy(meta), report(plan, meta_copy, max_rows) {}
  ReportMeta meta_copy;
  Report report;
};

ReportBuilder::ReportBuilder(const Plan& plan, const ReportMeta& meta, std::size_t max_rows)
    : impl_(std::make_unique<Impl>(plan, meta, max_rows)) {}
ReportBuilder::~ReportBuilder() = default;
void ReportBuilder::add(const DealResult& deal) {
  impl_->report.add(deal);
}
void ReportBuilder::merge(ReportBuilder& other) {
  impl_->report.merge(other.impl_->report);
}
std::string ReportBuilder::html(std::string_view trends) {
  return impl_->report.build(trends);
}

std::string build_report_html(const Plan& plan, const std::vector<DealResult>& deals,
                              const ReportMeta& meta, std::string_view trends) {
  ReportBuilder builder(plan, meta);
  for (const DealResult& d : deals) builder.add(d);
  return builder.html(trends);
}

}  // namespace dealgate::cli
