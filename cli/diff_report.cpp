#include "cli/diff_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "base/json_text.hpp"
#include "base/json_writer.hpp"
#include "cli/csv_field.hpp"
#include "cli/plural.hpp"
#include "cli/report_money.hpp"
#include "cli/terminal.hpp"
#include "cli/writer.hpp"
#include "engine/eval/evaluator.hpp"

namespace dealgate::cli {
namespace {

std::string status_text(std::optional<Status> s) {
  return s ? status_name(*s) : "none";
}

// The summary's words for a transition.
std::string transition_text(const Transition& t) {
  if (t.from == t.to) return status_text(t.from) + ", other conditions";
  return status_text(t.from) + " → " + status_text(t.to);
}

// Display width of UTF-8 text (the arrow is one column).
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(std::string text, std::size_t columns) {
  const std::size_t w = width(text);
  if (w < columns) text.append(columns - w, ' ');
  return text;
}

std::string gate_label(const DiffGate& gate) {
  if (gate.added()) return gate.name + " (added)";
  if (gate.removed()) return gate.name + " (removed)";
  return gate.name;
}

std::string deal_label(const DealChanges& deal) {
  const std::string id = id_text(deal.id_json);
  return id.empty() ? fmt::format("line {} (no id)", deal.line)
                    : fmt::format("{} (line {})", id, deal.line);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

void json_list(JsonWriter& json, const std::vector<std::string>& items) {
  json.begin_array();
  for (const std::string& item : items) json.string(item);
  json.end_array();
}

void json_status(JsonWriter& json, std::optional<Status> s) {
  if (s) {
    json.string(status_name(*s));
  } else {
    json.null();
  }
}

// The condition lists of a gate change, in the order every format writes them: the words of the
// text report, the JSON key. The waiver lists come last: only written when a rule set has waivers.
struct ConditionList {
  std::string_view words;
  std::string_view key;
  std::vector<std::string> GateChange::*ids;
};
constexpr ConditionList kConditionLists[] = {
    {"newly failed", "newly_failed", &GateChange::newly_failed},
    {"newly unknown", "newly_unknown", &GateChange::newly_unknown},
    {"no longer failed", "no_longer_failed", &GateChange::no_longer_failed},
    {"no longer unknown", "no_longer_unknown", &GateChange::no_longer_unknown},
    {"newly waived", "newly_waived", &GateChange::newly_waived},
    {"no longer waived", "no_longer_waived", &GateChange::no_longer_waived},
};
constexpr std::size_t kListsWithoutWaivers = 4;

const char* side(bool added, bool removed) {
  return added ? "new" : removed ? "old" : "both";
}

// The table's name for the status at the gate to each deal's next phase; no gate is called so.
constexpr const char* kNextPhase = "next-phase gate";
constexpr const char* kNextPhaseCsv = "(next phase)";

bool has_money(const DiffReport& report) {
  return report.money != nullptr && report.money->has_money();
}
bool has_next_phase(const DiffReport& report) {
  return report.money != nullptr && report.money->has_next_phase();
}

std::string amount_words(const MoneyTotals& totals) {
  return totals.empty() ? std::string("no amount") : money_totals_text(totals);
}

// {"EUR":350000,"USD":820000}: one key per currency as the data writes it ("" for none).
void json_money(JsonWriter& json, const MoneyTotals& totals) {
  json.begin_object();
  for (const auto& [currency, amount] : totals.by_currency)
    json.key(currency).raw(format_number(amount.value()));
  json.end_object();
}

void json_transitions(JsonWriter& json, const std::vector<Transition>& transitions,
                      const MovedMoney* money) {
  json.begin_array();
  for (const Transition& t : transitions) {
    json.begin_object().key("from");
    json_status(json, t.from);
    json.key("to");
    json_status(json, t.to);
    json.key("deals").number(t.deals);
    if (money != nullptr && t.from != t.to) {
      json.key("amount");
      json_money(json, money->of(t.from, t.to));
    }
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_diff_text(const DiffReport& report, std::ostream& out, bool color) {
  const RuleDiff& diff = *report.diff;
  const Palette p = Palette::of(color);
  auto paint = [&](std::optional<Status> s) {
    const std::string word = status_text(s);
    if (!s) return word;
    const char* colour = *s == Status::Pass ? p.pass : *s == Status::Fail ? p.fail : p.unknown;
    return fmt::format("{}{}{}", colour, word, p.reset);
  };
  std::string text;
  text += fmt::format("Old rules: {}\nNew rules: {}\n", report.old_rules, report.new_rules);
  std::size_t gates_changed = 0;
  for (std::size_t g : diff.selected()) gates_changed += !diff.transitions(g).empty();
  std::size_t status_changed = 0;
  for (const DealChanges& deal : report.changes) {
    status_changed += std::any_of(deal.gates.begin(), deal.gates.end(),
                                  [](const GateChange& c) { return c.status_changed(); });
  }
  const std::size_t only_conditions = report.changes.size() - status_changed;
  text += fmt::format("{} as of {}: ", count_of(diff.deals(), "deal"), format_date(report.today));
  if (report.changes.empty()) {
    text += "no deal changes on any gate";
  } else {
    text += fmt::format("{} {} on {} ({} in status, {} only in conditions)", report.changes.size(),
                        report.changes.size() == 1 ? "deal changes" : "deals change",
                        count_of(gates_changed, "gate"), status_changed, only_conditions);
  }
  if (!report.errors.empty()) {
    text += fmt::format("; {} could not be read", count_of(report.errors.size(), "record"));
  }
  text += ".\n\n";

  // The summary table.
  const bool money = has_money(report);
  const bool next_phase = has_next_phase(report);
  std::size_t gate_width = 4, change_width = 6;
  for (std::size_t g : diff.selected()) {
    gate_width = std::max(gate_width, width(gate_label(diff.gates()[g])));
    for (const Transition& t : diff.transitions(g)) {
      change_width = std::max(change_width, width(transition_text(t)));
    }
  }
  if (next_phase) {
    gate_width = std::max(gate_width, width(kNextPhase));
    for (const Transition& t : report.money->next_transitions())
      change_width = std::max(change_width, width(transition_text(t)));
  }
  change_width = std::max(change_width, width("unchanged"));
  text += fmt::format("{}{}  {}  deals{}{}\n", p.bold, pad("gate", gate_width),
                      pad("change", change_width), money ? "  amount" : "", p.reset);
  bool one_sided = false;
  // One gate's rows: its changes, with the amount of each status change, then the unchanged deals.
  auto gate_rows = [&](std::string label, const std::vector<Transition>& transitions,
                       std::uint64_t same, const MovedMoney* moved) {
    auto row = [&](const std::string& change, std::uint64_t deals, const std::string& amount) {
      text += fmt::format("{}  {}  {:>5}{}\n", pad(label, gate_width), pad(change, change_width),
                          deals, amount.empty() ? "" : "  " + amount);
      label.clear();
    };
    for (const Transition& t : transitions) {
      const std::string plain = transition_text(t);
      std::string change = pad(plain, change_width);
      if (color && t.to && t.from != t.to) {  // colour the status it went to; pad the plain text
        const std::string word = status_text(t.to);
        change.replace(plain.size() - word.size(), word.size(), paint(t.to));
      }
      const bool amount = moved != nullptr && t.from != t.to;
      row(change, t.deals, amount ? money_totals_text(moved->of(t.from, t.to)) : "");
    }
    if (same > 0 || transitions.empty()) row("unchanged", same, "");
  };
  for (std::size_t g : diff.selected()) {
    const DiffGate& gate = diff.gates()[g];
    one_sided = one_sided || gate.added() || gate.removed();
    gate_rows(gate_label(gate), diff.transitions(g), diff.unchanged(g),
              money ? &report.money->gate(g) : nullptr);
  }
  if (next_phase) {
    gate_rows(kNextPhase, report.money->next_transitions(), report.money->next_unchanged(),
              money ? &report.money->next_money() : nullptr);
  }

  // The money each gate's status changes move, per currency.
  if (money) {
    text += fmt::format("\n{}Amount of the deals that change status{}\n", p.bold, p.reset);
    bool any = false;
    auto moved_row = [&](const std::string& label, const MovedMoney& moved) {
      if (moved.moved.deals == 0) return;
      any = true;
      text += fmt::format("  {}  {} ({})\n", pad(label, gate_width), amount_words(moved.moved),
                          count_of(moved.moved.deals, "deal"));
    };
    for (std::size_t g : diff.selected()) moved_row(diff.gates()[g].name, report.money->gate(g));
    if (next_phase) moved_row(kNextPhase, report.money->next_money());
    if (!any) text += "  none: no deal changes status\n";
  }

  if (diff.has_waivers()) {
    text += fmt::format("\n{}Waivers{}\n", p.bold, p.reset);
    for (const WaiverChange& w : diff.waivers()) {
      std::string state = w.added()           ? "added"
                          : w.removed()       ? "removed"
                          : w.changes.empty() ? "unchanged"
                                              : "changed: " + join(w.changes, "; ");
      text += fmt::format("  `{}` {}\n", w.name, state);
      if (w.removed() || report.waivers == nullptr) continue;
      for (const WaiverCount& c : report.waivers->waivers()) {
        if (c.waiver != w.new_waiver) continue;
        text += "      in the new rules: " +
                describe_count(c, report.waivers->has_amount(), p.fail, p.reset) + '\n';
      }
    }
  }

  // The changed deals: status changes in full, then same-status changes one line each. Gates of
  // only one side are left to the table.
  std::string status_changes, other_conditions;
  for (std::size_t d = 0; d < report.changes.size(); ++d) {
    const DealChanges& deal = report.changes[d];
    const DealMoney* extra = d < report.deal_money.size() ? &report.deal_money[d] : nullptr;
    std::string block;
    for (const GateChange& change : deal.gates) {
      const DiffGate& gate = diff.gates()[change.gate];
      if (gate.added() || gate.removed()) continue;
      if (!change.status_changed()) {
        std::vector<std::string> parts;
        for (const ConditionList& list : kConditionLists) {
          const std::vector<std::string>& ids = change.*list.ids;
          if (!ids.empty()) parts.push_back(fmt::format("{} {}", list.words, join(ids, ", ")));
        }
        other_conditions += fmt::format("  {}  {} ({}): {}\n", deal_label(deal), gate.name,
                                        paint(change.to), join(parts, "; "));
        continue;
      }
      block += fmt::format("  {}: {} → {}\n", gate.name, paint(change.from), paint(change.to));
      for (const ConditionList& list : kConditionLists) {
        const std::vector<std::string>& ids = change.*list.ids;
        if (!ids.empty()) block += fmt::format("    {}: {}\n", list.words, join(ids, ", "));
      }
    }
    if (extra != nullptr && extra->next_from != extra->next_to) {
      block += fmt::format("  {}: {} → {}\n", kNextPhase, paint(extra->next_from),
                           paint(extra->next_to));
    }
    if (!block.empty()) {
      status_changes += fmt::format("\n{}{}{}\n", p.bold, deal_label(deal), p.reset);
      if (extra != nullptr && !extra->shown.empty()) status_changes += "  " + extra->shown + "\n";
      status_changes += block;
    }
  }
  if (!status_changes.empty()) {
    text += fmt::format("\n{}Deals that change status{}\n", p.bold, p.reset) + status_changes;
  }
  if (!other_conditions.empty()) {
    text += fmt::format("\n{}Deals that keep their status for other conditions{}\n\n", p.bold,
                        p.reset) +
            other_conditions;
  }
  if (one_sided) {
    text +=
        "\nAdded and removed gates are counted above, not listed deal by deal; "
        "`--format json` or `--format csv` lists them.\n";
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void write_diff_json(const DiffReport& report, std::ostream& out) {
  const RuleDiff& diff = *report.diff;
  std::string text;
  JsonWriter json(text);
  json.begin_object().key("old_rules").string(report.old_rules);
  json.key("new_rules").string(report.new_rules).key("today").string(format_date(report.today));
  json.key("deals").number(diff.deals()).key("changed").number(diff.changed_deals());
  json.key("unreadable").number(report.errors.size()).key("gates").begin_array();
  for (std::size_t g : diff.selected()) {
    const DiffGate& gate = diff.gates()[g];
    json.begin_object().key("gate").string(gate.name);
    json.key("in").string(side(gate.added(), gate.removed())).key("transitions");
    const MovedMoney* moved = has_money(report) ? &report.money->gate(g) : nullptr;
    json_transitions(json, diff.transitions(g), moved);
    json.key("unchanged").number(diff.unchanged(g));
    if (moved != nullptr) {
      json.key("moved");
      json_money(json, moved->moved);
    }
    json.end_object();
  }
  json.end_array();
  if (has_next_phase(report)) {
    const MovedMoney* moved = has_money(report) ? &report.money->next_money() : nullptr;
    json.key("next_phase").begin_object().key("transitions");
    json_transitions(json, report.money->next_transitions(), moved);
    json.key("unchanged").number(report.money->next_unchanged());
    if (moved != nullptr) {
      json.key("moved");
      json_money(json, moved->moved);
    }
    json.end_object();
  }
  json.key("changes").begin_array();
  for (std::size_t d = 0; d < report.changes.size(); ++d) {
    const DealChanges& deal = report.changes[d];
    const DealMoney* extra = d < report.deal_money.size() ? &report.deal_money[d] : nullptr;
    json.begin_object().key("id").raw(deal.id_json).key("line").number(deal.line);
    if (extra != nullptr && has_money(report)) {
      json.key("amount");
      if (extra->has_money) {
        json.raw(format_number(extra->money)).key("currency").string_or_null(extra->currency);
      } else {
        json.null().key("currency").null();
      }
    }
    if (extra != nullptr && has_next_phase(report)) {
      json.key("next_phase").begin_object().key("from");
      json_status(json, extra->next_from);
      json.key("to");
      json_status(json, extra->next_to);
      json.end_object();
    }
    json.key("gates").begin_object();
    for (const GateChange& change : deal.gates) {
      json.key(diff.gates()[change.gate].name).begin_object().key("from");
      json_status(json, change.from);
      json.key("to");
      json_status(json, change.to);
      const std::size_t lists =
          diff.has_waivers() ? std::size(kConditionLists) : kListsWithoutWaivers;
      for (std::size_t i = 0; i < lists; ++i) {
        json.key(kConditionLists[i].key);
        json_list(json, change.*kConditionLists[i].ids);
      }
      json.end_object();
    }
    json.end_object().end_object();
  }
  json.end_array();
  if (diff.has_waivers()) {
    json.key("waivers").begin_array();
    for (const WaiverChange& w : diff.waivers()) {
      json.begin_object().key("id").string(w.name);
      json.key("in").string(side(w.added(), w.removed())).key("changes");
      json_list(json, w.changes);
      if (!w.removed() && report.waivers != nullptr) {
        for (const WaiverCount& c : report.waivers->waivers()) {
          if (c.waiver != w.new_waiver) continue;
          json.key("in_force").number(c.in_force).key("used").number(c.used);
          json.key("expired").number(c.expired).key("amount");
          if (report.waivers->has_amount()) {
            json.raw(format_number(c.amount));
          } else {
            json.null();
          }
        }
      }
      json.end_object();
    }
    json.end_array();
  }
  json.key("errors").begin_array();
  for (const auto& [line, error] : report.errors)
    json.begin_object().key("line").number(line).key("error").string(error).end_object();
  json.end_array().end_object();
  text += '\n';
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void write_diff_csv(const DiffReport& report, std::ostream& out) {
  const RuleDiff& diff = *report.diff;
  std::string text =
      "id,line,gate,from,to,newly_failed,newly_unknown,no_longer_failed,no_longer_unknown,"
      "error";
  if (diff.has_waivers()) text += ",newly_waived,no_longer_waived";
  const bool money = has_money(report);
  if (money) text += ",amount,currency";
  text += "\r\n";
  // The columns after `error` that an error row leaves empty.
  const std::string empty_tail =
      std::string(diff.has_waivers() ? ",," : "") + (money ? ",," : "") + "\r\n";
  // Errors and changes, merged in input order.
  std::size_t e = 0;
  auto flush_errors_before = [&](std::uint64_t line) {
    for (; e < report.errors.size() && report.errors[e].first < line; ++e) {
      text += fmt::format(",{},,,,,,,,", report.errors[e].first);
      append_csv_field(text, report.errors[e].second);
      text += empty_tail;
    }
  };
  for (std::size_t d = 0; d < report.changes.size(); ++d) {
    const DealChanges& deal = report.changes[d];
    const DealMoney* extra = d < report.deal_money.size() ? &report.deal_money[d] : nullptr;
    flush_errors_before(deal.line);
    const std::string id = id_text(deal.id_json);
    // The deal's amount and currency, at the end of each of its rows.
    std::string amount;
    if (money && extra != nullptr) {
      amount = ',' + (extra->has_money ? format_number(extra->money) : std::string()) + ',';
      if (extra->has_money) append_csv_field(amount, extra->currency);
    } else if (money) {
      amount = ",,";
    }
    auto start_row = [&](std::string_view gate, std::optional<Status> from,
                         std::optional<Status> to) {
      append_csv_field(text, id);
      text += fmt::format(",{},", deal.line);
      append_csv_field(text, gate);
      text += fmt::format(",{},{},", from ? status_name(*from) : "", to ? status_name(*to) : "");
    };
    for (const GateChange& change : deal.gates) {
      start_row(diff.gates()[change.gate].name, change.from, change.to);
      append_csv_field(text, join(change.newly_failed, "; "));
      text += ',';
      append_csv_field(text, join(change.newly_unknown, "; "));
      text += ',';
      append_csv_field(text, join(change.no_longer_failed, "; "));
      text += ',';
      append_csv_field(text, join(change.no_longer_unknown, "; "));
      text += ',';
      if (diff.has_waivers()) {
        text += ',';
        append_csv_field(text, join(change.newly_waived, "; "));
        text += ',';
        append_csv_field(text, join(change.no_longer_waived, "; "));
      }
      text += amount + "\r\n";
    }
    if (extra != nullptr && has_next_phase(report) && extra->next_from != extra->next_to) {
      start_row(kNextPhaseCsv, extra->next_from, extra->next_to);
      text += ",,,," + std::string(diff.has_waivers() ? ",," : "") + amount + "\r\n";
    }
  }
  flush_errors_before(UINT64_MAX);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void write_diff(OutputFormat format, const DiffReport& report, std::ostream& out, bool color) {
  switch (format) {
    case OutputFormat::Json:
      write_diff_json(report, out);
      break;
    case OutputFormat::Csv:
      write_diff_csv(report, out);
      break;
    default:
      write_diff_text(report, out, color);
      break;
  }
}

}  // namespace dealgate::cli
