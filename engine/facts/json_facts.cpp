#include "engine/facts/json_facts.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "engine/facts/facts_convert.hpp"
#include "engine/facts/input_source.hpp"

namespace dealgate {

namespace {

constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// memchr finds each newline with vector instructions; std::count looked at every byte, which was
// 12% of all the instructions of a 2-thread run, all of them on the main thread.
std::uint64_t count_newlines(std::string_view text) {
  std::uint64_t count = 0;
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at))) {
    ++count;
    at = static_cast<const char*>(found) + 1;
  }
  return count;
}

// Whether `line` holds a complete JSON value as far as brackets and strings go: no string, object
// or array is still open at its end.
bool is_complete_value(std::string_view line) {
  long depth = 0;
  bool in_string = false;
  bool escape = false;
  for (char c : line) {
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return !in_string && depth <= 0;
}

std::string too_large(std::size_t limit) {
  return "record is larger than the limit of " + std::to_string(limit) + " bytes";
}

}  // namespace

struct FactsReader::Impl {
  Impl(const Schema& schema, FactsReaderOptions opts)
      : options(std::move(opts)),
        top_width(schema.frames()[0].width),
        converter(schema, options.id_field, options.max_depth, options.validate_ignored) {
    options.chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  }

  ReadStatus run(InputSource& source, const Sink& sink);
  void run_lines(const Sink& sink);
  void run_blocks();
  void line(std::size_t from, std::size_t to, const Sink& sink) {
    ++lines;
    parse_line(data() + from, to - from, bytes.size() - from, lines, sink);
  }
  // One line without its '\n' (`readable` bytes may be read from `text`): a record unless blank.
  void parse_line(const char* text, std::size_t length, std::size_t readable,
                  std::uint64_t line_number, const Sink& sink);
  bool looks_like_json_lines() const;
  // Reads one more chunk after `end`, compacting or growing the buffer first. Returns false at the
  // end of the input. Offsets move left by `shift` when the buffer was compacted.
  bool fill(std::size_t& shift);
  bool skip_past_newline(std::size_t& shift);
  void emit(std::uint64_t line_number, const Sink& sink) {
    record.line = line_number;
    ++status.records;
    if (!record.error.empty()) ++status.bad_records;
    sink(record);
  }
  char* data() { return bytes.data(); }
  std::size_t capacity() const { return bytes.size() - kPadding; }

  FactsReaderOptions options;
  std::uint32_t top_width;
  FactsConverter converter;
  ReadRecord record;
  std::vector<char> bytes;  // the read buffer, kPadding bytes longer than its capacity
  std::size_t begin = 0;    // unconsumed input is [begin, end)
  std::size_t end = 0;
  std::uint64_t lines = 0;  // lines consumed so far
  bool at_eof = false;
  InputSource* source = nullptr;
  ReadStatus status;
  std::vector<char> scratch;          // read_object's and read_lines' padded copies
  const BlockSink* blocks = nullptr;  // set: JSON Lines go out in blocks, unparsed
};

FactsReader::FactsReader(const Schema& schema, std::string id_field)
    : FactsReader(schema, FactsReaderOptions{std::move(id_field)}) {}

FactsReader::FactsReader(const Schema& schema, FactsReaderOptions options)
    : impl_(std::make_unique<Impl>(schema, std::move(options))) {}

FactsReader::~FactsReader() = default;

ReadStatus FactsReader::read_file(const std::string& path, const Sink& sink) {
  return read_opened(path, [&](InputSource& source) { return impl_->run(source, sink); });
}

ReadStatus FactsReader::read_stream(std::istream& in, const Sink& sink) {
  InputSource source(in);
  return impl_->run(source, sink);
}

ReadStatus FactsReader::read_file_blocks(const std::string& path, const Sink& sink,
                                         const BlockSink& blocks) {
  impl_->blocks = &blocks;
  ReadStatus status = read_file(path, sink);
  impl_->blocks = nullptr;
  return status;
}

ReadStatus FactsReader::read_stream_blocks(std::istream& in, const Sink& sink,
                                           const BlockSink& blocks) {
  impl_->blocks = &blocks;
  ReadStatus status = read_stream(in, sink);
  impl_->blocks = nullptr;
  return status;
}

ReadStatus FactsReader::read_lines(std::string_view text, std::uint64_t first_line,
                                   const Sink& sink) {
  Impl& impl = *impl_;
  impl.status = ReadStatus{};
  std::uint64_t line_number = first_line;
  std::size_t from = 0;
  while (from < text.size()) {
    const void* found = std::memchr(text.data() + from, '\n', text.size() - from);
    const std::size_t to =
        found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data())
                         : text.size();
    const std::size_t length = to - from;
    if (text.size() - from >= length + kPadding) {
      impl.parse_line(text.data() + from, length, text.size() - from, line_number, sink);
    } else {  // too close to the end of the block for simdjson's padding: parse a padded copy
      std::vector<char>& scratch = impl.scratch;
      if (scratch.size() < length + kPadding) scratch.resize(length + kPadding);
      std::memcpy(scratch.data(), text.data() + from, length);
      impl.parse_line(scratch.data(), length, scratch.size(), line_number, sink);
    }
    ++line_number;
    from = to + 1;
  }
  return impl.status;
}

bool FactsReader::read_object(std::string_view json, ReadRecord& record) {
  std::vector<char>& scratch = impl_->scratch;
  if (scratch.size() < json.size() + kPadding) scratch.resize(json.size() + kPadding);
  std::memcpy(scratch.data(), json.data(), json.size());
  record.line = 1;
  return impl_->converter.read(scratch.data(), json.size(), scratch.size(), record.facts,
                               record.id_json, record.error);
}

bool FactsReader::Impl::fill(std::size_t& shift) {
  shift = 0;
  if (at_eof) return false;
  const std::size_t want = options.chunk_bytes;
  if (capacity() - end < want) {
    if (begin > 0) {
      std::memmove(data(), data() + begin, end - begin);
      shift = begin;
      end -= begin;
      begin = 0;
    }
    if (capacity() - end < want) {
      bytes.resize(std::max(capacity() * 2, end + want) + kPadding);
    }
  }
  std::size_t got = source->read(data() + end, want);
  if (got == 0) {
    at_eof = true;
    if (!source->error().empty()) status.error = source->error();
    return false;
  }
  end += got;
  return true;
}

ReadStatus FactsReader::Impl::run(InputSource& src, const Sink& sink) {
  source = &src;
  source->decode_as(options.encoding);
  status = ReadStatus{};
  begin = end = 0;
  lines = 0;
  at_eof = false;
  if (bytes.size() < 2 * options.chunk_bytes + kPadding) {
    bytes.resize(2 * options.chunk_bytes + kPadding);
  }
  std::size_t shift = 0;

  // A byte order mark.
  while (end < 3 && fill(shift)) {
  }
  if (end >= 3 && std::memcmp(data(), "\xEF\xBB\xBF", 3) == 0) begin = 3;

  // The first non-blank character; blank lines before it are consumed (and counted).
  std::size_t pos = begin;
  bool blanks = false;  // white space before the first character, for an input of nothing else
  while (true) {
    blanks = blanks || (pos < end && is_blank(data()[pos]));
    while (pos < end && is_blank(data()[pos])) {
      if (data()[pos] == '\n') {
        ++lines;
        begin = pos + 1;
      }
      ++pos;
    }
    if (pos < end) break;
    if (!fill(shift)) {  // nothing but blanks: no records
      status.shape = blanks ? InputShape::Blank : InputShape::Nothing;
      return status;
    }
    pos -= shift;
  }

  if (data()[pos] == '[') {  // one JSON array, loaded whole
    while (fill(shift)) {
    }
    if (!status.ok()) return status;
    std::uint64_t position = 0;
    converter.read_array(data() + begin, end - begin, bytes.size() - begin,
                         options.max_record_bytes, record.facts, record.id_json, record.error,
                         [&] { emit(++position, sink); });
    if (position == 0 && status.ok()) status.shape = InputShape::EmptyArray;
    return status;
  }

  // Is the first non-blank line a complete value? If not, the input is one (pretty) document.
  std::size_t newline = end;
  while (true) {
    const void* found = std::memchr(data() + pos, '\n', end - pos);
    if (found != nullptr) {
      newline = static_cast<std::size_t>(static_cast<const char*>(found) - data());
      break;
    }
    if (end - begin > options.max_record_bytes || !fill(shift)) {
      newline = end;
      break;
    }
    pos -= shift;
  }
  const bool first_line_too_long = newline - begin > options.max_record_bytes;
  if (!first_line_too_long &&
      !is_complete_value(std::string_view(data() + begin, newline - begin))) {
    while (end - begin <= options.max_record_bytes && fill(shift)) {
    }
    if (!status.ok()) return status;
    const bool whole = at_eof && end - begin <= options.max_record_bytes;
    if (whole) {
      converter.read(data() + begin, end - begin, bytes.size() - begin, record.facts,
                     record.id_json, record.error);
      if (record.error.rfind("invalid JSON", 0) != 0 || !looks_like_json_lines()) {
        emit(1, sink);
        return status;
      }
    } else if (!looks_like_json_lines()) {
      record.facts.clear(top_width);
      record.id_json = "null";
      record.error = too_large(options.max_record_bytes);
      emit(1, sink);
      while (true) {  // drain the rest without keeping it
        end = begin;
        if (!fill(shift)) break;
      }
      return status;
    }
  }
  if (blocks != nullptr) {
    run_blocks();
  } else {
    run_lines(sink);
  }
  return status;
}

