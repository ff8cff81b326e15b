// `dealgate report`'s page in a real browser: headless Chromium loads it from a file (no network),
// its script runs to the end without an error (it then marks <html data-ready="ok">), and it
// renders to a screenshot of real size; at 1400 px and at 420 px it logs nothing to the console and
// is no wider than the window; a filter given in the URL fragment filters the rows (read from the
// page's own data-visible-rows), so do the close quarter and a shown fact, and a sort given there
// orders the rows; laid out as for print, it fits an A4 page. Skipped, saying why, where Chromium
// is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "cli/run_binary.hpp"

namespace dealgate {
namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

struct Shell {
  int exit_code = -1;
  std::string out, err;
};

Shell shell(const std::string& command, const std::string& base) {
  const std::string full = command + " > '" + base + ".out' 2> '" + base + ".err'";
  const int status = std::system(full.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::slurp(base + ".out"),
          testing::slurp(base + ".err")};
}

std::string chromium(const std::string& profile) {
  return std::string(kChromium) +
         " --headless --enable-logging=stderr --v=0 --no-sandbox --disable-gpu --disable-quic "
         "--no-first-run "
         "--disable-background-networking"
         " --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir='" +
         profile + "'";
}

// Every test renders in its own profile under a temporary folder; skipped, saying why, where
// Chromium is not installed.
class ReportInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(kChromium, X_OK) != 0) {
      GTEST_SKIP() << kChromium << " is not installed, so the report is not rendered in a browser; "
                   << "scripts/install-deps.sh installs Debian's `chromium` package";
    }
    ASSERT_EQ(std::system(("mkdir -p '" + dir + "/profile'").c_str()), 0);
  }
  const std::string dir = ::testing::TempDir() + "dealgate_browser_" + std::to_string(getpid());
};

// How many times `pattern` matches in a file of the source tree: the expected counts come from the
// input itself, not from the page.
long matches_in(const std::string& path, const std::regex& pattern) {
  const std::string text = testing::slurp(std::string(DEALGATE_SOURCE_DIR) + "/" + path);
  return std::distance(std::sregex_iterator(text.begin(), text.end(), pattern),
                       std::sregex_iterator());
}

// The page's own count of the rows its filters leave visible, as the DOM carries it.
std::string visible_rows(long count) {
  return "data-visible-rows=\"" + std::to_string(count) + "\"";
}

TEST_F(ReportInChromium, LoadsWithoutScriptErrorsAndRendersAScreenshot) {
  const std::string html = dir + "/report.html";

  testing::Run report = testing::run_dealgate(
      "report rules/ --facts examples/deals.jsonl --today 2026-11-26 -o '" + html + "'");
  ASSERT_EQ(report.exit_code, 0) << report.err;

  Shell dom = shell(
      chromium(dir + "/profile") + " --virtual-time-budget=5000 --dump-dom 'file://" + html + "'",
      dir + "/dom");
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  // The script ran to its last line: no exception stopped it.
  EXPECT_NE(dom.out.find("data-ready=\"ok\""), std::string::npos) << dom.err;
  // It ran the filter once: the count of shown deals is filled in.
  EXPECT_NE(dom.out.find("45 of 45 deals shown"), std::string::npos);
  EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;

  const std::string png = dir + "/report.png";
  Shell shot = shell(chromium(dir + "/profile") +
                         " --hide-scrollbars --window-size=1280,2000 --screenshot='" + png +
                         "' 'file://" + html + "'",
                     dir + "/shot");
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  const std::string image = testing::slurp(png);
  ASSERT_GE(image.size(), 8u);
  EXPECT_EQ(image.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // A blank 1280x2000 page compresses to a few kilobytes; charts, tables and text take far more.
  EXPECT_GT(image.size(), 60000u) << "the screenshot looks empty: " << png;
}

std::string render_dom(const std::string& dir, const std::string& url, int width) {
  Shell dom = shell(chromium(dir + "/profile") + " --window-size=" + std::to_string(width) +
                        ",1000 --virtual-time-budget=5000 --dump-dom '" + url + "'",
                    dir + "/dom" + std::to_string(width));
  EXPECT_EQ(dom.exit_code, 0) << dom.err;
  // Chromium writes the page's console messages (errors included) to its log as CONSOLE lines.
  EXPECT_EQ(dom.err.find("CONSOLE"), std::string::npos) << width << " px: " << dom.err;
  EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << width << " px: " << dom.err;
  EXPECT_NE(dom.out.find("data-ready=\"ok\""), std::string::npos) << width << " px";
  return dom.out;
}

// The report of the shipped rules over `facts`, written to `html`; false (with the reason) when
// dealgate failed.
::testing::AssertionResult write_report(const std::string& facts, const std::string& html) {
  testing::Run report = testing::run_dealgate("report rules/ --facts " + facts +
                                              " --today 2026-11-26 -o '" + html + "'");
  if (report.exit_code == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "dealgate report exited " << report.exit_code << ": " << report.err;
}

TEST_F(ReportInChromium, NoConsoleMessageAndNoSidewaysScrollAt1400And420Pixels) {
  const std::string html = dir + "/sizes.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  for (int width : {1400, 420}) {
    const std::string dom = render_dom(dir, "file://" + html, width);
    // The page's script compares document.documentElement.scrollWidth with innerWidth.
    EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos)
        << "the page scrolls sideways at " << width << " px";
  }
}

