#include "cli/history_render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/json_writer.hpp"
#include "cli/csv_field.hpp"
#include "engine/eval/record_json.hpp"

namespace dealgate::cli {
namespace {

using history::HistoryAnswers;

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
      if (!c.conditions.empty()) t += fmt::format("  {}: {}", why, fmt::join(c.conditions, ", "));
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

void json_run(JsonWriter& j, const history::RunRow& run) {
  j.begin_object();
  j.key("today").string(format_date(run.today));
  j.key("input").string(run.input);
  j.key("rules_hash").string(run.rules_hash);
  j.end_object();
}

void json_strings(JsonWriter& j, const std::vector<std::string>& items) {
  j.begin_array();
  for (const std::string& item : items) j.string(item);
  j.end_array();
}

void write_json(const HistoryAnswers& a, std::ostream& out) {
  std::string text;
  JsonWriter j(text);
  j.begin_object();
  j.key("runs").number(a.runs);
  j.key("latest");
  json_run(j, a.latest);
  j.key("baseline");
  if (a.baseline) {
    json_run(j, *a.baseline);
  } else {
    j.null();
  }
  j.key("rules_changed").boolean(a.rules_changed);
  j.key("rule_changes").begin_array();
  for (DayNumber day : a.rule_changes) j.string(format_date(day));
  j.end_array();
  j.key("changes").begin_array();
  for (const history::StatusChange& c : a.changes) {
    j.begin_object().key("deal").string(c.deal).key("gate").string(c.gate);
    j.key("from").string(c.from).key("to").string(c.to).key("conditions");
    json_strings(j, c.conditions);
    j.end_object();
  }
  j.end_array();
  j.key("stage_times").begin_array();
  for (const history::StageTime& s : a.stage_times) {
    j.begin_object().key("deal").string(s.deal).key("stage").string(s.stage);
    j.key("since").string(format_date(s.since)).key("days").number(std::int64_t{s.days});
    j.end_object();
  }
  j.end_array();
  j.key("close_date_slips").begin_array();
  for (const history::CloseDateSlip& s : a.slips) {
    j.begin_object().key("deal").string(s.deal);
    j.key("times").number(std::int64_t{s.times}).key("days").number(std::int64_t{s.days});
    j.key("first").string(s.first).key("current").string(s.current);
    j.end_object();
  }
  j.end_array();
  j.key("stale_soon").begin_array();
  for (const history::StaleSoon& s : a.stale) {
    j.begin_object().key("deal").string(s.deal).key("condition").string(s.condition);
    j.key("fact").string(s.fact).key("confirmed_on").string(format_date(s.confirmed_on));
    j.key("stale_on").string(format_date(s.stale_on));
    j.key("days_left").number(std::int64_t{s.days_left});
    j.end_object();
  }
  j.end_array();
  j.end_object();
  out << text << '\n';
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
    csv_row(c, "change", s.deal, s.gate, s.from, s.to, "",
            fmt::format("{}", fmt::join(s.conditions, "; ")));
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
