// Source files: byte offsets to line and column, lines without their breaks.
#include "grammar/source.hpp"

#include <gtest/gtest.h>

namespace dealgate {
namespace {

TEST(Source, LocateLineAndColumn) {
  SourceFile f("a.gate", "ab\ncd\r\n\nef");
  EXPECT_EQ(f.line_count(), 4u);
  auto at = [&](std::uint32_t offset) {
    LineColumn lc = f.locate(offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  };
  EXPECT_EQ(at(0), "1:1");
  EXPECT_EQ(at(2), "1:3");  // the line break belongs to its line
  EXPECT_EQ(at(3), "2:1");
  EXPECT_EQ(at(5), "2:3");
  EXPECT_EQ(at(7), "3:1");
  EXPECT_EQ(at(8), "4:1");
  EXPECT_EQ(at(10), "4:3");  // the end of the file
}

TEST(Source, Lines) {
  SourceFile f("a.gate", "ab\ncd\r\n\nef");
  EXPECT_EQ(f.line(1), "ab");
  EXPECT_EQ(f.line(2), "cd");
  EXPECT_EQ(f.line(3), "");
  EXPECT_EQ(f.line(4), "ef");
  EXPECT_EQ(f.line(0), "");
  EXPECT_EQ(f.line(5), "");
}

TEST(Source, EmptyFileAndTrailingNewline) {
  SourceFile empty("e.gate", "");
  EXPECT_EQ(empty.line_count(), 1u);
  EXPECT_EQ(empty.locate(0).line, 1u);
  EXPECT_EQ(empty.line(1), "");
  SourceFile f("f.gate", "x\n");
  EXPECT_EQ(f.line_count(), 2u);
  EXPECT_EQ(f.locate(2).line, 2u);
}

TEST(Source, SetKeepsFilesApart) {
  SourceSet set;
  FileId a = set.add("a.gate", "one");
  const SourceFile& first = set.file(a);
  FileId b = set.add("b.gate", "two");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(first.path(), "a.gate");  // references stay valid as files are added
  EXPECT_EQ(set.file(b).text(), "two");
  Span s = Span::join({a, 1, 2}, {a, 5, 9});
  EXPECT_EQ(s.begin, 1u);
  EXPECT_EQ(s.end, 9u);
}

}  // namespace
}  // namespace dealgate