TEST_F(ReportInChromium, AFilterInTheUrlFragmentFiltersTheRows) {
  const std::string html = dir + "/filter.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  const long priya = matches_in("examples/deals.jsonl", std::regex("\"owner\": \"Priya Raman\""));
  ASSERT_GT(priya, 0);
  ASSERT_LT(priya, 45);
  const std::string all = render_dom(dir, "file://" + html, 1400);
  EXPECT_NE(all.find(visible_rows(45)), std::string::npos);
  const std::string filtered = render_dom(dir, "file://" + html + "#owner=Priya%20Raman", 1400);
  EXPECT_NE(filtered.find(visible_rows(priya)), std::string::npos);
  const std::string ahead =
      render_dom(dir, "file://" + html + "#show=ahead&owner=Priya%20Raman", 420);
  EXPECT_EQ(ahead.find(visible_rows(priya)), std::string::npos)
      << "showing only the deals ahead of their evidence did not narrow Priya's rows";
}

// A Salesforce-shaped export (18-character-style opportunity ids, accounts, owners, amounts in USD
// and EUR): the same checks, and the money stays per currency.
TEST_F(ReportInChromium, ASalesforceShapedExportFitsAt420Pixels) {
  const std::string html = dir + "/salesforce.html";
  ASSERT_TRUE(write_report("tests/browser/salesforce_deals.jsonl", html));
  const std::string dom = render_dom(dir, "file://" + html + "#owner=Jonas%20Becker", 420);
  EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos);
  EXPECT_NE(dom.find(visible_rows(6)), std::string::npos);  // 24 deals, 4 owners in turn
  EXPECT_NE(dom.find("0065g00000"), std::string::npos);
  EXPECT_NE(dom.find(" USD + "), std::string::npos);
}

// The deal ids in the order the page's table shows them.
std::vector<std::string> table_ids(const std::string& dom) {
  static const std::regex row(R"(<tr class="deal"[^>]*>\s*<td class="id">([^<]+)</td>)");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(dom.begin(), dom.end(), row), end; it != end; ++it)
    ids.push_back((*it)[1]);
  return ids;
}

TEST_F(ReportInChromium, ASortInTheUrlFragmentOrdersTheRows) {
  const std::string html = dir + "/sort.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  const std::vector<std::string> as_written = table_ids(render_dom(dir, "file://" + html, 1400));
  ASSERT_EQ(as_written.size(), 45u);
  std::vector<std::string> ascending = as_written;
  std::sort(ascending.begin(), ascending.end());
  // Written largest amount first, so not already in id order: the sort has something to do.
  ASSERT_NE(as_written, ascending);
  // Column 0 is the deal id.
  const std::string up = render_dom(dir, "file://" + html + "#sort=0", 1400);
  EXPECT_EQ(table_ids(up), ascending);
  EXPECT_NE(up.find("aria-sort=\"ascending\""), std::string::npos);
  const std::string down = render_dom(dir, "file://" + html + "#sort=0-desc", 420);
  std::vector<std::string> descending(ascending.rbegin(), ascending.rend());
  EXPECT_EQ(table_ids(down), descending);
  EXPECT_NE(down.find("aria-sort=\"descending\""), std::string::npos);
}

// A filter of the page's own kind, given in the URL fragment, on an input whose matching rows
// `expected` counts.
struct FragmentFilter {
  const char* what;
  const char* facts;   // the input, in the source tree
  const char* source;  // --source, or "" for JSON Lines in the rules' own fact paths
  const char* fragment;
  const char* select;  // the filter's control, as the page writes it
  std::regex expected;
};

// The close quarter (of the shown close_date) and any shown text fact (the account) filter the
// table, on the example deals, a Salesforce-shaped JSON Lines file and the Salesforce report export
// itself (CSV, read through rules/sources/salesforce.gate); the narrow layout still fits.
TEST_F(ReportInChromium, TheCloseQuarterAndAShownFactInTheUrlFragmentFilterTheRows) {
  const FragmentFilter filters[] = {
      {"close dates in 2027 Q1", "examples/deals.jsonl", "", "quarter=2027%20Q1",
       "<option value=\"2027 Q1\">2027 Q1</option>", std::regex(R"("close_date": "2027-0[1-3]-)")},
      {"the deals of Nordhafen Logistics", "tests/browser/salesforce_deals.jsonl", "",
       "account=Nordhafen%20Logistics", "aria-label=\"Account\"",
       std::regex("\"account\": \"Nordhafen Logistics\"")},
      // Close Date is the export's sixth column, written M/D/YYYY.
      {"Salesforce rows closing in 2026 Q4", "tests/fixtures/crm/salesforce_report.csv",
       "salesforce", "quarter=2026%20Q4", "aria-label=\"Close quarter\"",
       std::regex(R"re(\n"[^"]*","[^"]*","[^"]*","[^"]*","[^"]*","1[0-2]/\d+/2026")re")},
  };
  int page = 0;
  for (const FragmentFilter& filter : filters) {
    SCOPED_TRACE(filter.what);
    const std::string html = dir + "/filtered" + std::to_string(++page) + ".html";
    testing::Run report = testing::run_dealgate(
        std::string("report rules/ --facts ") + filter.facts +
        (*filter.source ? std::string(" --source ") + filter.source : std::string()) +
        " --today 2026-11-26 -o '" + html + "'");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const long expected = matches_in(filter.facts, filter.expected);
    ASSERT_GT(expected, 0);
    const std::string dom = render_dom(dir, "file://" + html + "#" + filter.fragment, 420);
    EXPECT_NE(dom.find(filter.select), std::string::npos);
    EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos);
    EXPECT_NE(dom.find(visible_rows(expected)), std::string::npos) << "expected " << expected;
    // The page's own line says so, and that the filter left rows out.
    std::smatch shown;
    ASSERT_TRUE(std::regex_search(dom, shown, std::regex(R"((\d+) of (\d+) deals shown)")));
    EXPECT_EQ(std::stol(shown[1]), expected);
    EXPECT_GT(std::stol(shown[2]), expected);
  }
}

// Chromium's headless mode has no switch that renders with print media, so the page's print rules
// are applied to the screen instead (`@media print` read as `@media all`) at the width of an A4
// page inside the 14 mm margins the stylesheet asks for: 210 mm - 28 mm = 688 CSS px. (A Letter
// page is wider, so it fits too.)
TEST_F(ReportInChromium, ThePrintLayoutFitsTheWidthOfAnA4Page) {
  const std::string html = dir + "/print.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  std::string page = testing::slurp(html);
  const std::string print = "@media print {";
  const std::size_t at = page.find(print);
  ASSERT_NE(at, std::string::npos) << "the page has no print stylesheet";
  page.replace(at, print.size(), "@media all {");
  const std::string as_printed = dir + "/as_printed.html";
  ASSERT_TRUE(std::ofstream(as_printed, std::ios::binary) << page);
  const std::string dom = render_dom(dir, "file://" + as_printed, 688);
  EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos)
      << "the printed page is wider than A4: open " << as_printed << " at 688 px";
}

}  // namespace
}  // namespace dealgate