bool FactsReader::Impl::looks_like_json_lines() const {
  std::string_view text(bytes.data() + begin, end - begin);
  std::size_t at = text.find('\n');
  while (at != std::string_view::npos) {
    std::size_t next = text.find('\n', at + 1);
    std::string_view line =
        text.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    if (!line.empty()) return line.front() == '{' && line.back() == '}';
    at = next;
  }
  return false;
}

void FactsReader::Impl::run_lines(const Sink& sink) {
  std::size_t scan = begin;  // no newline in [begin, scan)
  std::size_t shift = 0;
  while (true) {
    const void* found = std::memchr(data() + scan, '\n', end - scan);
    if (found != nullptr) {
      const auto newline = static_cast<std::size_t>(static_cast<const char*>(found) - data());
      line(begin, newline, sink);
      begin = scan = newline + 1;
      continue;
    }
    scan = end;
    if (end - begin > options.max_record_bytes) {
      // Too long: report it, then skip to the end of the line without keeping it.
      ++lines;
      record.facts.clear(top_width);
      record.id_json = "null";
      record.error = too_large(options.max_record_bytes);
      emit(lines, sink);
      if (!skip_past_newline(shift)) return;
      scan = begin;
      continue;
    }
    if (!fill(shift)) {
      // The last line may lack its newline; after a read failure it is incomplete, so dropped.
      if (begin < end && status.ok()) line(begin, end, sink);
      begin = end;
      return;
    }
    scan -= shift;
  }
}

// Drops the input up to and including the next newline (the rest of a line too long to keep);
// false when the input ends first.
bool FactsReader::Impl::skip_past_newline(std::size_t& shift) {
  while (true) {
    begin = end;
    if (!fill(shift)) return false;
    const void* found = std::memchr(data() + begin, '\n', end - begin);
    if (found != nullptr) {
      begin = static_cast<std::size_t>(static_cast<const char*>(found) - data()) + 1;
      return true;
    }
  }
}

void FactsReader::Impl::run_blocks() {
  // Hands out [begin, last newline] after every fill; `scan` is where the search for a newline
  // starts, so a long line is not searched again and again.
  std::size_t scan = begin;
  std::size_t shift = 0;
  while (true) {
    const void* found = scan < end ? memrchr(data() + scan, '\n', end - scan) : nullptr;
    if (found != nullptr) {
      const auto last = static_cast<std::size_t>(static_cast<const char*>(found) - data()) + 1;
      const std::string_view block(data() + begin, last - begin);
      const std::uint64_t count = count_newlines(block);
      (*blocks)(block, lines + 1);
      lines += count;
      begin = scan = last;
    } else {
      scan = end;
    }
    if (end - begin > options.max_record_bytes + 1) {
      // Too long: hand out its first max_record_bytes + 2 bytes (still too long without a final
      // '\r', so read_lines reports it), then skip to the end of the line without keeping it.
      (*blocks)(std::string_view(data() + begin, options.max_record_bytes + 2), lines + 1);
      ++lines;
      if (!skip_past_newline(shift)) return;
      scan = begin;
      continue;
    }
    if (!fill(shift)) {
      // The last line may lack its newline; after a read failure it is incomplete, so dropped.
      if (begin < end && status.ok()) {
        (*blocks)(std::string_view(data() + begin, end - begin), lines + 1);
        ++lines;
      }
      begin = end;
      return;
    }
    scan -= shift;
  }
}

void FactsReader::Impl::parse_line(const char* text, std::size_t length, std::size_t readable,
                                   std::uint64_t line_number, const Sink& sink) {
  std::size_t first = 0;
  while (first < length && is_blank(text[first])) ++first;
  if (first == length) return;  // a blank line is not a record
  if (text[length - 1] == '\r') --length;
  if (length > options.max_record_bytes) {
    record.facts.clear(top_width);
    record.id_json = "null";
    record.error = too_large(options.max_record_bytes);
  } else {
    converter.read(text, length, readable, record.facts, record.id_json, record.error);
  }
  emit(line_number, sink);
}

}  // namespace dealgate
