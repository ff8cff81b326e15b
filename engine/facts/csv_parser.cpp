#include "engine/facts/csv_parser.hpp"

#include <utility>

namespace dealgate {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_blank_text(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace

CsvParser::CsvParser(std::size_t max_row_bytes, char delimiter)
    : max_row_bytes_(max_row_bytes),
      delimiter_(delimiter),
      detect_each_input_(delimiter == 0),
      detecting_(delimiter == 0) {}

char CsvParser::detect_delimiter(std::string_view first_line) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : first_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

// Holds the input back until its first line (outside quotes) is complete, then picks the
// separator and parses what was held. True once the separator is known.
bool CsvParser::detect(std::string_view bytes, const Sink& sink) {
  bool quoted = false;
  for (char c : first_line_) {
    if (c == '"') quoted = !quoted;
  }
  std::size_t end = std::string_view::npos;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '"') quoted = !quoted;
    if (!quoted && (bytes[i] == '\n' || bytes[i] == '\r')) {
      end = i;
      break;
    }
  }
  if (end == std::string_view::npos && first_line_.size() + bytes.size() <= max_row_bytes_) {
    first_line_.append(bytes);
    return false;
  }
  first_line_.append(bytes);
  const std::size_t line_end =
      end == std::string_view::npos ? first_line_.size() : first_line_.size() - bytes.size() + end;
  delimiter_ = detect_delimiter(std::string_view(first_line_).substr(0, line_end));
  detecting_ = false;
  std::string held = std::move(first_line_);
  first_line_.clear();
  feed_bytes(held, sink);
  return true;
}

void CsvParser::feed(std::string_view bytes, const Sink& sink) {
  if (detecting_) {
    detect(bytes, sink);
    return;
  }
  feed_bytes(bytes, sink);
}

void CsvParser::feed_bytes(std::string_view bytes, const Sink& sink) {
  if (at_start_) {
    // Hold back the first bytes until they are known to be, or not to be, a byte order mark.
    while (!bytes.empty() && bom_.size() < kBom.size()) {
      bom_.push_back(bytes.front());
      bytes.remove_prefix(1);
      if (kBom.substr(0, bom_.size()) != bom_) break;
    }
    if (bom_.size() < kBom.size() && kBom.substr(0, bom_.size()) == bom_) return;  // need more
    at_start_ = false;
    std::string held = std::move(bom_);
    bom_.clear();
    if (held != kBom) {
      for (char c : held) byte(c, sink);
    }
  }
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Inside a cell, ordinary bytes go in as one run; the state machine sees only the others.
    if (state_ == State::Unquoted || state_ == State::Quoted) {
      const char stop = state_ == State::Quoted ? '"' : delimiter_;
      std::size_t j = i;
      while (j < bytes.size() && bytes[j] != stop && bytes[j] != '\n' && bytes[j] != '\r') ++j;
      if (j > i) {
        append(bytes.substr(i, j - i));
        after_cr_ = false;
        i = j;
        continue;
      }
    }
    byte(bytes[i++], sink);
  }
}

void CsvParser::finish(const Sink& sink) {
  if (detecting_) {  // the whole input is one line
    std::string held = std::move(first_line_);
    first_line_.clear();
    delimiter_ = detect_delimiter(held);
    detecting_ = false;
    feed_bytes(held, sink);
  }
  if (at_start_) {  // fewer bytes than a byte order mark, and a prefix of one
    at_start_ = false;
    std::string held = std::move(bom_);
    bom_.clear();
    if (held != kBom) {
      for (char c : held) byte(c, sink);
    }
  }
  if (state_ == State::Quoted) {
    fail("a quoted cell is not closed: the input ends inside it");
  }
  if (state_ != State::RowStart) {
    end_cell();
    end_row(sink);
  }
  state_ = State::RowStart;
  line_ = 1;
  after_cr_ = false;
  at_start_ = true;
  if (detect_each_input_) {
    detecting_ = true;
    delimiter_ = 0;
  }
  reset_row();
}

void CsvParser::byte(char c, const Sink& sink) {
  // Count physical lines: a CR, an LF, or a CRLF pair (counted at its CR) ends one.
  const bool crlf_tail = c == '\n' && after_cr_;
  after_cr_ = c == '\r';
  switch (state_) {
    case State::RowStart:
      if (crlf_tail) return;  // the LF of a CRLF that ended the previous row
      row_.line = line_;
      [[fallthrough]];
    case State::CellStart:
      if (c == '"') {
        quoted_row_ = true;
        state_ = State::Quoted;
      } else if (!ends_cell(c, sink)) {
        append(c);
        state_ = State::Unquoted;
      }
      return;
    case State::Unquoted:
      if (!ends_cell(c, sink)) append(c);
      return;
    case State::Quoted:
      if (c == '"') {
        state_ = State::QuoteInQuoted;
        return;
      }
      if ((c == '\n' && !crlf_tail) || c == '\r') ++line_;
      append(c);
      return;
    case State::QuoteInQuoted:
      if (c == '"') {
        append('"');
        state_ = State::Quoted;
      } else if (!ends_cell(c, sink)) {
        fail("column " + std::to_string(ends_.size() + 1) +
             ": text after the closing quote of a quoted cell (write a quote inside a quoted "
             "cell as two quotes: \"\")");
        append(c);
        state_ = State::Unquoted;
      }
      return;
  }
}

void CsvParser::append(char c) {
  if (too_large_) return;
  if (text_.size() >= max_row_bytes_) {
    too_large_ = true;
    text_.clear();
    return;
  }
  text_.push_back(c);
}

void CsvParser::append(std::string_view run) {
  if (too_large_) return;
  if (text_.size() + run.size() > max_row_bytes_) {
    too_large_ = true;
    text_.clear();
    return;
  }
  text_.append(run);
}

// Outside quotes, a delimiter ends the cell and a line break the row, whatever the state.
bool CsvParser::ends_cell(char c, const Sink& sink) {
  if (c == delimiter_) {
    end_cell();
    state_ = State::CellStart;
    return true;
  }
  if (c == '\r' || c == '\n') {
    ++line_;
    end_cell();
    end_row(sink);
    return true;
  }
  return false;
}

void CsvParser::end_cell() {
  ends_.push_back(text_.size());
}

void CsvParser::fail(std::string message) {
  if (row_.error.empty()) row_.error = std::move(message);
}

void CsvParser::end_row(const Sink& sink) {
  state_ = State::RowStart;
  if (too_large_) {
    row_.error = "record is larger than the limit of " + std::to_string(max_row_bytes_) + " bytes";
    row_.cells.clear();
    sink(row_);
    reset_row();
    return;
  }
  // A blank line is not a row.
  if (row_.error.empty() && !quoted_row_ && ends_.size() == 1 && is_blank_text(text_)) {
    reset_row();
    return;
  }
  row_.cells.clear();
  std::size_t from = 0;
  for (std::size_t end : ends_) {
    row_.cells.emplace_back(text_.data() + from, end - from);
    from = end;
  }
  sink(row_);
  reset_row();
}

void CsvParser::reset_row() {
  text_.clear();
  ends_.clear();
  row_.error.clear();
  quoted_row_ = false;
  too_large_ = false;
}

}  // namespace dealgate
