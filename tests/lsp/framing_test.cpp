#include "lsp/framing.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace dealgate::lsp {
namespace {

std::vector<Frame> read_all(const std::string& bytes, std::size_t max_body = 1 << 20) {
  std::istringstream in(bytes);
  MessageReader reader(in, max_body);
  std::vector<Frame> frames;
  while (true) {
    frames.push_back(reader.next());
    if (frames.back().kind == Frame::Kind::End) return frames;
  }
}

TEST(MessageReader, ReadsMessagesBackToBack) {
  auto frames = read_all("Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]");
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[0].body, "{}");
  EXPECT_EQ(frames[1].body, "[1,2,3]");
  EXPECT_EQ(frames[2].kind, Frame::Kind::End);
  EXPECT_EQ(frames[2].problem, "") << "a stream that ends between messages ends cleanly";
}

TEST(MessageReader, HeaderNamesIgnoreCaseAndOtherFieldsAreSkipped) {
  auto frames = read_all(
      "content-length:   3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nabc");
  ASSERT_EQ(frames[0].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[0].body, "abc");
}

TEST(MessageReader, AcceptsBareLineFeeds) {
  auto frames = read_all("Content-Length: 2\n\n{}");
  ASSERT_EQ(frames[0].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(MessageReader, TheBodyIsCountedInBytesNotCharacters) {
  auto frames = read_all("Content-Length: 7\r\n\r\n\"caf\xC3\xA9\"");
  ASSERT_EQ(frames[0].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[0].body, "\"caf\xC3\xA9\"");
}

TEST(MessageReader, AHeaderWithoutLengthIsMalformedAndTheNextMessageIsStillRead) {
  auto frames = read_all("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].kind, Frame::Kind::Malformed);
  EXPECT_EQ(frames[0].problem, "a header without Content-Length");
  EXPECT_EQ(frames[1].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[1].body, "{}");
}

TEST(MessageReader, SaysWhatIsWrongWithALength) {
  EXPECT_EQ(read_all("Content-Length: ten\r\n\r\n")[0].problem, "Content-Length is not a number");
  EXPECT_EQ(read_all("Content-Length: -1\r\n\r\n")[0].problem, "Content-Length is not a number");
  EXPECT_EQ(read_all("Content-Length: 99999999999999999999999\r\n\r\n")[0].problem,
            "Content-Length is not a number");
  EXPECT_EQ(read_all("Content-Length: 2000000\r\n\r\n", 1000)[0].problem,
            "Content-Length is larger than a message can be");
  EXPECT_EQ(read_all("garbage\r\n\r\n")[0].problem, "a header line without `:`");
}

TEST(MessageReader, AStreamEndingInsideAMessageEnds) {
  auto body = read_all("Content-Length: 10\r\n\r\n{\"a\"");
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0].kind, Frame::Kind::End);
  EXPECT_EQ(body[0].problem, "the stream ended inside a message body");
  auto header = read_all("Content-Length: 10\r\n");
  EXPECT_EQ(header[0].problem, "the stream ended inside a message header");
}

TEST(MessageReader, ABodyLargerThanAReadPieceIsReadWhole) {
  const std::string body(200000, 'x');
  auto frames = read_all("Content-Length: 200000\r\n\r\n" + body);
  ASSERT_EQ(frames[0].kind, Frame::Kind::Message);
  EXPECT_EQ(frames[0].body, body);
  EXPECT_EQ(read_all("Content-Length: 200000\r\n\r\n" + body.substr(1))[0].kind, Frame::Kind::End);
}

TEST(MessageReader, AnEmptyStreamEndsAtOnce) {
  auto frames = read_all("");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].problem, "");
}

TEST(WriteMessage, FramesTheBody) {
  std::ostringstream out;
  write_message(out, "{\"x\":\"\xC3\xA9\"}");
  EXPECT_EQ(out.str(), "Content-Length: 10\r\n\r\n{\"x\":\"\xC3\xA9\"}");
}

}  // namespace
}  // namespace dealgate::lsp
