// What text pasted from a word processor, a spreadsheet or a web page leaves in a rule file, named
// where a syntax error stops on it: curly quotes, non-breaking and invisible spaces, dashes,
// `AND`/`True` in the wrong case, `20%`, `$100,000`. Each gets its own message that names the
// character or word and the fix. It is consulted only when the parse has already failed, so it
// cannot reject a file that parses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dealgate {

struct PastedText {
  std::string message;
  std::string help;
  std::uint32_t begin = 0;  // what to underline, as byte offsets into the text
  std::uint32_t end = 0;
};

// `at` is the offset of the token where the parse stopped, [prev_begin, prev_end) the token before
// it (the parser knows where comments are). Nothing when the text there looks typed, not pasted.
std::optional<PastedText> recognize_pasted_text(std::string_view text, std::uint32_t at,
                                                std::uint32_t prev_begin, std::uint32_t prev_end);

// The same for a string that does not end on its line: the curly quote that was meant to close
// it, if the rest of the line holds one. `open` is the offset of the opening `"`.
std::optional<PastedText> recognize_curly_string_end(std::string_view text, std::uint32_t open);

// An operator or value word written in another case: `AND`, `Or`, `NOT`, `True`, `FALSE`, `Today`.
// The message and help for it (begin and end are left 0), for the parser and for the checker,
// which meets `True` as an unknown name.
std::optional<PastedText> keyword_in_other_case(std::string_view word);

}  // namespace dealgate
