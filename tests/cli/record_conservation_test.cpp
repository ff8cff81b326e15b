// Record conservation end to end: `dealgate eval --format jsonl` on an export with malformed lines
// mixed in prints one line per input record, in input order (with and without threads): an error
// record at each malformed line, and for every other record exactly what a clean run prints.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Output {
  int exit_code = -1;
  std::vector<std::string> lines;
};

Output run_dealgate(const std::string& arguments) {
  Output r;
  std::string command = std::string(DEALGATE_BINARY) + " " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) r.lines.push_back(line);
  return r;
}

std::string without_line(const std::string& record) {
  static const std::regex line_field("\"line\":[0-9]+");
  return std::regex_replace(record, line_field, "\"line\":_");
}

TEST(RecordConservationCli, EveryInputRecordIsOneOutputLineInOrder) {
  fs::path root(DEALGATE_SOURCE_DIR);
  std::vector<std::string> deals;
  std::ifstream examples(root / "examples" / "deals.jsonl");
  for (std::string line; std::getline(examples, line);) {
    if (!line.empty()) deals.push_back(line);
  }
  ASSERT_GT(deals.size(), 20u);
  const std::vector<std::string> malformed = {
      "not json", "42", "[1, 2]", "{\"id\": \"D-x\", \"amount\": }", "{\"id\": \"D-\xff\"}",
      "{\"id\": \"D-x\"} trailing", std::string(5000, '['), "}{"};

  fs::path dir = fs::temp_directory_path() / ("dealgate-conservation-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::mt19937 rng(7);
  std::string mixed, clean;
  std::vector<int> kind;  // per line: 1 good, 0 malformed, -1 blank
  for (int i = 0; i < 300; ++i) {
    unsigned roll = rng() % 10;
    if (i == 0 || roll < 7) {
      const std::string& deal = deals[rng() % deals.size()];
      mixed += deal + "\n";
      clean += deal + "\n";
      kind.push_back(1);
    } else if (roll < 9) {
      mixed += malformed[rng() % malformed.size()] + "\n";
      kind.push_back(0);
    } else {
      mixed += "\n";
      kind.push_back(-1);
    }
  }
  std::ofstream(dir / "mixed.jsonl", std::ios::binary) << mixed;
  std::ofstream(dir / "clean.jsonl", std::ios::binary) << clean;

  std::string common = (root / "rules").string() + " --format jsonl --today 2026-11-26 --facts ";
  Output expected = run_dealgate("eval " + common + (dir / "clean.jsonl").string());
  EXPECT_LE(expected.exit_code, 1);
  for (const char* threads : {"1", "2"}) {
    Output got = run_dealgate("eval " + common + (dir / "mixed.jsonl").string() + " --threads " + threads);
    EXPECT_EQ(got.exit_code, 3) << "malformed records are exit code 3";
    std::size_t records = 0, good = 0;
    for (int k : kind) records += k >= 0;
    ASSERT_EQ(got.lines.size(), records) << "output lines != input records (threads " << threads << ")";
    std::size_t out = 0;
    for (std::size_t i = 0; i < kind.size(); ++i) {
      if (kind[i] < 0) continue;
      const std::string& line = got.lines[out++];
      std::string at = "\"line\":" + std::to_string(i + 1);
      EXPECT_NE(line.find(at), std::string::npos) << line;
      if (kind[i] == 0) {
        EXPECT_NE(line.find("\"error\":"), std::string::npos) << line;
      } else {
        ASSERT_LT(good, expected.lines.size());
        EXPECT_EQ(without_line(line), without_line(expected.lines[good++])) << "line " << i + 1;
      }
    }
    EXPECT_EQ(good, expected.lines.size());
  }
  fs::remove_all(dir);
}

}  // namespace
