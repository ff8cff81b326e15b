// Eight weekly runs over evolving deals, recorded with `eval --record` (and one with `report
// --record`), then every answer of `dealgate history` and every trend figure of `report --history`
// checked against a model of the same deals computed here, without the database.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>

#include "base/calendar.hpp"
#include "run_binary.hpp"

namespace dealgate {
namespace {

using testing::run_dealgate;
using testing::slurp;

constexpr int kWeeks = 8;
constexpr int kDeals = 13;
constexpr int kStaleWithin = 14;
const char* const kStages[] = {"Discovery", "Design", "Proposal"};

std::string rules_text(int max_age) {
  return "ruleset \"History fixture\"\n"
         "phases Design -> Deliver\n"
         "facts {\n  id: string\n  stage: string\n  amount: number\n  close_date: date\n"
         "  value_ok: bool\n  buyer_ok: bool\n  confirmed_on: date\n}\n"
         // The history takes the amount and the close date from what the rules show.
         "show {\n  amount \"Amount\" as money in \"EUR\"\n  close_date \"Close\"\n}\n"
         "param max_age: number = " +
         std::to_string(max_age) +
         "\n"
         "milestone value {\n  require ok: value_ok\n}\n"
         "milestone fresh_enough {\n  require fresh: today - confirmed_on <= max_age\n}\n"
         "gate design_ok enters Design {\n  require value_ok\n}\n"
         "gate enter_delivery enters Deliver {\n  requires value, fresh_enough\n"
         "  require buyer: buyer_ok\n}\n";
}

DayNumber today_of(int week) {
  return days_from_civil(2026, 10, 5) + 7 * week;
}
int max_age_of(int week) {
  return week >= 6 ? 25 : 30;
}  // the rules change in week 6

// One deal in one week, as the model sees it.
struct Deal {
  std::string id;
  std::string stage;
  double amount = 0;
  DayNumber close = 0;
  bool value_ok = false;
  std::optional<bool> buyer_ok;  // none: missing, so enter_delivery.buyer is unknown
  DayNumber confirmed_on = 0;
};

std::optional<Deal> deal_in(int i, int w) {
  if (i == 11 && w == 3) return std::nullopt;  // missing from one export
  if (i == 12 && w < 5) return std::nullopt;   // a new deal from week 5
  Deal d;
  d.id = "H" + std::to_string(100 + i);
  d.stage = kStages[((w + i % 3) / 3) % 3];
  d.amount = 1000.0 * (i + 1);
  DayNumber close = days_from_civil(2026, 12, 1);
  if (i % 3 == 0) close += 10 * (w / 2);  // slips every second week
  if (i % 4 == 1 && w >= 5) close -= 5;   // pulled in once: not a slip
  if (i == 7) close += w * w;             // slips more each week
  d.close = close;
  d.value_ok = (i + w) % 3 != 0;
  if ((i * w) % 5 != 4) d.buyer_ok = i % 4 != w % 4;
  d.confirmed_on = today_of(w) - (i * 11 + w * 3) % 40;
  return d;
}

std::string deal_json(const Deal& d) {
  nlohmann::json j = {{"id", d.id},
                      {"stage", d.stage},
                      {"amount", d.amount},
                      {"close_date", format_date(d.close)},
                      {"value_ok", d.value_ok},
                      {"confirmed_on", format_date(d.confirmed_on)}};
  if (d.buyer_ok) j["buyer_ok"] = *d.buyer_ok;
  return j.dump();
}

struct GateModel {
  std::string status;
  std::vector<std::string> failed, unknown;
};

// The rules above, by hand: SPEC section 6.
std::map<std::string, GateModel> gates_of(const Deal& d, int week) {
  std::map<std::string, GateModel> gates;
  GateModel& design = gates["design_ok"];
  design.status = d.value_ok ? "pass" : "fail";
  if (!d.value_ok) design.failed = {"design_ok.1"};
  GateModel& delivery = gates["enter_delivery"];
  const bool fresh = today_of(week) - d.confirmed_on <= max_age_of(week);
  if (!d.value_ok) delivery.failed.push_back("value.ok");
  if (!fresh) delivery.failed.push_back("fresh_enough.fresh");
  if (d.buyer_ok == false) delivery.failed.push_back("enter_delivery.buyer");
  if (!d.buyer_ok) delivery.unknown.push_back("enter_delivery.buyer");
  delivery.status = !delivery.failed.empty()    ? "fail"
                    : !delivery.unknown.empty() ? "unknown"
                                                : "pass";
  return gates;
}

std::vector<std::string> minus(const std::vector<std::string>& now,
                               const std::vector<std::string>& before) {
  std::vector<std::string> out;
  for (const std::string& id : now) {
    if (std::find(before.begin(), before.end(), id) == before.end()) out.push_back(id);
  }
  return out.empty() ? now : out;
}

// The start of a phase row of the report's trends.
std::string fmt_row(const std::string& week, const std::string& phase, int ready, int deals) {
  return "<tr data-week=\"" + week + "\" data-phase=\"" + phase + "\" data-ready=\"" +
         std::to_string(ready) + "\" data-deals=\"" + std::to_string(deals) + "\">";
}

class HistoryWeeks : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "history_weeks_" + std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = dir_ + "/history.db";
    for (int w = 0; w < kWeeks; ++w) {
      const std::string rules = dir_ + "/rules" + std::to_string(max_age_of(w)) + ".gate";
      std::ofstream(rules) << rules_text(max_age_of(w));
      std::ofstream facts(facts_of(w));
      for (int i = 0; i < kDeals; ++i) {
        if (auto d = deal_in(i, w)) facts << deal_json(*d) << "\n";
      }
      facts.close();
      const std::string command = w == 4 ? "report" : "eval";
      const std::string output = w == 4 ? " -o " + dir_ + "/week4.html" : " --format jsonl";
      const testing::Run run =
          run_dealgate(command + " " + rules + " --facts " + facts_of(w) + " --today " +
                       format_date(today_of(w)) + " --record " + db_ + output);
      ASSERT_EQ(run.exit_code, w == 4 ? 0 : 1) << run.err;
      ASSERT_NE(run.err.find("recorded"), std::string::npos) << run.err;
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string facts_of(int w) const { return dir_ + "/week" + std::to_string(w) + ".jsonl"; }

  nlohmann::json history(const std::string& options) {
    const testing::Run run = run_dealgate("history " + db_ + " --format json " + options);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out);
  }

