#include "grammar/diagnostic_render.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/ansi.hpp"

namespace dealgate {
namespace {

// A compiler's colours: the message bold, errors red, warnings magenta, notes cyan, help green.
// All empty when colour is off.
struct Palette {
  explicit Palette(bool color)
      : bold(ansi::when(color, ansi::Look::Bold)),
        error(ansi::when(color, ansi::Look::BoldRed)),
        warning(ansi::when(color, ansi::Look::BoldMagenta)),
        note(ansi::when(color, ansi::Look::BoldCyan)),
        help(ansi::when(color, ansi::Look::BoldGreen)),
        reset(ansi::when(color, ansi::Look::Reset)) {}

  const char* bold;
  const char* error;
  const char* warning;
  const char* note;
  const char* help;
  const char* reset;
};

const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Tabs are kept in the gutter copy of the line so the caret lines up under them. Columns count
// bytes, but a terminal shows one cell per character: UTF-8 continuation bytes take no room.
std::string caret_padding(std::string_view line, std::uint32_t column) {
  std::string pad;
  for (std::uint32_t i = 0; i + 1 < column && i < line.size(); ++i) {
    if (!is_continuation_byte(line[i])) pad += line[i] == '\t' ? '\t' : ' ';
  }
  return pad;
}

std::uint32_t display_width(std::string_view text) {
  return static_cast<std::uint32_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

// A long line (generated rules, a 10,000-bracket condition) is shown as a window around the
// column, with `...` where it was cut, so a diagnostic stays readable.
constexpr std::uint32_t kMaxShownLine = 120;
constexpr std::uint32_t kContextBefore = 50;

std::uint32_t char_boundary(std::string_view line, std::uint32_t at) {
  while (at > 0 && at < line.size() && is_continuation_byte(line[at])) --at;
  return at;
}

void append_snippet(std::string& out, const SourceFile& file, const Span& span, const Palette& p,
                    const char* marker_color, std::string_view label) {
  LineColumn start = file.locate(span.begin);
  std::string_view full_line = file.line(start.line);
  std::string gutter = fmt::format("{}", start.line);
  std::string blank(gutter.size(), ' ');
  // A caret at the column, then the rest of the span underlined on its first line (`^~~~`, as
  // clang does); an empty span (end of file, a missing token) gets the caret alone.
  std::uint32_t line_end_offset =
      span.begin + static_cast<std::uint32_t>(full_line.size()) - (start.column - 1);
  std::uint32_t from = std::min(span.begin, line_end_offset);
  std::uint32_t to = std::min(span.end, line_end_offset);

  std::uint32_t window_begin = 0;
  std::uint32_t window_end = static_cast<std::uint32_t>(full_line.size());
  if (full_line.size() > kMaxShownLine) {
    window_begin = char_boundary(
        full_line, start.column - 1 > kContextBefore ? start.column - 1 - kContextBefore : 0);
    window_end =
        char_boundary(full_line, std::min<std::uint32_t>(window_end, window_begin + kMaxShownLine));
  }
  std::string prefix = window_begin > 0 ? "..." : "";
  std::string_view line = full_line.substr(window_begin, window_end - window_begin);
  std::uint32_t column = start.column - window_begin;
  to = std::min(to, from + (window_end - (start.column - 1)));

  std::uint32_t width = 1;
  if (to > from) {
    width =
        std::max<std::uint32_t>(1, display_width(full_line.substr(start.column - 1, to - from)));
  }
  out += fmt::format(" {} |\n", blank);
  out += fmt::format(" {} | {}{}{}\n", gutter, prefix, line,
                     window_end < full_line.size() ? "..." : "");
  out += fmt::format(" {} | {}{}{}^{}{}{}{}\n", blank, prefix.empty() ? "" : "   ",
                     caret_padding(line, column), marker_color, std::string(width - 1, '~'),
                     label.empty() ? "" : " ", label, p.reset);
}

}  // namespace

std::string render_text(const Diagnostic& d, const SourceSet& sources,
                        const RenderOptions& options) {
  const Palette p(options.color);
  const SourceFile& file = sources.file(d.span.file);
  LineColumn at = file.locate(d.span.begin);
  const char* color = d.severity == Severity::Error ? p.error : p.warning;
  std::string out =
      fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}{}\n", p.bold, file.path(), at.line, at.column,
                  p.reset, color, severity_name(d.severity), p.reset, p.bold, d.message, p.reset);
  append_snippet(out, file, d.span, p, color, {});
  if (!d.help.empty()) out += fmt::format("  = {}help:{} {}\n", p.help, p.reset, d.help);
  for (const Note& note : d.notes) {
    const SourceFile& note_file = sources.file(note.span.file);
    LineColumn nat = note_file.locate(note.span.begin);
    out += fmt::format("{}{}:{}:{}:{} {}note:{} {}\n", p.bold, note_file.path(), nat.line,
                       nat.column, p.reset, p.note, p.reset, note.message);
    append_snippet(out, note_file, note.span, p, p.note, {});
  }
  return out;
}

namespace {

void write_place(JsonWriter& json, const DiagnosticJson::Place& place) {
  json.key("message").string(place.message);
  json.key("file").string(place.file);
  json.key("line").number(place.line);
  json.key("column").number(place.column);
}

}  // namespace

void write_diagnostic_json(JsonWriter& json, const DiagnosticJson& d) {
  json.begin_object();
  json.key("severity").string(d.severity);
  json.key("code").string(d.code);
  write_place(json, d.at);
  if (d.has_end) {
    json.key("end_line").number(d.end.line);
    json.key("end_column").number(d.end.column);
  }
  json.key("help").string(d.help);
  if (d.has_notes) {
    json.key("notes").begin_array();
    for (const DiagnosticJson::Place& note : d.notes) {
      json.begin_object();
      write_place(json, note);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
}

std::string render_json(const Diagnostic& d, const SourceSet& sources) {
  const SourceFile& file = sources.file(d.span.file);
  const LineColumn at = file.locate(d.span.begin);
  DiagnosticJson fields;
  fields.severity = severity_name(d.severity);
  fields.code = d.code;
  fields.at = {d.message, file.path(), at.line, at.column};
  fields.has_end = true;
  fields.end = file.locate(std::max(d.span.begin, d.span.end));
  fields.help = d.help;
  fields.has_notes = true;
  for (const Note& note : d.notes) {
    const SourceFile& note_file = sources.file(note.span.file);
    const LineColumn note_at = note_file.locate(note.span.begin);
    fields.notes.push_back({note.message, note_file.path(), note_at.line, note_at.column});
  }
  std::string out;
  JsonWriter json(out);
  write_diagnostic_json(json, fields);
  return out;
}

}  // namespace dealgate
