// Text functions of the rule language that need more than bytes.
#pragma once

#include <string>
#include <string_view>

namespace dealgate {

// Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals: the scripts CRM
// names are written in. Other characters, and bytes that are not UTF-8, are kept as they are.
std::string utf8_lower(std::string_view text);

// Whether `part` occurs in `text`, in time linear in their lengths whatever the bytes: deal facts
// may hold megabytes of repeated characters, and a plain search compares up to |part| bytes at
// each of |text| places.
bool text_contains(std::string_view text, std::string_view part);

// The number of code points (not bytes) in UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace dealgate
