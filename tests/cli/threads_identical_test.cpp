// `report` and `diff` read JSON Lines on several threads through the shared run loop; their
// output must be the same byte for byte as with one thread, on an input of many blocks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "run_binary.hpp"

namespace dealgate {
namespace {

namespace fs = std::filesystem;
using testing::run_dealgate;
using testing::slurp;

// The example deals over and over (with fresh ids), past several 1 MiB blocks, with an
// unreadable line among them.
class ManyDeals : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::path(::testing::TempDir()) / ("many_deals_" + std::to_string(getpid()) + ".jsonl");
    const std::string deals = slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.jsonl");
    std::ofstream out(path_, std::ios::binary);
    for (int copy = 0; copy < 60; ++copy) {
      std::string text = deals;
      for (std::size_t at = 0; (at = text.find("\"D-", at)) != std::string::npos; at += 3) {
        text.replace(at, 3, "\"C" + std::to_string(copy) + "-");
      }
      out << text;
      if (copy == 30) out << "{\"id\": \"broken\", \"amount\": }\n";
    }
    out.close();
    ASSERT_GT(fs::file_size(path_), std::uintmax_t{3} << 20);
  }
  void TearDown() override { fs::remove(path_); }
  std::string facts() const { return " --facts '" + path_.string() + "'"; }

  fs::path path_;
};

const std::string kRules = std::string(DEALGATE_SOURCE_DIR) + "/rules/";

TEST_F(ManyDeals, DiffIsTheSameOnOneThreadAndOnSeveral) {
  const std::string args = "diff " + kRules + " " + kRules + facts() +
                           " --today 2026-11-26 --new-param min_roi=5 --format json";
  const auto one = run_dealgate(args + " --threads 1");
  ASSERT_FALSE(one.out.empty());
  EXPECT_NE(one.out.find("\"changes\":[{"), std::string::npos) << "the change moves some deal";
  for (const char* threads : {" --threads 2", " --threads 3"}) {
    const auto many = run_dealgate(args + threads);
    EXPECT_EQ(many.exit_code, one.exit_code);
    EXPECT_TRUE(many.out == one.out) << threads;
    EXPECT_EQ(many.err, one.err);
  }
}

// A JSON document (`[...]`, not JSON Lines) cannot be cut into blocks: the block reader hands its
// records over one by one, and they are compared as they come, in step with the old rules.
TEST(DiffOfADocument, IsTheSameOnOneThreadAndOnSeveral) {
  const fs::path path =
      fs::path(::testing::TempDir()) / ("deals_" + std::to_string(getpid()) + ".json");
  const std::string lines = slurp(std::string(DEALGATE_SOURCE_DIR) + "/examples/deals.jsonl");
  std::string document = "[";
  for (std::size_t at = 0, end; (end = lines.find('\n', at)) != std::string::npos; at = end + 1) {
    if (end == at) continue;
    document += (document.size() > 1 ? ",\n" : "") + lines.substr(at, end - at);
  }
  std::ofstream(path, std::ios::binary) << document << "]\n";
  const std::string args = "diff " + kRules + " " + kRules + " --facts '" + path.string() +
                           "' --today 2026-11-26 --new-param min_roi=5 --format json";
  const auto one = run_dealgate(args + " --threads 1");
  EXPECT_NE(one.out.find("\"changes\":[{"), std::string::npos) << one.err;
  EXPECT_NE(one.out.find("\"deals\":45"), std::string::npos) << one.out;
  const auto two = run_dealgate(args + " --threads 2");
  EXPECT_EQ(two.exit_code, one.exit_code);
  EXPECT_TRUE(two.out == one.out);
  EXPECT_EQ(two.err, one.err);
  fs::remove(path);
}

TEST_F(ManyDeals, ReportIsTheSameOnOneThreadAndOnSeveral) {
  const std::string args = "report " + kRules + facts() + " --today 2026-11-26 -o -";
  const auto one = run_dealgate(args + " --threads 1");
  EXPECT_EQ(one.exit_code, 3) << "the broken line is reported";
  ASSERT_NE(one.out.find("<html"), std::string::npos);
  const auto many = run_dealgate(args + " --threads 2");
  EXPECT_EQ(many.exit_code, one.exit_code);
  EXPECT_TRUE(many.out == one.out);
}

// The page on 1, 2 and 4 threads, with the trends of a history that `report --record` wrote on
// as many threads: the rules show money in several currencies and the deal table keeps the 2,000
// largest of more deals (many of equal amounts, so input order decides which are kept).
TEST_F(ManyDeals, ReportWithHistoryIsTheSameOnOneTwoAndFourThreads) {
  const std::string base = ::testing::TempDir() + "report_threads_" + std::to_string(getpid());
  std::map<std::string, std::string> pages;
  for (const char* threads : {"1", "2", "4"}) {
    const std::string db = base + "_" + threads + ".db";
    fs::remove(db);
    const std::string common = "report " + kRules + facts() + " --threads " + threads;
    const auto earlier =
        run_dealgate(common + " --today 2026-11-19 --record '" + db + "' -o /dev/null");
    ASSERT_NE(earlier.err.find("recorded"), std::string::npos) << earlier.err;
    const auto page = run_dealgate(common + " --today 2026-11-26 --record '" + db +
                                   "' --history '" + db + "' -o -");
    EXPECT_EQ(page.exit_code, 3) << "the broken line is reported";
    pages[threads] = page.out;
    fs::remove(db);
  }
  const std::string& one = pages["1"];
  ASSERT_NE(one.find("<section id=\"trends\">"), std::string::npos);
  EXPECT_NE(one.find("2026-11-19"), std::string::npos) << "the earlier run is in the trends";
  EXPECT_NE(one.find("The table keeps the 2000 largest of 2701 deals"), std::string::npos);
  EXPECT_NE(one.find(" EUR + "), std::string::npos) << "money in several currencies";
  EXPECT_TRUE(pages["2"] == one);
  EXPECT_TRUE(pages["4"] == one);
}

}  // namespace
}  // namespace dealgate
