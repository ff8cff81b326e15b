// The LSP base protocol on a byte stream: every message is a header (`Content-Length: N`, lines
// ending in \r\n, other fields ignored), a blank line, then N bytes of JSON.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace dealgate::lsp {

struct Frame {
  enum class Kind {
    Message,    // `body` holds one message's bytes
    Malformed,  // a header without a usable Content-Length; `problem` says what; reading goes on
    End,        // the stream ended (cleanly, or inside a message: then `problem` says so)
  };
  Kind kind = Kind::End;
  std::string body;
  std::string problem;
};

class MessageReader {
 public:
  // A Content-Length above `max_body` is malformed: a client never sends that much, and reading
  // it would only exhaust memory.
  explicit MessageReader(std::istream& in, std::size_t max_body = std::size_t{64} << 20)
      : in_(in), max_body_(max_body) {}

  Frame next();

 private:
  std::istream& in_;
  std::size_t max_body_;
};

// Writes one framed message and flushes, so the client sees it at once.
void write_message(std::ostream& out, std::string_view body);

}  // namespace dealgate::lsp
