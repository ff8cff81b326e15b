// The ANSI escapes the program colours terminal text with, named for how they look, so that a
// diagnostic, a gate's status and a message use the same red, and none writes an escape by hand.
#pragma once

#include "base/enum_words.hpp"

namespace dealgate::ansi {

enum class Look {
  Reset,
  Bold,
  Dim,
  Green,
  Yellow,
  BoldRed,
  BoldGreen,
  BoldYellow,
  BoldMagenta,
  BoldCyan
};

constexpr const char* escape(Look look) {
  constexpr const char* kEscapes[] = {"\033[0m",    "\033[1m",    "\033[2m",    "\033[32m",
                                      "\033[33m",   "\033[1;31m", "\033[1;32m", "\033[1;33m",
                                      "\033[1;35m", "\033[1;36m"};
  return enum_word<Look::Reset, Look::BoldCyan>(look, kEscapes, "");
}

// The escape where the text is coloured, else nothing.
constexpr const char* when(bool color, Look look) {
  return color ? escape(look) : "";
}

}  // namespace dealgate::ansi
