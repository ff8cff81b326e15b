// InputSource: files, standard input and streams read in chunks, and the words for failures.
#include "engine/facts/input_source.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace dealgate {
namespace {

const std::string kDeals = std::string(DEALGATE_SOURCE_DIR) + "/tests/golden/eval/spec_deals.jsonl";

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Everything the source gives, `chunk` bytes at a time.
std::string read_all(InputSource& source, std::size_t chunk) {
  std::string out;
  std::string buffer(chunk, '\0');
  while (std::size_t got = source.read(buffer.data(), buffer.size())) out.append(buffer, 0, got);
  return out;
}

TEST(InputSource, ReadsAFileInChunks) {
  InputSource source(kDeals);
  ASSERT_TRUE(source.is_open()) << source.error();
  const std::string text = read_all(source, 1000);  // not a divisor of the file's size
  EXPECT_EQ(text, file_text(kDeals));
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(source.error(), "");
}

TEST(InputSource, ReadsStandardInputForADashAndLeavesItOpen) {
  int saved = dup(STDIN_FILENO);
  int fd = open(kDeals.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  std::string text;
  {
    InputSource source("-");
    EXPECT_TRUE(source.is_open());
    text = read_all(source, 4096);
  }
  EXPECT_NE(fcntl(STDIN_FILENO, F_GETFD), -1);
  dup2(saved, STDIN_FILENO);
  close(saved);
  EXPECT_EQ(text, file_text(kDeals));
}

TEST(InputSource, AFileThatCannotBeOpenedSaysWhyAndReadsNothing) {
  InputSource source("/nonexistent/deals.jsonl");
  EXPECT_FALSE(source.is_open());
  EXPECT_EQ(source.error(), "cannot open /nonexistent/deals.jsonl: No such file or directory");
  char c;
  EXPECT_EQ(source.read(&c, 1), 0u);
}

TEST(InputSource, AFolderOpensButCannotBeRead) {
  InputSource source("/tmp");
  EXPECT_TRUE(source.is_open());
  char c;
  EXPECT_EQ(source.read(&c, 1), 0u);
  EXPECT_EQ(source.error(), "cannot read /tmp: Is a directory");
}

TEST(InputSource, ReadsAStreamToItsEnd) {
  std::istringstream in("a,b\n1,2\n");
  InputSource source(in);
  EXPECT_TRUE(source.is_open());
  EXPECT_EQ(read_all(source, 3), "a,b\n1,2\n");
  EXPECT_EQ(source.error(), "");
}

TEST(InputSource, AStreamThatFailedBeforeItsEndIsAReadError) {
  std::ifstream missing("/nonexistent/deals.jsonl");
  InputSource source(missing);
  char c;
  EXPECT_EQ(source.read(&c, 1), 0u);
  EXPECT_EQ(source.error(), "cannot read the input stream");
}

}  // namespace
}  // namespace dealgate
