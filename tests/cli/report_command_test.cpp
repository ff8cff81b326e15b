// `dealgate report` as users run it: the page is written, its exit codes, its usage errors.
#include <gtest/gtest.h>

#include "run_binary.hpp"

namespace dealgate {
namespace {

using testing::exited_saying;
using testing::run_dealgate;
using testing::slurp;

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportCommand, WritesThePageForTheShippedRulesAndExampleDeals) {
  const std::string path = ::testing::TempDir() + "report_" + std::to_string(getpid()) + ".html";
  auto run = run_dealgate("report rules/ --facts examples/deals.jsonl --today 2026-11-26 -o '" +
                          path + "'");
  EXPECT_EQ(run.exit_code, 0) << run.err;  // failing gates do not make the report fail
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("wrote " + path + ": 45 deals"), std::string::npos) << run.err;
  const std::string html = slurp(path);
  EXPECT_EQ(occurrences(html, "<tr class=\"deal\""), 45);
  for (const char* gate : {"complete_sale", "relationship_built", "enter_delivery"}) {
    EXPECT_NE(html.find(std::string("data-gate=\"") + gate + "\" data-total=\"45\""),
              std::string::npos)
        << gate;
  }
  EXPECT_NE(html.find("id=\"stage-audit\""), std::string::npos);
  EXPECT_NE(html.find("id=\"owner-chart\""), std::string::npos);
  EXPECT_NE(html.find("evaluated as of 2026-11-26"), std::string::npos);
  EXPECT_NE(html.find(" to do for 3 gates</summary>"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(ReportCommand, WritesToStandardOutputWithADash) {
  auto run = run_dealgate("report rules/ --facts examples/deals.jsonl --today 2026-11-26 -o -");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST(ReportCommand, UsageErrors) {
  auto no_output = run_dealgate("report rules/ --facts examples/deals.jsonl");
  EXPECT_TRUE(exited_saying(no_output, 2, "no output file: -o is missing"));
  auto no_facts = run_dealgate("report rules/ -o x.html");
  EXPECT_TRUE(exited_saying(no_facts, 2, "--facts is missing"));
  auto no_file = run_dealgate("report rules/ --facts no/such.jsonl -o -");
  EXPECT_EQ(no_file.exit_code, 3);
  auto help = run_dealgate("report --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: dealgate report RULES... --facts FILE -o FILE.html"),
            std::string::npos);
}

TEST(ReportCommand, AnEmptyInputExits3UnlessAllowed) {
  auto run = run_dealgate("report rules/ --facts - --today 2026-11-26 -o -", "\n\n");
  EXPECT_TRUE(exited_saying(run, 3, "error: standard input holds only blank lines: no deals"));
  auto allowed = run_dealgate("report rules/ --facts - --today 2026-11-26 -o - --allow-empty", "");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(occurrences(allowed.out, "<tr class=\"deal\""), 0);
}

TEST(ReportCommand, UnreadableRecordsExit3ButTheReportIsWritten) {
  auto run = run_dealgate("report rules/ --facts - --today 2026-11-26 -o -",
                          "{\"id\": \"D1\", \"stage\": \"Proposal\"}\n{\"id\": \n");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(occurrences(run.out, "<tr class=\"deal\""), 2);
}

}  // namespace
}  // namespace dealgate
