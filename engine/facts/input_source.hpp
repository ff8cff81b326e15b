// Where a facts reader's input comes from: a file, standard input (`-`) or a stream, read in
// chunks, as UTF-8 (engine/facts/text_decoder.hpp turns other encodings into it). The JSON and CSV
// readers share it, so both say the same words when a file cannot be opened or read, and both
// read the same encodings.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <utility>

#include "engine/facts/text_decoder.hpp"

namespace dealgate {

class InputSource {
 public:
  // The file at `path`, or standard input for `-`. A file that cannot be opened is not open(),
  // and error() says why ("cannot open PATH: REASON").
  explicit InputSource(const std::string& path);
  // A stream, read to its end. The caller keeps it alive while reading.
  explicit InputSource(std::istream& in);
  ~InputSource();  // closes a file this source opened
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  bool is_open() const { return stream_ != nullptr || fd_ >= 0; }
  // How the bytes are read, before the first read(): as UTF-8 unchanged (the default), or decoded
  // from `encoding` (Auto: UTF-16 when a byte order mark says so, else UTF-8). Once the text is
  // known to be UTF-8, reads go straight into the caller's buffer again.
  void decode_as(TextEncoding encoding);
  // Reads up to `n` bytes of UTF-8; 0 at the end of the input or on failure (then error() is
  // set).
  std::size_t read(char* dst, std::size_t n) {
    return decoder_ == nullptr ? read_raw(dst, n) : read_decoded(dst, n);
  }
  // Empty unless the input could not be opened or read.
  const std::string& error() const { return error_; }

 private:
  std::size_t read_raw(char* dst, std::size_t n);
  std::size_t read_decoded(char* dst, std::size_t n);
  std::size_t read_fd(char* dst, std::size_t n);
  std::size_t read_stream(char* dst, std::size_t n);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::istream* stream_ = nullptr;
  std::string name_;  // of the file, for messages
  std::string error_;
  std::unique_ptr<TextDecoder> decoder_;  // set while the input is being decoded
  std::string raw_, decoded_;             // a raw chunk, and its text not yet handed out
  std::size_t handed_ = 0;                // bytes of decoded_ handed out
  bool raw_done_ = false;
};

// Opens `path` (standard input for `-`) and returns `read(source)`; when it cannot be opened,
// a status of read's type whose `error` says why, so every reader words it the same.
template <typename Read>
auto read_opened(const std::string& path, Read&& read)
    -> decltype(read(std::declval<InputSource&>())) {
  InputSource source(path);
  if (!source.is_open()) {
    decltype(read(source)) status;
    status.error = source.error();
    return status;
  }
  return read(source);
}

}  // namespace dealgate
