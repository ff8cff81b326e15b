// The one place where diagnostics become text: compiler style for people, JSON for tools.
#pragma once

#include <string>

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

std::string json_escape(std::string_view text);

}  // namespace dealgate
