// "1 gate", "2 gates", "0 errors".
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace dealgate::cli {

inline std::string count_of(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace dealgate::cli
