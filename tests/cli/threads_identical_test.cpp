// `report` and `diff` read JSON Lines on several threads through the shared run loop; their
// output must be the same byte for byte as with one thread, on an input of many blocks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

TEST_F(ManyDeals, ReportIsTheSameOnOneThreadAndOnSeveral) {
  const std::string args = "report " + kRules + facts() + " --today 2026-11-26 -o -";
  const auto one = run_dealgate(args + " --threads 1");
  EXPECT_EQ(one.exit_code, 3) << "the broken line is reported";
  ASSERT_NE(one.out.find("<html"), std::string::npos);
  const auto many = run_dealgate(args + " --threads 2");
  EXPECT_EQ(many.exit_code, one.exit_code);
  EXPECT_TRUE(many.out == one.out);
}

}  // namespace
}  // namespace dealgate
