// `dealgate report`'s page in a real browser: headless Chromium loads it from a file (no network),
// its script runs to the end without an error (it then marks <html data-ready="ok">), and it
// renders to a screenshot of real size. Skipped, saying why, where Chromium is not installed.
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
         " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
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

}  // namespace
}  // namespace dealgate
