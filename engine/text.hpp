// Text functions of the rule language that need more than bytes.
#pragma once

#include <string>
#include <string_view>

namespace dealgate {

// Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals: the scripts CRM
// names are written in. Other characters, and bytes that are not UTF-8, are kept as they are.
std::string utf8_lower(std::string_view text);

// The number of code points (not bytes) in UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace dealgate