  // What `history` must say, comparing week `latest` with week `baseline`.
  nlohmann::json expected_changes(int baseline, int latest) {
    nlohmann::json changes = nlohmann::json::array();
    std::map<std::string, nlohmann::json> by_deal;  // sorted by id, as the command sorts
    for (int i = 0; i < kDeals; ++i) {
      const std::optional<Deal> now = deal_in(i, latest);
      if (!now) continue;
      const std::optional<Deal> before = deal_in(i, baseline);
      const auto gates_now = gates_of(*now, latest);
      nlohmann::json list = nlohmann::json::array();
      for (const char* gate : {"design_ok", "enter_delivery"}) {
        const GateModel& to = gates_now.at(gate);
        std::optional<GateModel> from;
        if (before) from = gates_of(*before, baseline).at(gate);
        const std::string from_status = from ? from->status : "new";
        if (from_status == to.status) continue;
        std::vector<std::string> conditions;
        if (to.status == "fail") conditions = from ? minus(to.failed, from->failed) : to.failed;
        if (to.status == "unknown")
          conditions = from ? minus(to.unknown, from->unknown) : to.unknown;
        if (to.status == "pass" && from) {
          conditions = from->failed;
          conditions.insert(conditions.end(), from->unknown.begin(), from->unknown.end());
        }
        list.push_back({{"deal", now->id},
                        {"gate", gate},
                        {"from", from_status},
                        {"to", to.status},
                        {"conditions", conditions}});
      }
      by_deal[now->id] = list;
    }
    for (auto& [id, list] : by_deal) {
      for (auto& change : list) changes.push_back(change);
    }
    return changes;
  }

