#include "cli/history_render.hpp"

#include <fmt/format.h>

#include "cli/csv_field.hpp"
#include "engine/eval/record_json.hpp"

namespace dealgate::cli {
namespace {

using history::HistoryAnswers;

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string run_text(const history::RunRow& run) {
  return fmt::format("{} ({})", format_date(run.today), run.input);
}

void write_text(const HistoryAnswers& a, const std::string& path, int stale_within,
                std::ostream& out) {
  std::string t = fmt::format("History {}: {} run{}\n", path, a.runs, a.runs == 1 ? "" : "s");
  if (!a.baseline) {
    t += fmt::format("Only one run to compare with: {}\n", run_text(a.latest));
  } else {
    t += fmt::format("Changes from {} to {}\n", run_text(*a.baseline), run_text(a.latest));
    if (a.rules_changed) {
      t += fmt::format(
          "The rules changed between these runs ({} -> {}): a status change may come from the "
          "rules, not the deal.\n",
          a.baseline->rules_hash, a.latest.rules_hash);
    }
    t += fmt::format("\nStatus changes: {}\n", a.changes.size());
    for (const history::StatusChange& c : a.changes) {
      const char* why = c.to == "pass" ? "no longer" : "because";
      t += fmt::format("  {}  {}  {} -> {}", c.deal, c.gate, c.from, c.to);
      if (!c.conditions.empty()) t += fmt::format("  {}: {}", why, joined(c.conditions, ", "));
      t += '\n';
    }
  }
  t += fmt::format("\nTime in current stage: {}\n", a.stage_times.size());
  for (const history::StageTime& s : a.stage_times) {
    t += fmt::format("  {}  {}  {} days (since {})\n", s.deal, s.stage, s.days,
                     format_date(s.since));
  }
  t += fmt::format("\nClose dates moved later: {}\n", a.slips.size());
  for (const history::CloseDateSlip& s : a.slips) {
    t += fmt::format("  {}  {} time{}, {} days in all: {} -> {}\n", s.deal, s.times,
                     s.times == 1 ? "" : "s", s.days, s.first, s.current);
  }
  t += fmt::format("\nGoing stale within {} days: {}\n", stale_within, a.stale.size());
  for (const history::StaleSoon& s : a.stale) {
    t += fmt::format("  {}  {}  {} {}: stale on {} (in {} day{})\n", s.deal, s.condition, s.fact,
                     format_date(s.confirmed_on), format_date(s.stale_on), s.days_left,
                     s.days_left == 1 ? "" : "s");
  }
  out << t;
}

void json_run(std::string& j, const history::RunRow& run) {
  j += "{\"today\":";
  append_json_string(j, format_date(run.today));
  j += ",\"input\":";
  append_json_string(j, run.input);
  j += ",\"rules_hash\":";
  append_json_string(j, run.rules_hash);
  j += '}';
}

void json_strings(std::string& j, const std::vector<std::string>& items) {
  j += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) j += ',';
    append_json_string(j, items[i]);
  }
  j += ']';
}

// `"key":"value"` pairs and numbers, for the flat objects of the lists.
void json_field(std::string& j, std::string_view key, std::string_view value) {
  append_json_string(j, key);
  j += ':';
  append_json_string(j, value);
}

void write_json(const HistoryAnswers& a, std::ostream& out) {
  std::string j = fmt::format("{{\"runs\":{},\"latest\":", a.runs);
  json_run(j, a.latest);
  j += ",\"baseline\":";
  if (a.baseline) {
    json_run(j, *a.baseline);
  } else {
    j += "null";
  }
  j += fmt::format(",\"rules_changed\":{},\"rule_changes\":[", a.rules_changed);
  for (std::size_t i = 0; i < a.rule_changes.size(); ++i) {
    j += (i > 0 ? ",\"" : "\"") + format_date(a.rule_changes[i]) + '"';
  }
  j += "],\"changes\":[";
  for (std::size_t i = 0; i < a.changes.size(); ++i) {
    const history::StatusChange& c = a.changes[i];
    j += i > 0 ? ",{" : "{";
    json_field(j, "deal", c.deal);
    j += ',';
    json_field(j, "gate", c.gate);
    j += ',';
    json_field(j, "from", c.from);
    j += ',';
    json_field(j, "to", c.to);
    j += ",\"conditions\":";
    json_strings(j, c.conditions);
    j += '}';
  }
  j += "],\"stage_times\":[";
  for (std::size_t i = 0; i < a.stage_times.size(); ++i) {
    const history::StageTime& s = a.stage_times[i];
    j += i > 0 ? ",{" : "{";
    json_field(j, "deal", s.deal);
    j += ',';
    json_field(j, "stage", s.stage);
    j += ',';
    json_field(j, "since", format_date(s.since));
    j += fmt::format(",\"days\":{}}}", s.days);
  }
  j += "],\"close_date_slips\":[";
  for (std::size_t i = 0; i < a.slips.size(); ++i) {
    const history::CloseDateSlip& s = a.slips[i];
    j += i > 0 ? ",{" : "{";
    json_field(j, "deal", s.deal);
    j += fmt::format(",\"times\":{},\"days\":{},", s.times, s.days);
    json_field(j, "first", s.first);
    j += ',';
    json_field(j, "current", s.current);
    j += '}';
  }
  j += "],\"stale_soon\":[";
  for (std::size_t i = 0; i < a.stale.size(); ++i) {
    const history::StaleSoon& s = a.stale[i];
    j += i > 0 ? ",{" : "{";
    json_field(j, "deal", s.deal);
    j += ',';
    json_field(j, "condition", s.condition);
    j += ',';
    json_field(j, "fact", s.fact);
    j += ',';
    json_field(j, "confirmed_on", format_date(s.confirmed_on));
    j += ',';
    json_field(j, "stale_on", format_date(s.stale_on));
    j += fmt::format(",\"days_left\":{}}}", s.days_left);
  }
  j += "]}\n";
  out << j;
}

// One row: kind,deal,item,from,to,days,detail.
void csv_row(std::string& c, std::string_view kind, std::string_view deal, std::string_view item,
             std::string_view from, std::string_view to, std::string_view days,
             std::string_view detail) {
  const std::string_view fields[] = {kind, deal, item, from, to, days, detail};
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) c += ',';
    append_csv_field(c, fields[i]);
  }
  c += "\r\n";
}

void write_csv(const HistoryAnswers& a, std::ostream& out) {
  std::string c = "kind,deal,item,from,to,days,detail\r\n";
  for (const history::StatusChange& s : a.changes)
    csv_row(c, "change", s.deal, s.gate, s.from, s.to, "", joined(s.conditions, "; "));
  for (const history::StageTime& s : a.stage_times)
    csv_row(c, "stage", s.deal, s.stage, format_date(s.since), "", std::to_string(s.days), "");
  for (const history::CloseDateSlip& s : a.slips) {
    csv_row(c, "slip", s.deal, "", s.first, s.current, std::to_string(s.days),
            std::to_string(s.times));
  }
  for (const history::StaleSoon& s : a.stale) {
    csv_row(c, "stale", s.deal, s.condition, format_date(s.confirmed_on), format_date(s.stale_on),
            std::to_string(s.days_left), s.fact);
  }
  out << c;
}

}  // namespace

void write_history(const HistoryAnswers& answers, const std::string& path, int stale_within,
                   OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::Json) {
    write_json(answers, out);
  } else if (format == OutputFormat::Csv) {
    write_csv(answers, out);
  } else {
    write_text(answers, path, stale_within, out);
  }
}

}  // namespace dealgate::cli
