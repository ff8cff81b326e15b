#include "lsp/framing.hpp"

#include <algorithm>
#include <charconv>

namespace dealgate::lsp {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

Frame MessageReader::next() {
  // Header lines up to the blank one. A header that cannot be used still ends at its blank line,
  // so the message after it is read as usual.
  std::string line;
  bool any_line = false, has_length = false;
  std::size_t length = 0;
  std::string problem;
  while (true) {
    if (!std::getline(in_, line)) {
      if (!any_line) return {};
      return {Frame::Kind::End, {}, "the stream ended inside a message header"};
    }
    std::string_view text = trim(line);
    if (text.empty()) {
      if (!any_line) continue;  // stray line breaks between messages
      break;
    }
    any_line = true;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      if (problem.empty()) problem = "a header line without `:`";
      continue;
    }
    if (!equals_ignoring_case(trim(text.substr(0, colon)), "content-length")) continue;
    std::string_view value = trim(text.substr(colon + 1));
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (error != std::errc{} || end != value.data() + value.size() || value.empty()) {
      problem = "Content-Length is not a number";
    } else if (length > max_body_) {
      problem = "Content-Length is larger than a message can be";
    } else {
      has_length = true;
    }
  }
  if (!has_length) {
    return {
        Frame::Kind::Malformed, {}, problem.empty() ? "a header without Content-Length" : problem};
  }
  // Read in pieces, so a length that the stream does not hold costs no more memory than the
  // bytes that are really there.
  Frame frame{Frame::Kind::Message, {}, {}};
  constexpr std::size_t kPiece = std::size_t{1} << 16;
  while (frame.body.size() < length) {
    const std::size_t have = frame.body.size();
    frame.body.resize(have + std::min(kPiece, length - have));
    in_.read(frame.body.data() + have, static_cast<std::streamsize>(frame.body.size() - have));
    if (static_cast<std::size_t>(in_.gcount()) != frame.body.size() - have) {
      return {Frame::Kind::End, {}, "the stream ended inside a message body"};
    }
  }
  return frame;
}

void write_message(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace dealgate::lsp