  std::string dir_, db_;
};

TEST_F(HistoryWeeks, EveryAnswerOfHistoryMatchesTheModel) {
  const nlohmann::json answer = history("--stale-within " + std::to_string(kStaleWithin));
  const int last = kWeeks - 1;
  EXPECT_EQ(answer["runs"], kWeeks);
  EXPECT_EQ(answer["latest"]["today"], format_date(today_of(last)));
  EXPECT_EQ(answer["baseline"]["today"], format_date(today_of(last - 1)));
  // The rules changed in week 6 only; weeks 6 and 7 share them.
  EXPECT_EQ(answer["rule_changes"], nlohmann::json::array({format_date(today_of(6))}));
  EXPECT_EQ(answer["rules_changed"], false);
  EXPECT_EQ(answer["changes"], expected_changes(last - 1, last));
  EXPECT_FALSE(answer["changes"].empty());

  // Time in stage, close-date slips and stale confirmations, from the model week by week.
  std::multimap<std::int64_t, nlohmann::json, std::greater<>> stage_times;
  std::map<std::string, nlohmann::json> slips;
  nlohmann::json stale = nlohmann::json::array();
  std::vector<std::tuple<DayNumber, std::string>> stale_order;
  for (int i = 0; i < kDeals; ++i) {
    const std::optional<Deal> now = deal_in(i, last);
    if (!now) continue;
    int first = last;
    while (first > 0 && deal_in(i, first - 1) && deal_in(i, first - 1)->stage == now->stage)
      --first;
    stage_times.emplace(today_of(last) - today_of(first),
                        nlohmann::json{{"deal", now->id},
                                       {"stage", now->stage},
                                       {"since", format_date(today_of(first))},
                                       {"days", today_of(last) - today_of(first)}});
    int times = 0;
    std::int64_t days = 0;
    std::optional<DayNumber> previous, first_close;
    for (int w = 0; w <= last; ++w) {
      const std::optional<Deal> d = deal_in(i, w);
      if (!d) continue;
      if (!first_close) first_close = d->close;
      if (previous && d->close > *previous) {
        ++times;
        days += d->close - *previous;
      }
      previous = d->close;
    }
    if (times > 0) {
      slips[now->id] = {{"deal", now->id},
                        {"times", times},
                        {"days", days},
                        {"first", format_date(*first_close)},
                        {"current", format_date(now->close)}};
    }
    const DayNumber stale_on = now->confirmed_on + max_age_of(last) + 1;
    if (stale_on > today_of(last) && stale_on <= today_of(last) + kStaleWithin) {
      stale_order.emplace_back(stale_on, now->id);
    }
  }
  ASSERT_EQ(answer["stage_times"].size(), stage_times.size());
  // Longest first; deals with equal days in id order.
  std::map<std::int64_t, std::vector<nlohmann::json>, std::greater<>> grouped;
  for (auto& [days, row] : stage_times) grouped[days].push_back(row);
  nlohmann::json expected_stage = nlohmann::json::array();
  for (auto& [days, rows] : grouped) {
    std::sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return a["deal"] < b["deal"];
    });
    for (auto& row : rows) expected_stage.push_back(row);
  }
  EXPECT_EQ(answer["stage_times"], expected_stage);

  nlohmann::json expected_slips = nlohmann::json::array();
  for (auto& [id, row] : slips) expected_slips.push_back(row);
  std::stable_sort(expected_slips.begin(), expected_slips.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return a["days"].get<int>() > b["days"].get<int>();
                   });
  EXPECT_EQ(answer["close_date_slips"], expected_slips);
  EXPECT_GE(expected_slips.size(), 4u);  // deals 0, 3, 6, 9, 12 slip; 7 too

  std::sort(stale_order.begin(), stale_order.end());
  for (const auto& [stale_on, id] : stale_order) {
    const Deal d = *deal_in(std::stoi(id.substr(1)) - 100, last);
    stale.push_back({{"deal", id},
                     {"condition", "fresh_enough.fresh"},
                     {"fact", "confirmed_on"},
                     {"confirmed_on", format_date(d.confirmed_on)},
                     {"stale_on", format_date(stale_on)},
                     {"days_left", stale_on - today_of(last)}});
  }
  EXPECT_EQ(answer["stale_soon"], stale);
  EXPECT_FALSE(stale.empty());
}

TEST_F(HistoryWeeks, SinceComparesWithTheLastRunOnOrBeforeTheDay) {
  // A day between weeks 3 and 4: the baseline is week 3, and the rules changed since.
  const nlohmann::json answer = history("--since " + format_date(today_of(3) + 2));
  EXPECT_EQ(answer["baseline"]["today"], format_date(today_of(3)));
  EXPECT_EQ(answer["rules_changed"], true);
  EXPECT_EQ(answer["changes"], expected_changes(3, kWeeks - 1));
  const testing::Run text = run_dealgate("history " + db_ + " --since " + format_date(today_of(3)));
  EXPECT_NE(text.out.find("The rules changed between these runs"), std::string::npos) << text.out;
}

