// One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. The one
// CSV escaping of the program: eval --format csv, diff --format csv and history --format csv.
#pragma once

#include <string>
#include <string_view>

namespace dealgate::cli {

inline void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace dealgate::cli
