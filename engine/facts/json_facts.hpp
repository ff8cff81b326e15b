// Reads deal records (JSON exported from a CRM) into Facts, streaming, in input order.
//
// Input format, chosen by content (spec §7):
//   * first non-blank character `[`  → one JSON array of objects; `line` is the 1-based position
//     in the array. This form is loaded whole into memory.
//   * otherwise JSON Lines: one object per non-blank line; `line` is the 1-based line number
//     (blank lines are not records but are counted). Read in chunks: the buffer stays under
//     about 2 × (max_record_bytes + chunk_bytes) however long the input (a longer line is
//     reported and skipped without being kept).
//   * a single object spread over several lines (pretty-printed): when the first non-blank line is
//     not a complete JSON value (an open brace, bracket or string at its end), the whole input is
//     one document, `line` 1. Should that document not parse while its second non-blank line
//     looks like a JSON Lines record (`{...}`), the input is read as JSON Lines after all, so a
//     truncated first line costs one error record, not the file. A document over
//     max_record_bytes that does not look like JSON Lines is one error record.
// A UTF-8 byte order mark at the start is skipped; CRLF line ends are accepted. UTF-16 with a
// byte order mark is decoded to UTF-8 first, and options.encoding may force an encoding.
//
// Guarantees: the sink sees every record exactly once, in input order; a record that cannot be
// read (invalid JSON, not an object, too deep, too large) is an error record with its line, and
// reading goes on with the next line. In the JSON-array form a structural error ends the array:
// the elements before it are delivered, then one error record for the position where it stopped
// (an array that simdjson rejects as a whole, e.g. unclosed or not UTF-8, is one error record at
// position 1); text after the closing `]` is one more error record.
//
// Conversion by the schema is described in engine/facts/facts_convert.hpp (null/absent → Missing,
// wrong JSON type → Invalid with the raw JSON kept, duplicate keys: last one wins).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/facts/facts.hpp"
#include "engine/facts/text_decoder.hpp"
#include "engine/schema/schema.hpp"

namespace dealgate {

// One input record. The reader reuses one ReadRecord for a whole run; the sink must copy what it
// keeps.
struct ReadRecord {
  std::uint64_t line = 0;  // 1-based line (JSON Lines) or position in the array (single object: 1)
  std::string error;       // non-empty: the record could not be read; `facts` is then all Missing
  std::string id_json;     // raw JSON of the top-level id field (`"D000123"`, `42`), or `null`
  Facts facts;
};

// A record's id as results carry it: the raw JSON of its id field, and `null` for a record without
// one (SPEC §7: `"id"` is the id field's value or null). Every place that turns a read record into
// a result asks here.
inline std::string_view record_id_json(std::string_view id_json) {
  using namespace std::string_view_literals;
  return id_json.empty() ? "null"sv : id_json;
}

struct FactsReaderOptions {
  std::string id_field = "id";
  std::size_t max_record_bytes = std::size_t{16} << 20;  // a longer record is an error record
  std::size_t chunk_bytes = std::size_t{1} << 20;        // read size (tests force tiny chunks)
  std::size_t max_depth = 1024;                          // deeper nesting is an error record
  // Check the values of undeclared keys as JSON too (so `"x": tru` is an error record). Off: they
  // are skipped by bracket counting only, which is faster but lets bad literals through.
  bool validate_ignored = true;
  // Auto: UTF-8, or UTF-16 with a byte order mark; any other: the whole input decoded so
  // (engine/facts/text_decoder.hpp). Blocks handed to read_lines are UTF-8 already.
  TextEncoding encoding = TextEncoding::Auto;
};

// What a whole read came to. `error` is set only when the input itself could not be read (cannot
// open, read failure); the records before the failure were delivered. The CLI maps a non-empty
// `error` or `bad_records > 0` to exit code 3.
// What an input held when it held no records, so a command can say so (an empty file is a broken
// export, not an all-clear).
enum class InputShape : std::uint8_t {
  Records,     // some records (or an input error)
  Nothing,     // not a byte (a byte order mark at most)
  Blank,       // only white space and blank lines
  EmptyArray,  // JSON: `[]`
  HeaderOnly,  // CSV: a header row and no deal rows (a source's footer and blank rows aside)
};

struct ReadStatus {
  std::string error;
  std::uint64_t records = 0;      // records passed to the sink, error records included
  std::uint64_t bad_records = 0;  // of which error records
  InputShape shape = InputShape::Records;
  // CSV read with a `source`: the source's name, and the rows it skipped (its report footer, its
  // blank rows), which are not records.
  std::string source;
  std::uint64_t footer_rows = 0;
  std::uint64_t blank_rows = 0;
  // CSV: the header row as read, and whether none of its cells names a declared fact or a
  // column of a source (then `error` is set and no row was read).
  std::vector<std::string> header;
  bool header_unmatched = false;
  bool ok() const { return error.empty(); }
};

class FactsReader {
 public:
  using Sink = std::function<void(ReadRecord&)>;

  // The schema must outlive the reader. A reader is not thread-safe; use one per thread.
  explicit FactsReader(const Schema& schema, std::string id_field = "id");
  FactsReader(const Schema& schema, FactsReaderOptions options);
  ~FactsReader();
  FactsReader(const FactsReader&) = delete;
  FactsReader& operator=(const FactsReader&) = delete;

  // Reads a file, or standard input for `-`, calling `sink` for every record in input order.
  ReadStatus read_file(const std::string& path, const Sink& sink);
  // Reads a stream to its end, likewise.
  ReadStatus read_stream(std::istream& in, const Sink& sink);
  // Parallel reading, in two halves. `read_file_blocks` reads like `read_file`, but JSON Lines
  // input is not parsed: it goes to `blocks` in blocks of whole lines (about options.chunk_bytes
  // each; a line longer than max_record_bytes + 1 arrives cut to max_record_bytes + 2 bytes, which
  // `read_lines` reports as too large), with the line number of each block's first line. The
  // view is valid only during the call. The other input forms (a JSON array, one document) still
  // go to `sink` record by record. In the returned status, `records` counts only those.
  using BlockSink = std::function<void(std::string_view lines, std::uint64_t first_line)>;
  ReadStatus read_file_blocks(const std::string& path, const Sink& sink, const BlockSink& blocks);
  ReadStatus read_stream_blocks(std::istream& in, const Sink& sink, const BlockSink& blocks);
  // Reads the records of one such block (any reader of the same schema and options, typically one
  // per thread), numbering lines from `first_line`, exactly as read_file would have.
  ReadStatus read_lines(std::string_view lines, std::uint64_t first_line, const Sink& sink);
  // Reads one JSON object (the API's and the tests' entry point). Sets record.line to 1. Returns
  // false, with record.error set, when it is not valid JSON or not an object.
  bool read_object(std::string_view json, ReadRecord& record);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealgate
