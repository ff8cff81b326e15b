#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>

namespace dealgate::cli {

bool use_color(ColorMode mode, bool is_terminal, const char* no_color) {
  switch (mode) {
    case ColorMode::Always:
      return true;
    case ColorMode::Never:
      return false;
    case ColorMode::Auto:
      break;
  }
  return is_terminal && (no_color == nullptr || *no_color == '\0');
}

bool is_terminal(std::FILE* stream) {
  return ::isatty(::fileno(stream)) == 1;
}

bool use_color(ColorMode mode, std::FILE* stream) {
  return use_color(mode, is_terminal(stream), std::getenv("NO_COLOR"));
}

Palette Palette::of(bool color) {
  if (!color) return {};
  return {"\033[32m", "\033[1;31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"};
}

}  // namespace dealgate::cli