TEST_F(HistoryWeeks, ARerunOfTheSameDayAndInputReplacesIt) {
  const int last = kWeeks - 1;
  const testing::Run again =
      run_dealgate("eval " + dir_ + "/rules25.gate --facts " + facts_of(last) + " --today " +
                   format_date(today_of(last)) + " --record " + db_ + " --format jsonl");
  EXPECT_NE(again.err.find("replacing"), std::string::npos) << again.err;
  EXPECT_EQ(history("")["runs"], kWeeks);
}

TEST_F(HistoryWeeks, TheReportsTrendsMatchTheModel) {
  const std::string page = dir_ + "/trends.html";
  const testing::Run run = run_dealgate(
      "report " + dir_ + "/rules25.gate --facts " + facts_of(kWeeks - 1) + " --today " +
      format_date(today_of(kWeeks - 1)) + " --history " + db_ + " -o " + page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string html = slurp(page);
  const std::regex gate_row(
      "<tr data-week=\"([0-9-]+)\" data-gate=\"([a-z_]+)\" data-pass=\"([0-9]+)\" "
      "data-fail=\"([0-9]+)\" data-unknown=\"([0-9]+)\" data-ready=\"([0-9.]+)\" "
      "data-at-risk=\"([0-9.]+)\" data-regressions=\"([0-9]+)\">");
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> rows;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), gate_row);
       it != std::sregex_iterator(); ++it) {
    rows[{(*it)[1], (*it)[2]}] = {(*it)[3], (*it)[4], (*it)[5], (*it)[6], (*it)[7], (*it)[8]};
  }
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(kWeeks * 2));
  for (int w = 0; w < kWeeks; ++w) {
    for (const char* gate : {"design_ok", "enter_delivery"}) {
      int pass = 0, fail = 0, unknown = 0, regressions = 0;
      double ready = 0, at_risk = 0;
      for (int i = 0; i < kDeals; ++i) {
        const std::optional<Deal> d = deal_in(i, w);
        if (!d) continue;
        const std::string status = gates_of(*d, w).at(gate).status;
        (status == "pass" ? pass : status == "fail" ? fail : unknown)++;
        (status == "pass" ? ready : at_risk) += d->amount;
        const std::optional<Deal> before = w > 0 ? deal_in(i, w - 1) : std::nullopt;
        if (before && status != "pass" && gates_of(*before, w - 1).at(gate).status == "pass")
          ++regressions;
      }
      const auto& row = rows.at({format_date(today_of(w)), gate});
      EXPECT_EQ(row[0], std::to_string(pass)) << w << gate;
      EXPECT_EQ(row[1], std::to_string(fail)) << w << gate;
      EXPECT_EQ(row[2], std::to_string(unknown)) << w << gate;
      EXPECT_DOUBLE_EQ(std::stod(row[3]), ready) << w << gate;
      EXPECT_DOUBLE_EQ(std::stod(row[4]), at_risk) << w << gate;
      EXPECT_EQ(row[5], std::to_string(regressions)) << w << gate;
    }
    // Readiness per phase: each phase has one gate here.
    for (const auto& [phase, gate] :
         {std::pair{"Design", "design_ok"}, std::pair{"Deliver", "enter_delivery"}}) {
      int ready = 0, deals = 0;
      for (int i = 0; i < kDeals; ++i) {
        const std::optional<Deal> d = deal_in(i, w);
        if (!d) continue;
        ++deals;
        ready += gates_of(*d, w).at(gate).status == "pass" ? 1 : 0;
      }
      const std::string expected = fmt_row(format_date(today_of(w)), phase, ready, deals);
      EXPECT_NE(html.find(expected), std::string::npos) << expected;
    }
  }
  EXPECT_NE(html.find("<p class=\"rule-change\" data-week=\"" + format_date(today_of(6)) + "\">"),
            std::string::npos);
  EXPECT_EQ(html.find("class=\"rule-change\" data-week=\"" + format_date(today_of(7))),
            std::string::npos);
}

}  // namespace
}  // namespace dealgate
