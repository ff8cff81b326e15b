#include "lsp/positions.hpp"

#include <gtest/gtest.h>

namespace dealgate::lsp {
namespace {

// "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
const SourceFile kFile("a.gate", "ab\n\xC3\xA9x\xF0\x9F\x98\x80y\r\nlast");

TEST(PositionAt, CountsUtf16CodeUnits) {
  EXPECT_EQ(position_at(kFile, 0).character, 0u);
  EXPECT_EQ(position_at(kFile, 2).character, 2u) << "the end of the first line";
  Position x = position_at(kFile, 5);  // after é
  EXPECT_EQ(x.line, 1u);
  EXPECT_EQ(x.character, 1u);
  EXPECT_EQ(position_at(kFile, 6).character, 2u);   // after x
  EXPECT_EQ(position_at(kFile, 10).character, 4u);  // after 😀
  EXPECT_EQ(position_at(kFile, 11).character, 5u);  // after y
  Position last = position_at(kFile, 13);
  EXPECT_EQ(last.line, 2u);
  EXPECT_EQ(last.character, 0u);
}

TEST(PositionAt, TheLineBreakAndBeyondAreTheEndOfTheLine) {
  EXPECT_EQ(position_at(kFile, 12).character, 5u) << "the \\n of a \\r\\n";
  Position end = position_at(kFile, 1000);
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.character, 4u);
}

TEST(OffsetAt, IsTheInverse) {
  for (std::uint32_t offset : {0u, 1u, 2u, 3u, 5u, 6u, 10u, 11u, 13u, 17u}) {
    EXPECT_EQ(offset_at(kFile, position_at(kFile, offset)), offset) << offset;
  }
}

TEST(OffsetAt, APositionInsideASurrogatePairIsItsCharacter) {
  EXPECT_EQ(offset_at(kFile, {1, 3}), 6u);
}

TEST(OffsetAt, ACharacterPastTheLineIsItsEndAndALinePastTheFileIsNone) {
  EXPECT_EQ(offset_at(kFile, {0, 99}), 2u);
  EXPECT_EQ(offset_at(kFile, {1, 99}), 11u) << "before the \\r";
  EXPECT_EQ(offset_at(kFile, {2, 4}), 17u);
  EXPECT_EQ(offset_at(kFile, {3, 0}), std::nullopt);
  EXPECT_THROW(offset_or_throw(kFile, {3, 0}), RpcError);
  try {
    offset_or_throw(kFile, {7, 0});
  } catch (const RpcError& e) {
    EXPECT_EQ(e.code, rpc_error::kInvalidParams);
    EXPECT_STREQ(e.what(), "line 7 is past the end of the document (3 lines)");
  }
}

TEST(Positions, InvalidUtf8CountsAUnitAByte) {
  const SourceFile bad("b.gate", "\xFF\xC3z\xE2\x82");
  EXPECT_EQ(position_at(bad, 3).character, 3u);
  EXPECT_EQ(position_at(bad, 5).character, 5u);
  EXPECT_EQ(offset_at(bad, {0, 2}), 2u);
}

TEST(Positions, AnEmptyFileHasOneLine) {
  const SourceFile empty("e.gate", "");
  EXPECT_EQ(offset_at(empty, {0, 5}), 0u);
  EXPECT_EQ(offset_at(empty, {1, 0}), std::nullopt);
}

TEST(RangeJson, SpansBecomeRanges) {
  EXPECT_EQ(range_json(kFile, {0, 3, 10}),
            Json::parse(R"({"start":{"line":1,"character":0},"end":{"line":1,"character":4}})"));
}

}  // namespace
}  // namespace dealgate::lsp
