#include "engine/facts/input_source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dealgate {

InputSource::InputSource(const std::string& path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    name_ = "standard input";
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    error_ = "cannot open " + path + ": " + std::strerror(errno);
    return;
  }
  owns_fd_ = true;
  name_ = path;
}

InputSource::InputSource(std::istream& in) : stream_(&in) {}

InputSource::~InputSource() {
  if (owns_fd_) ::close(fd_);
}

void InputSource::decode_as(TextEncoding encoding) {
  if (encoding == TextEncoding::Utf8) {
    decoder_.reset();
  } else {
    decoder_ = std::make_unique<TextDecoder>(encoding);
  }
}

std::size_t InputSource::read_decoded(char* dst, std::size_t n) {
  while (handed_ == decoded_.size()) {
    decoded_.clear();
    handed_ = 0;
    if (raw_done_) return 0;
    raw_.resize(n);
    const std::size_t got = read_raw(raw_.data(), n);
    if (got == 0) {
      raw_done_ = true;
      decoder_->finish(decoded_);
    } else {
      decoder_->feed(std::string_view(raw_.data(), got), decoded_);
    }
  }
  const std::size_t k = std::min(n, decoded_.size() - handed_);
  std::memcpy(dst, decoded_.data() + handed_, k);
  handed_ += k;
  if (handed_ == decoded_.size() && decoder_->passes_through() && !raw_done_) {
    // UTF-8 after all: the rest goes straight into the caller's buffer, as without decoding.
    decoder_.reset();
    std::string().swap(raw_);
    std::string().swap(decoded_);
    handed_ = 0;
  }
  return k;
}

std::size_t InputSource::read_raw(char* dst, std::size_t n) {
  if (stream_ != nullptr) return read_stream(dst, n);
  if (fd_ < 0) return 0;  // never opened; error_ says why
  return read_fd(dst, n);
}

std::size_t InputSource::read_fd(char* dst, std::size_t n) {
  while (true) {
    ssize_t got = ::read(fd_, dst, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    error_ = "cannot read " + name_ + ": " + std::strerror(errno);
    return 0;
  }
}

std::size_t InputSource::read_stream(char* dst, std::size_t n) {
  std::istream& in = *stream_;
  if (!in.good()) {
    // Our own reads end with eof (and fail) set; a stream that failed before it reached the end
    // (one that could not be opened, say) is a read error.
    if (in.bad() || !in.eof()) error_ = "cannot read the input stream";
    return 0;
  }
  in.read(dst, static_cast<std::streamsize>(n));
  auto got = static_cast<std::size_t>(in.gcount());
  if (got == 0 && in.bad()) error_ = "cannot read the input stream";
  return got;
}

}  // namespace dealgate
