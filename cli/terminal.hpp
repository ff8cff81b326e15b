// Whether a stream is a terminal, and whether to colour it.
#pragma once

#include <cstdio>

#include "cli/options.hpp"

namespace dealgate::cli {

// The colour decision, kept pure so it can be tested: `always` and `never` win; `auto` colours only
// a terminal, and only when NO_COLOR is unset or empty (https://no-color.org). `no_color` is the
// value of NO_COLOR, or null when it is unset.
bool use_color(ColorMode mode, bool is_terminal, const char* no_color);

bool is_terminal(std::FILE* stream);

// use_color for a real stream and the real environment.
bool use_color(ColorMode mode, std::FILE* stream);

// ANSI escapes for text output; all empty when colour is off.
struct Palette {
  const char* pass = "";
  const char* fail = "";
  const char* unknown = "";
  const char* bold = "";
  const char* dim = "";
  const char* reset = "";

  static Palette of(bool color);
};

}  // namespace dealgate::cli
