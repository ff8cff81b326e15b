// A file's bytes as text, for tests that read rule files, golden output or deals from the tree.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dealgate::testing {

// An unreadable file reads as empty: the comparison that uses it then fails and names it.
inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace dealgate::testing
