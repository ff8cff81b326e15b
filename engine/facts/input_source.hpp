// Where a facts reader's input comes from: a file, standard input (`-`) or a stream, read in
// chunks. The JSON and CSV readers share it, so both say the same words when a file cannot be
// opened or read.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

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

}  // namespace dealgate
