// CSV text → rows of cells (RFC 4180), incrementally: feed() the input in chunks of any size, then
// finish(). Knows nothing about facts; engine/facts/csv_facts.hpp gives the cells their meaning.
//
// What it accepts:
//   * cells separated by `,`, `;` or a tab, rows ended by CRLF, LF or a lone CR (the last row may
//     lack one). The separator is given, or (0) detected from the first line: the one of the three
//     that occurs most often outside quotes there, `,` on a tie (Excel in most of Europe writes
//     `;`, "Unicode text" exports use tabs);
//   * quoted cells (`"a, b"`) that may hold commas, line breaks and doubled quotes (`""` → `"`);
//   * a UTF-8 byte order mark at the very start (skipped);
//   * a quote inside an unquoted cell (`12" screen`) is kept as it is, as most CSV readers do;
//   * blank lines (empty, or only spaces and tabs, outside quotes) are not rows, but are counted.
// What makes a row an error row (reported with its line, reading goes on with the next row):
//   * text after the closing quote of a cell (`"abc"def`): the quote should have been doubled;
//   * a quoted cell still open at the end of the input;
//   * a row longer than `max_row_bytes` (its cells are not kept, so memory stays bounded).
//
// Lines: `line` is the 1-based physical line a row starts on; a line break inside a quoted cell
// counts, so the row after it starts on a later line. CRLF counts once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dealgate {

struct CsvRow {
  std::uint64_t line = 0;               // the physical line the row starts on, 1-based
  std::vector<std::string_view> cells;  // unquoted cell texts; valid only during the sink call
  std::string error;                    // non-empty: the row is malformed (cells are then partial)
};

class CsvParser {
 public:
  using Sink = std::function<void(const CsvRow&)>;

  explicit CsvParser(std::size_t max_row_bytes = std::size_t{16} << 20, char delimiter = ',');

  // The separator in use: the one given, or the one detected (0 until the first line is complete).
  char delimiter() const { return delimiter_; }

  // Parses `bytes`, calling `sink` for every row they complete.
  void feed(std::string_view bytes, const Sink& sink);
  // The end of the input: delivers the last row, if any, and resets for a new input.
  void finish(const Sink& sink);

 private:
  enum class State : std::uint8_t {
    RowStart,       // nothing of the current row seen yet
    CellStart,      // after a comma
    Unquoted,       // inside an unquoted cell
    Quoted,         // inside a quoted cell
    QuoteInQuoted,  // a quote inside a quoted cell: doubled, or the cell's end
  };

  void byte(char c, const Sink& sink);
  void feed_bytes(std::string_view bytes, const Sink& sink);
  bool detect(std::string_view bytes, const Sink& sink);
  static char detect_delimiter(std::string_view first_line);
  void append(char c);
  void append(std::string_view run);
  bool ends_cell(char c, const Sink& sink);
  void end_cell();
  void end_row(const Sink& sink);
  void fail(std::string message);
  void reset_row();

  std::size_t max_row_bytes_;
  char delimiter_;          // 0: not yet detected
  bool detect_each_input_;  // the separator is detected anew for every input
  bool detecting_ = false;  // the first line is being held back to detect the separator
  std::string first_line_;  // the bytes held back meanwhile
  State state_ = State::RowStart;
  std::uint64_t line_ = 1;         // the physical line of the next byte
  bool after_cr_ = false;          // the previous byte was a CR (a following LF belongs to it)
  bool at_start_ = true;           // no byte of the input consumed yet (for the byte order mark)
  std::string bom_;                // the first bytes, while they may still be a byte order mark
  std::string text_;               // the current row's cell texts, back to back
  std::vector<std::size_t> ends_;  // where each finished cell of the current row ends in text_
  bool quoted_row_ = false;        // some cell of the current row was quoted (so it is not blank)
  bool too_large_ = false;         // the current row passed max_row_bytes_; its text is dropped
  CsvRow row_;
};

}  // namespace dealgate
