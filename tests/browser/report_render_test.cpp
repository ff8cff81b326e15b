// `dealgate report`'s page in a real browser: headless Chromium loads it from a file (no network),
// its script runs to the end without an error (it then marks <html data-ready="ok">), and it
// renders to a screenshot of real size; at 1400 px and at 420 px it logs nothing to the console and
// is no wider than the window; a filter given in the URL fragment filters the rows (read from the
// page's own data-visible-rows). Skipped, saying why, where Chromium is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

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

TEST(ReportInChromium, LoadsWithoutScriptErrorsAndRendersAScreenshot) {
  if (access(kChromium, X_OK) != 0) {
    GTEST_SKIP() << kChromium << " is not installed, so the report is not rendered in a browser; "
                 << "scripts/install-deps.sh installs Debian's `chromium` package";
  }
  const std::string dir = ::testing::TempDir() + "dealgate_browser_" + std::to_string(getpid());
  ASSERT_EQ(std::system(("mkdir -p '" + dir + "/profile'").c_str()), 0);
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

std::string report_dir() {
  const std::string dir = ::testing::TempDir() + "dealgate_browser_" + std::to_string(getpid());
  EXPECT_EQ(std::system(("mkdir -p '" + dir + "/profile'").c_str()), 0);
  return dir;
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

TEST(ReportInChromium, NoConsoleMessageAndNoSidewaysScrollAt1400And420Pixels) {
  if (access(kChromium, X_OK) != 0) GTEST_SKIP() << kChromium << " is not installed";
  const std::string dir = report_dir();
  const std::string html = dir + "/sizes.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  for (int width : {1400, 420}) {
    const std::string dom = render_dom(dir, "file://" + html, width);
    // The page's script compares document.documentElement.scrollWidth with innerWidth.
    EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos)
        << "the page scrolls sideways at " << width << " px";
  }
}

TEST(ReportInChromium, AFilterInTheUrlFragmentFiltersTheRows) {
  if (access(kChromium, X_OK) != 0) GTEST_SKIP() << kChromium << " is not installed";
  const std::string dir = report_dir();
  const std::string html = dir + "/filter.html";
  ASSERT_TRUE(write_report("examples/deals.jsonl", html));
  // The expected count comes from the deals file itself, not from the page.
  const std::string deals =
      testing::slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.jsonl");
  int priya = 0;
  for (std::size_t at = deals.find("\"owner\": \"Priya Raman\""); at != std::string::npos;
       at = deals.find("\"owner\": \"Priya Raman\"", at + 1))
    ++priya;
  ASSERT_GT(priya, 0);
  ASSERT_LT(priya, 45);
  const std::string all = render_dom(dir, "file://" + html, 1400);
  EXPECT_NE(all.find("data-visible-rows=\"45\""), std::string::npos);
  const std::string filtered = render_dom(dir, "file://" + html + "#owner=Priya%20Raman", 1400);
  EXPECT_NE(filtered.find("data-visible-rows=\"" + std::to_string(priya) + "\""),
            std::string::npos);
  const std::string ahead =
      render_dom(dir, "file://" + html + "#show=ahead&owner=Priya%20Raman", 420);
  EXPECT_EQ(ahead.find("data-visible-rows=\"" + std::to_string(priya) + "\""), std::string::npos)
      << "showing only the deals ahead of their evidence did not narrow Priya's rows";
}

// A Salesforce-shaped export (18-character-style opportunity ids, accounts, owners, amounts in USD
// and EUR): the same checks, and the money stays per currency.
TEST(ReportInChromium, ASalesforceShapedExportFitsAt420Pixels) {
  if (access(kChromium, X_OK) != 0) GTEST_SKIP() << kChromium << " is not installed";
  const std::string dir = report_dir();
  const std::string html = dir + "/salesforce.html";
  ASSERT_TRUE(write_report("tests/browser/salesforce_deals.jsonl", html));
  const std::string dom = render_dom(dir, "file://" + html + "#owner=Jonas%20Becker", 420);
  EXPECT_NE(dom.find("data-overflow=\"no\""), std::string::npos);
  EXPECT_NE(dom.find("data-visible-rows=\"6\""), std::string::npos);  // 24 deals, 4 owners in turn
  EXPECT_NE(dom.find("0065g00000"), std::string::npos);
  EXPECT_NE(dom.find(" USD + "), std::string::npos);
}

}  // namespace
}  // namespace dealgate
