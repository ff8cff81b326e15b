// The pipeline review page: counts in the SVG bars, one table row per deal, the stage audit, every
// deal text escaped, nothing fetched from the network, and a well-formed document.
#include "cli/report_html.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "base/json_text.hpp"
#include "engine/compile/compiler.hpp"
#include "engine/compiled_rules.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "text_holds.hpp"

namespace dealgate::cli {
namespace {

using dealgate::testing::holds;

const char* kRules = R"(
ruleset "Review <test> & co"
phases Discover -> Design -> Deliver
facts {
  id: string
  stage: string
  owner: string
  designed: bool
  signed: bool
}
stages from stage by owner {
  "Discovery" -> Discover
  "Solution Design" -> Design
  "Proposal" -> Deliver
  "Closed Lost" -> none
}
gate design_ready "Ready to design" enters Design {
  require designed: designed else "{owner} has not designed it yet"
}
gate deliver_ready "Ready to deliver" enters Deliver {
  requires design_ready
  require signed: signed else "not signed"
}
)";

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// The deal on input line `line` as a run hands it to the report: evaluated, or an error record
// when it does not read.
DealResult report_deal(const Plan& plan, std::string_view json, std::uint64_t line,
                       const EvalOptions& options) {
  FactsReader reader(plan.schema);
  ReadRecord record;
  DealResult result;
  result.line = line;
  if (!reader.read_object(json, record)) {
    result.error = record.error;
    return result;
  }
  result.id_json = record.id_json.empty() ? "null" : std::string(record.id_json);
  Evaluator(plan).evaluate(record.facts, options, result);
  return result;
}

class ReportHtmlTest : public testing::CompiledRulesTest {
 protected:
  ReportHtmlTest() : CompiledRulesTest(kRules) {}

