// The one place where diagnostics become text: compiler style for people, JSON for tools.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace dealgate {

struct RenderOptions {
  bool color = false;
};

// `file:line:col: error: message`, the source line with a gutter, a caret `^` under the column and
// the rest of the span underlined after it (`^~~~`), then `help:` and notes, each note with its own
// source line.
std::string render_text(const Diagnostic& diagnostic, const SourceSet& sources,
                        const RenderOptions& options = {});

// One JSON object: {"severity","code","message","file","line","column","end_line","end_column",
// "help","notes":[{"message","file","line","column"}]}.
std::string render_json(const Diagnostic& diagnostic, const SourceSet& sources);

// A diagnostic's JSON object as fields, so the compiler's diagnostics (render_json, `dealgate
// check --format json`) and the library's (the C API's error JSON, which has no spans and no
// notes) are written by one function.
struct DiagnosticJson {
  struct Place {
    std::string_view message;
    std::string_view file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
  };
  std::string_view severity;
  std::string_view code;
  Place at;  // `at.message` is the diagnostic's message
  bool has_end = false;
  LineColumn end;
  std::string_view help;
  bool has_notes = false;
  std::vector<Place> notes;
};

// {"severity","code","message","file","line","column"[,"end_line","end_column"],"help"[,"notes"]}
void write_diagnostic_json(JsonWriter& json, const DiagnosticJson& diagnostic);

}  // namespace dealgate
