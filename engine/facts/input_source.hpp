// Where a facts reader's input comes from: a file, standard input (`-`) or a stream, read in
// chunks. The JSON and CSV readers share it, so both say the same words when a file cannot be
// opened or read.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <utility>

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
  // Reads up to `n` bytes; 0 at the end of the input or on failure (then error() is set).
  std::size_t read(char* dst, std::size_t n);
  // Empty unless the input could not be opened or read.
  const std::string& error() const { return error_; }

 private:
  std::size_t read_fd(char* dst, std::size_t n);
  std::size_t read_stream(char* dst, std::size_t n);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::istream* stream_ = nullptr;
  std::string name_;  // of the file, for messages
  std::string error_;
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