  std::string render(const std::vector<std::string>& records) {
    EvalOptions options;
    options.checklist = true;
    std::vector<DealResult> deals;
    for (std::size_t i = 0; i < records.size(); ++i)
      deals.push_back(report_deal(plan(), records[i], i + 1, options));
    return build_report_html(plan(), deals, ReportMeta{"2026-11-26", "rules/", "deals.jsonl"});
  }
};

const std::vector<std::string> kDeals = {
    R"({"id": "D1", "stage": "Proposal", "owner": "Ann", "designed": true, "signed": true})",
    R"({"id": "D2", "stage": "Proposal", "owner": "Ann", "designed": false, "signed": true})",
    R"({"id": "D3", "stage": "Solution Design", "owner": "Bo", "designed": true})",
    R"({"id": "D4", "stage": "Discovery", "owner": "Bo", "designed": false, "signed": false})",
    R"({"id": "D5", "stage": "Closed Lost", "owner": "Cy"})",
};

TEST_F(ReportHtmlTest, StackedBarsCountPassFailUnknownPerGate) {
  const std::string html = render(kDeals);
  // design_ready: D1, D3 pass; D2, D4 fail; D5 unknown.
  EXPECT_TRUE(holds(html, R"(data-gate="design_ready" data-total="5")"));
  std::regex bar(R"re(<svg class="stacked" data-gate="(\w+)"[^>]*>(.*?)</svg>)re");
  std::map<std::string, std::string> segments;
  for (std::sregex_iterator it(html.begin(), html.end(), bar), end; it != end; ++it) {
    std::string text;
    std::string inner = (*it)[2];
    std::regex seg(R"re(data-status="(\w+)" data-count="(\d+)")re");
    for (std::sregex_iterator s(inner.begin(), inner.end(), seg); s != end; ++s) {
      text += std::string((*s)[1]) + "=" + std::string((*s)[2]) + " ";
    }
    segments[(*it)[1]] = text;
  }
  EXPECT_EQ(segments["design_ready"], "pass=2 fail=2 unknown=1 ");
  // deliver_ready: D1 passes; D2 and D4 fail; D3 (signed missing) and D5 are unknown.
  EXPECT_EQ(segments["deliver_ready"], "pass=1 fail=2 unknown=2 ");
}

TEST_F(ReportHtmlTest, OneTableRowPerDealWithItsChecklist) {
  const std::string html = render(kDeals);
  EXPECT_EQ(count_of(html, "<tr class=\"deal\""), 5);
  // D2's checklist carries the rendered `else` message.
  EXPECT_TRUE(holds(html, "Ann has not designed it yet"));
  EXPECT_TRUE(holds(html, "<th class=\"gate\" title=\"Ready to design\">design_<wbr>ready</th>"));
  EXPECT_TRUE(holds(html, "<th class=\"todo\">To do</th>"));
  EXPECT_EQ(count_of(html, "<span class=\"note\">every gate passes</span>"), 1);  // D1
}

TEST_F(ReportHtmlTest, StageAuditCountsDealsAheadByOwner) {
  const std::string html = render(kDeals);
  // D2 is recorded in Deliver but fails design_ready; D3 is in Design with design_ready passing.
  EXPECT_TRUE(
      holds(html, "<strong>1</strong> of 4 deals recorded in a phase is ahead of the evidence"));
  EXPECT_TRUE(holds(html, R"(<g class="bar-row" data-label="Ann" data-count="2">)"));
  EXPECT_TRUE(holds(html, R"(data-part="ahead" data-count="1")"));
  EXPECT_EQ(count_of(html, "data-ahead=\"1\""), 1);
  EXPECT_TRUE(holds(html, "1 in stages mapped to <code>none</code>"));
}

TEST_F(ReportHtmlTest, BlockingConditionsAndMissingFactsAreCharted) {
  const std::string html = render(kDeals);
  EXPECT_TRUE(
      holds(html, R"(<li class="bar-row" data-label="design_ready.designed" data-count="3">)"));
  EXPECT_TRUE(holds(html, R"(<li class="bar-row" data-label="signed" data-count="2">)"));
}

TEST_F(ReportHtmlTest, DealTextCannotInjectMarkup) {
  const std::string html = render({
      R"({"id": "<script>alert(1)</script>", "stage": "Proposal", "owner": "O'Neil \"&\" <b>", "designed": false})",
      R"({"id": "D2", "stage": "<img src=x onerror=alert(2)>", "owner": "</td></tr></table>"})",
  });
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_TRUE(holds(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(holds(html, "&lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_EQ(html.find("</td></tr></table>"), std::string::npos);
  EXPECT_TRUE(holds(html, "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"));
  // In attributes too (the owner chart's data-label) and in rendered messages.
  EXPECT_TRUE(holds(html, "data-label=\"O&#39;Neil &quot;&amp;&quot; &lt;b&gt;\""));
  EXPECT_TRUE(holds(html, "O&#39;Neil &quot;&amp;&quot; &lt;b&gt; has not designed it yet"));
  // The rule set's own title is escaped as well.
  EXPECT_TRUE(holds(html, "<h1>Review &lt;test&gt; &amp; co</h1>"));
  // Exactly one script element: ours.
  EXPECT_EQ(count_of(html, "<script"), 1);
}

TEST_F(ReportHtmlTest, SelfContainedAndWellFormed) {
  const std::string html = render(kDeals);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // Every element we open is closed, in order.
  std::vector<std::string> stack;
  std::regex tag(R"re(<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>)re");
  const std::set<std::string> voids = {"meta", "input", "br", "rect", "wbr"};
  std::string body = html.substr(html.find("<html"));
  // Skip the contents of <style> and <script>: they are not markup.
  for (const char* raw : {"style", "script"}) {
    const std::string open = std::string("<") + raw + ">", close = std::string("</") + raw + ">";
    std::size_t at = body.find(open);
    ASSERT_NE(at, std::string::npos);
    std::size_t end = body.find(close, at);
    ASSERT_NE(end, std::string::npos);
    body.erase(at + open.size(), end - at - open.size());
  }
  for (std::sregex_iterator it(body.begin(), body.end(), tag), end; it != end; ++it) {
    const std::string name = (*it)[2];
    if ((*it)[4] == "/" || voids.count(name)) continue;
    if ((*it)[1] == "/") {
      ASSERT_FALSE(stack.empty()) << "stray </" << name << ">";
      ASSERT_EQ(stack.back(), name) << "</" << name << "> closes <" << stack.back() << ">";
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  EXPECT_TRUE(stack.empty()) << "unclosed <" << stack.back() << ">";
  EXPECT_TRUE(holds(html, "setAttribute('data-ready', 'ok')"));
}

TEST_F(ReportHtmlTest, UnreadableRecordsAreRowsToo) {
  const std::string html = render({kDeals[0], "{\"id\": 1,"});
  EXPECT_EQ(count_of(html, "<tr class=\"deal\""), 2);
  EXPECT_TRUE(holds(html, "<span class=\"pill fail\">unreadable</span>"));
  EXPECT_TRUE(holds(html, "records that could not be read"));
}

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html_escape(R"(<a href="x">'&'</a>)"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("Tomás"), "Tomás");
}

// The waivers section: who approved each, until when, how many deals it held for and their
// amount; the deal table marks the waivers of each deal and the conditions they waived.
TEST(ReportHtmlWaivers, ListsActiveWaiversAndTheMoneyTheyCover) {
  Compilation c = compile({{"w.gate", R"(
facts { id: string, amount: number, signed: bool }
gate deliver_ready { require signed: signed }
waiver late_signature "W-3 <urgent>" {
  deal "D1", "D2"
  waives deliver_ready.signed
  approved by "Dana & Co"
  reason "paper contract in the post"
  until @2026-12-31
}
waiver lapsed { deal "D2" waives deliver_ready approved by "Sam" until @2026-01-31 }
)"}});
  ASSERT_TRUE(c.ok());
  const Plan& plan = *c.plan;
  FactsReader reader(plan.schema);
  Evaluator evaluator(plan);
  EvalOptions options;
  options.today = *parse_date("2026-11-26");
  options.checklist = true;
  std::vector<DealResult> deals;
  for (const char* json : {R"({"id": "D1", "amount": 400000, "signed": false})",
                           R"({"id": "D2", "amount": 100000, "signed": true})",
                           R"({"id": "D3", "amount": 50000, "signed": false})"}) {
    ReadRecord record;
    ASSERT_TRUE(reader.read_object(json, record));
    DealResult& result = deals.emplace_back();
    result.id_json = record.id_json;
    evaluator.evaluate(record.facts, options, result);
  }
  const std::string html =
      build_report_html(plan, deals, ReportMeta{"2026-11-26", "r/", "d.jsonl"});
  const std::string section = html.substr(html.find("<section id=\"waivers\">"));
  EXPECT_NE(section.find(
                "<td>late_signature <span class=\"cid\">W-3 &lt;urgent&gt;</span></td>"
                "<td>deliver_ready.signed</td><td>Dana &amp; Co</td><td>2026-12-31</td>"
                "<td>paper contract in the post</td><td class=\"num\">2</td>"
                "<td class=\"num\">1</td><td class=\"num\">500,000</td><td class=\"num\">0</td>"),
            std::string::npos)
      << section.substr(0, 2000);
  EXPECT_TRUE(holds(section, "<td>lapsed</td>"));
  EXPECT_TRUE(holds(html, "waived: deliver_ready.signed"));
  EXPECT_TRUE(holds(html, "lapsed (expired)"));
}

// A rule set with display fields, money in two currencies and phases: the page shows the money per
// currency, judges each deal on the gate to its next phase, and keeps only the largest rows.
const char* kMoneyRules = R"(
ruleset "Money"
phases Discover -> Design -> Deliver
facts { id: string, stage: string, owner: string, account: string, amount: number, currency: string, designed: bool, signed: bool }
show {
  account "Account"
  amount "Amount" as money in currency
}
stages from stage by owner {
  "Discovery" -> Discover
  "Solution Design" -> Design
  "Proposal" -> Deliver
}
gate after_sale "Customer is live" {
  require signed: signed
}
gate design_ready "Ready to design" enters Design {
  require designed: designed else "`designed` is false"
}
gate deliver_ready "Ready to deliver" enters Deliver {
  requires design_ready
  require signed: signed
}
)";

class ReportMoneyTest : public testing::CompiledRulesTest {
 protected:
  ReportMoneyTest() : CompiledRulesTest(kMoneyRules) {}

  std::string render(std::size_t max_rows = ReportBuilder::kDefaultRows, bool descending = false) {
    EvalOptions options;
    options.checklist = true;
    options.shown = true;
    ReportBuilder builder(plan(), ReportMeta{"2026-11-26", "rules/", "deals.jsonl"}, max_rows);
    const char* deals[] = {
        R"({"id": "D1", "stage": "Discovery", "owner": "Ann", "account": "Acme", "amount": 100, "currency": "USD", "designed": true, "signed": false})",
        R"({"id": "D2", "stage": "Discovery", "owner": "Ann", "account": "Bolt", "amount": 200, "currency": "EUR", "designed": false, "signed": false})",
        R"({"id": "D3", "stage": "Solution Design", "owner": "Bo", "account": "Cask", "amount": 300, "currency": "USD", "designed": true, "signed": false})",
        R"({"id": "D4", "stage": "Proposal", "owner": "Bo", "account": "Dune", "amount": 400, "currency": "EUR", "designed": false, "signed": true})",
    };
    if (descending) std::reverse(std::begin(deals), std::end(deals));
    std::uint64_t line = 0;
    for (const char* json : deals) {
      DealResult result = report_deal(plan(), json, ++line, options);
      EXPECT_EQ(result.error, "") << json;
      builder.add(result);
    }
    return builder.html();
  }
};

TEST_F(ReportMoneyTest, HeadlineCountsTheGateToEachDealsNextPhaseWithItsMoney) {
  const std::string html = render();
  // D1 passes design_ready (its next phase); D2 fails it, D3 fails deliver_ready; D4 is in the
  // last phase, so it is judged on the gate that enters no phase (after_sale), which it passes.
  EXPECT_TRUE(holds(html,
                    "<div class=\"value\">2</div><div class=\"label\">of 4 deals pass the gate "
                    "to their next phase</div><p class=\"money-line\">400 EUR + 100 USD</p>"));
  EXPECT_NE(
      html.find("<div class=\"value\">2</div><div class=\"label\">deals held back at the "
                "gate to their next phase</div><p class=\"money-line\">300 USD + 200 EUR</p>"),
      std::string::npos);
  // Never added across currencies.
  EXPECT_TRUE(holds(html, "<p class=\"money-line\">600 EUR + 400 USD</p>"));
  EXPECT_EQ(html.find("1,000"), std::string::npos);
}

TEST_F(ReportMoneyTest, ValueAtRiskIsTheMoneyOfDealsAheadOfTheirEvidence) {
  const std::string html = render();
  EXPECT_TRUE(holds(html, "ahead of their evidence): <strong>400 EUR</strong>"));
  EXPECT_TRUE(holds(html, "value at risk: 400 EUR"));
}

TEST_F(ReportMoneyTest, GatesAreListedInPhaseOrderAndTheNextPhaseGateIsCharted) {
  const std::string html = render();
  const std::size_t all = html.find("data-scope=\"all\"");
  ASSERT_NE(all, std::string::npos);
  const std::size_t design = html.find("data-gate=\"design_ready\"", all);
  const std::size_t deliver = html.find("data-gate=\"deliver_ready\"", all);
  const std::size_t after = html.find("data-gate=\"after_sale\"", all);
  EXPECT_LT(design, deliver);
  EXPECT_LT(deliver, after);  // declared first, but it enters no phase
  EXPECT_TRUE(holds(html, "data-gate=\"design_ready (next phase)\" data-total=\"2\""));
  EXPECT_TRUE(holds(html, "data-gate=\"deliver_ready (next phase)\" data-total=\"1\""));
}

TEST_F(ReportMoneyTest, WhatHoldsDealsBackNamesMilestonesCountsAndMoneyInWords) {
  const std::string html = render();
  // D2 fails it at its next-phase gate; D4's failing design_ready is not what holds it back now.
  EXPECT_TRUE(holds(html,
                    "<li class=\"bar-row\" data-label=\"design_ready.designed\" "
                    "data-count=\"1\"><div>Ready to design \u2014 designed</div>"));
  EXPECT_TRUE(holds(html, "1 deal (1 false, 0 cannot be decided), 200 EUR held back"));
  // The checklist is a sentence: no backticks.
  EXPECT_TRUE(holds(html, "<li>designed is false"));
  EXPECT_EQ(html.find("`designed`"), std::string::npos);
}

TEST_F(ReportMoneyTest, DealRowsShowTheDisplayFieldsAndFilterAttributes) {
  const std::string html = render();
  EXPECT_TRUE(holds(html, "<th>Account</th><th class=\"money\">Amount</th>"));
  // The account, a shown string fact, filters too: data-account, and a select of its own.
  EXPECT_TRUE(holds(html,
                    "<select data-field=\"account\" aria-label=\"Account\"><option "
                    "value=\"\">Every account</option></select>"));
  EXPECT_TRUE(holds(html,
                    "data-owner=\"Bo\" data-phase=\"Design\" data-stage=\"Solution Design\" "
                    "data-account=\"Cask\">"
                    "<td class=\"id\">D3</td><td class=\"shown\">Cask</td>"
                    "<td class=\"money\" data-sort=\"300\">300 USD</td>"));
}

TEST_F(ReportMoneyTest, ATableKeepsOnlyTheLargestDealsButTheCountsCoverAll) {
  const std::string html = render(2);
  EXPECT_EQ(count_of(html, "<tr class=\"deal\""), 2);
  EXPECT_TRUE(holds(html, "<td class=\"id\">D3</td>"));
  EXPECT_TRUE(holds(html, "<td class=\"id\">D4</td>"));
  EXPECT_EQ(html.find("<td class=\"id\">D1</td>"), std::string::npos);
  EXPECT_TRUE(holds(html, "The table keeps the 2 largest of 4 deals"));
  EXPECT_TRUE(holds(html, "<div class=\"value\">4</div><div class=\"label\">deals evaluated"));
  // Kept rows stay in input order.
  const std::string table = html.substr(html.find("<section id=\"deals\">"));
  EXPECT_LT(table.find("<td class=\"id\">D3</td>"), table.find("<td class=\"id\">D4</td>"));
}

// Deals that come after the table is full and rank below every kept row are never kept (nor
// rendered), in whatever order the amounts arrive.
TEST_F(ReportMoneyTest, TheLargestDealIsKeptWhetherItComesFirstOrLast) {
  for (bool descending : {false, true}) {
    SCOPED_TRACE(descending ? "largest first" : "largest last");
    const std::string html = render(1, descending);
    EXPECT_EQ(count_of(html, "<tr class=\"deal\""), 1);
    EXPECT_TRUE(holds(html, "<td class=\"id\">D4</td>"));
    EXPECT_TRUE(holds(html, "The table keeps the 1 largest of 4 deals"));
  }
}

// Several builders share a run (report --threads): each adds the deals of some blocks, one merges
// the others. The page must be the same byte for byte as one builder's, whichever blocks went
// where and whichever builder merges: counts, money in several currencies (amounts that adding
// doubles one by one would round differently in another order), the stage audit, waivers, and
// tables cut to their largest rows with ties among equal amounts.
const char* kMergeRules = R"(
ruleset "Merge"
phases Discover -> Design -> Deliver
facts { id: string, stage: string, owner: string, account: string, amount: number, currency: string, closes: date, designed: bool, signed: bool }
show {
  account "Account"
  amount "Amount" as money in currency
  closes "Closes"
}
stages from stage by owner {
  "Discovery" -> Discover
  "Solution Design" -> Design
  "Proposal" -> Deliver
  "Closed Lost" -> none
}
gate design_ready "Ready to design" enters Design {
  require designed: designed else "`designed` is false"
}
gate deliver_ready "Ready to deliver" enters Deliver {
  requires design_ready
  require signed: signed
}
waiver late { deal "M7", "M70", "M170" waives deliver_ready.signed approved by "Dana" until @2026-12-31 }
)";

class ReportMergeTest : public testing::CompiledRulesTest {
 protected:
  ReportMergeTest() : CompiledRulesTest(kMergeRules) {}
  void SetUpPlan() override {
    EvalOptions options;
    options.today = *parse_date("2026-11-26");
    options.checklist = true;
    options.shown = true;
    const char* stages[] = {"Discovery", "Solution Design", "Proposal", "Closed Lost", "Pilot"};
    const char* owners[] = {"Ann", "Bo", "Cy", "Di"};
    const char* currencies[] = {"EUR", "USD", "GBP"};
    const double amounts[] = {1e16, 0.1, 250000, 0.7, 1, 99.99, 250000, 3.3};
    for (int i = 0; i < 400; ++i) {
      std::string json = fmt::format(
          R"({{"id": "M{}", "stage": "{}", "owner": "{}", "account": "A{}", "currency": "{}", )"
          R"("closes": "2027-0{}-15", "designed": {}, "signed": {})",
          i, stages[i % 5], owners[(i / 3) % 4], i % 11, currencies[(i / 2) % 3], 1 + i % 9,
          i % 3 != 0 ? "true" : "false", i % 4 == 0 ? "true" : "false");
      // Without an amount now and then; -1e16 undoes 1e16 a few deals later, in the same
      // currency, so that only an exact sum keeps the small amounts in between.
      if (i % 13 != 5)
        json += fmt::format(R"(, "amount": {})", i % 16 == 8 ? -1e16 : amounts[i % 8]);
      json += "}";
      if (i % 97 == 50) json = R"({"id": "broken", "amount": })";
      deals_.push_back(report_deal(plan(), json, static_cast<std::uint64_t>(i) + 1, options));
    }
  }

  // The deals in blocks of `block` deals, block b to builder b % builders; builder `into`
  // merges the others.
  std::string split(std::size_t builders, std::size_t block, std::size_t into) {
    std::vector<std::unique_ptr<ReportBuilder>> pages;
    for (std::size_t b = 0; b < builders; ++b)
      pages.push_back(std::make_unique<ReportBuilder>(plan(), meta_, kRows));
    for (std::size_t i = 0; i < deals_.size(); ++i) pages[(i / block) % builders]->add(deals_[i]);
    for (std::size_t b = 0; b < builders; ++b) {
      if (b != into) pages[into]->merge(*pages[b]);
    }
    return pages[into]->html();
  }

  static constexpr std::size_t kRows = 7;
  std::vector<DealResult> deals_;
  ReportMeta meta_{"2026-11-26", "rules/", "deals.jsonl"};
};

TEST_F(ReportMergeTest, MergedBuildersMakeThePageOfOne) {
  const std::string one = split(1, deals_.size(), 0);
  ASSERT_EQ(count_of(one, "<tr class=\"deal\""), static_cast<int>(kRows));
  ASSERT_NE(one.find("The table keeps the 7 largest of 400 deals"), std::string::npos);
  ASSERT_NE(one.find("id=\"waivers\""), std::string::npos);
  ASSERT_NE(one.find(" EUR + "), std::string::npos);
  for (std::size_t builders : {2u, 3u, 4u}) {
    for (std::size_t block : {1u, 5u, 64u}) {
      for (std::size_t into : {std::size_t{0}, builders - 1}) {
        SCOPED_TRACE(
            fmt::format("{} builders, blocks of {}, merged into {}", builders, block, into));
        const std::string many = split(builders, block, into);
        EXPECT_TRUE(many == one);
        if (many != one) {
          const auto at = std::mismatch(one.begin(), one.end(), many.begin(), many.end());
          const std::size_t from = static_cast<std::size_t>(at.first - one.begin());
          ADD_FAILURE() << "first difference: " << one.substr(from > 200 ? from - 200 : 0, 400)
                        << "\n---\n"
                        << many.substr(from > 200 ? from - 200 : 0, 400);
        }
      }
    }
  }
}

// The 7 largest amounts are the 1e16 deals; more than 7 have it, so which are kept is decided by
// input order: the first ones, on one builder or several.
TEST_F(ReportMergeTest, EqualAmountsKeepTheFirstDealsInInputOrder) {
  const std::string page = split(3, 2, 1);
  const std::string table = page.substr(page.find("<section id=\"deals\">"));
  std::vector<std::string> kept;
  const std::regex id("<td class=\"id\">([^<]*)</td>");
  for (std::sregex_iterator it(table.begin(), table.end(), id), end; it != end; ++it)
    kept.push_back((*it)[1]);
  std::vector<std::string> expected;
  for (const DealResult& d : deals_) {
    if (d.has_money && d.money == 1e16 && expected.size() < kRows)
      expected.push_back(id_text(d.id_json));
  }
  EXPECT_EQ(kept, expected);
}

// The close-quarter filter: each row carries the calendar quarter of the shown close date
// (`close_date`, or the field --close-date-field names), never of another shown date.
std::string quarter_page(const std::string& close_date_field, bool show_close) {
  const std::string rules = std::string(R"(
facts { id: string, created_on: date, close_date: date, booked_on: date }
show {
  created_on "Created"
)") + (show_close ? "  close_date \"Close date\"\n" : "") +
                            R"(  booked_on "Booked"
}
gate g { require exists(close_date) }
)";
  Compilation compilation = compile({{"quarters.gate", rules}});
  EXPECT_TRUE(compilation.ok());
  if (!compilation.ok()) return {};
  const Plan& plan = *compilation.plan;
  EvalOptions options;
  options.shown = true;
  ReportMeta meta{"2026-11-26", "rules/", "deals.jsonl"};
  meta.close_date_field = close_date_field;
  ReportBuilder builder(plan, meta);
  const char* deals[] = {
      R"({"id": "Q1", "created_on": "2026-01-05", "close_date": "2026-12-31", "booked_on": "2027-02-01"})",
      R"({"id": "Q2", "created_on": "2026-04-05", "close_date": "2026-10-01", "booked_on": "2026-07-01"})",
      R"({"id": "Q3", "created_on": "2026-07-05", "close_date": "2027-03-31T10:00:00Z"})",
      R"({"id": "Q4", "created_on": "2026-09-30"})",
  };
  std::uint64_t line = 0;
  for (const char* json : deals) {
    DealResult result = report_deal(plan, json, ++line, options);
    EXPECT_EQ(result.error, "") << json;
    builder.add(result);
  }
  return builder.html();
}

// The data-quarter of each deal row, by id ("" when the row has none).
std::map<std::string, std::string> row_quarters(const std::string& html) {
  std::map<std::string, std::string> quarters;
  static const std::regex row(R"re(<tr class="deal"([^>]*)><td class="id">(\w+)</td>)re");
  static const std::regex quarter(R"re(data-quarter="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), row), end; it != end; ++it) {
    const std::string attributes = (*it)[1];
    std::smatch m;
    quarters[(*it)[2]] = std::regex_search(attributes, m, quarter) ? std::string(m[1]) : "";
  }
  return quarters;
}

TEST(ReportCloseQuarter, RowsCarryTheQuarterOfTheCloseDate) {
  const std::string html = quarter_page("", true);
  EXPECT_EQ(row_quarters(html),
            (std::map<std::string, std::string>{
                {"Q1", "2026 Q4"}, {"Q2", "2026 Q4"}, {"Q3", "2027 Q1"}, {"Q4", ""}}));
  EXPECT_TRUE(holds(html,
                    "<select data-field=\"quarter\" aria-label=\"Close quarter\"><option "
                    "value=\"\">Every close quarter</option></select>"));
}

TEST(ReportCloseQuarter, TheCloseDateFieldOptionNamesAnotherShownDate) {
  const std::string html = quarter_page("booked_on", true);
  EXPECT_EQ(row_quarters(html), (std::map<std::string, std::string>{
                                    {"Q1", "2027 Q1"}, {"Q2", "2026 Q3"}, {"Q3", ""}, {"Q4", ""}}));
}

TEST(ReportCloseQuarter, NoCloseDateNoQuarterFilter) {
  // Other shown dates (created, booked) are not taken for the close date.
  const std::string html = quarter_page("", false);
  EXPECT_EQ(html.find("data-quarter="), std::string::npos);
  EXPECT_EQ(html.find("data-field=\"quarter\""), std::string::npos);
}

}  // namespace
}  // namespace dealgate::cli
