#include "grammar/pasted_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdlib>

#include "base/utf8.hpp"

namespace dealgate {
namespace {

enum class Kind { CurlyDouble, CurlySingle, Space, Invisible, Dash };

struct OddCharacter {
  char32_t code;
  Kind kind;
  const char* name;
};

// The characters that word processors, spreadsheets and web pages put where a person typed a
// quote, a space or a minus sign.
constexpr std::array<OddCharacter, 31> kOddCharacters{{
    {U'\u201C', Kind::CurlyDouble, "left double quotation mark"},
    {U'\u201D', Kind::CurlyDouble, "right double quotation mark"},
    {U'\u201E', Kind::CurlyDouble, "double low-9 quotation mark"},
    {U'\u201F', Kind::CurlyDouble, "double high-reversed-9 quotation mark"},
    {U'\u00AB', Kind::CurlyDouble, "left-pointing double angle quotation mark"},
    {U'\u00BB', Kind::CurlyDouble, "right-pointing double angle quotation mark"},
    {U'\u2018', Kind::CurlySingle, "left single quotation mark"},
    {U'\u2019', Kind::CurlySingle, "right single quotation mark"},
    {U'\u201A', Kind::CurlySingle, "single low-9 quotation mark"},
    {U'\u00A0', Kind::Space, "non-breaking space"},
    {U'\u202F', Kind::Space, "narrow non-breaking space"},
    {U'\u2002', Kind::Space, "en space"},
    {U'\u2003', Kind::Space, "em space"},
    {U'\u2004', Kind::Space, "three-per-em space"},
    {U'\u2005', Kind::Space, "four-per-em space"},
    {U'\u2006', Kind::Space, "six-per-em space"},
    {U'\u2007', Kind::Space, "figure space"},
    {U'\u2008', Kind::Space, "punctuation space"},
    {U'\u2009', Kind::Space, "thin space"},
    {U'\u200A', Kind::Space, "hair space"},
    {U'\u3000', Kind::Space, "ideographic space"},
    {U'\u200B', Kind::Invisible, "zero-width space"},
    {U'\u200C', Kind::Invisible, "zero-width non-joiner"},
    {U'\u200D', Kind::Invisible, "zero-width joiner"},
    {U'\u2060', Kind::Invisible, "word joiner"},
    {U'\uFEFF', Kind::Invisible, "byte order mark"},
    {U'\u00AD', Kind::Invisible, "soft hyphen"},
    {U'\u2013', Kind::Dash, "en dash"},
    {U'\u2014', Kind::Dash, "em dash"},
    {U'\u2212', Kind::Dash, "minus sign"},
    {U'\u2010', Kind::Dash, "hyphen"},
}};

const OddCharacter* odd_character(char32_t code) {
  for (const OddCharacter& c : kOddCharacters) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

constexpr const char* kQuoteHelp =
    "strings are written between straight double quotes, like `\"Design\"`; switch off smart "
    "quotes in the editor that wrote this";

PastedText describe_odd(const OddCharacter& c, std::string_view text, std::uint32_t at,
                        std::uint32_t length) {
  std::string shown(text.substr(at, length));
  PastedText out{{}, {}, at, at + length};
  switch (c.kind) {
    case Kind::CurlyDouble:
      out.message = fmt::format(
          "this is a curly quote `{}` from a word processor; write a straight quote `\"`", shown);
      out.help = kQuoteHelp;
      break;
    case Kind::CurlySingle:
      out.message = fmt::format(
          "this is a curly quote `{}` from a word processor; write a straight double quote `\"`",
          shown);
      out.help = kQuoteHelp;
      break;
    case Kind::Space:
      out.message = fmt::format(
          "this is a {} (U+{:04X}), which looks like a space but is not one; write a plain space",
          c.name, static_cast<std::uint32_t>(c.code));
      out.help = fmt::format(
          "it comes with text pasted from a web page or a word processor; replace every U+{:04X} "
          "in the file with a plain space",
          static_cast<std::uint32_t>(c.code));
      break;
    case Kind::Invisible:
      out.message =
          fmt::format("this is an invisible {} (U+{:04X}) pasted with the text; delete it", c.name,
                      static_cast<std::uint32_t>(c.code));
      out.help =
          "it takes no room on screen: delete the character under the caret, or retype the word";
      break;
    case Kind::Dash: {
      bool arrow = at + length < text.size() && text[at + length] == '>';
      const char* article = c.name[0] == 'e' ? "an" : "a";
      if (arrow) {
        out.end = at + length + 1;
        out.message = fmt::format(
            "this is {} {} `{}` from a word processor; write the arrow `->` with a plain `-`",
            article, c.name, shown);
      } else {
        out.message =
            fmt::format("this is {} {} `{}` from a word processor; write a plain minus sign `-`",
                        article, c.name, shown);
      }
      out.help = "word processors turn `-` into a dash as you type";
      break;
    }
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string without(std::string_view text, std::string_view drop) {
  std::string out;
  for (char c : text) {
    if (drop.find(c) == std::string_view::npos) out += c;
  }
  return out;
}

// `100000` as `100_000`: the integer part in groups of three.
std::string grouped(const std::string& plain) {
  std::size_t point = plain.find('.');
  std::string whole = plain.substr(0, point);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += '_';
    out += whole[i];
  }
  return point == std::string::npos ? out : out + plain.substr(point);
}

// The digits that end at `end` (`12.5`, `1_000`), as the start offset; `end` itself when there are
// none or they are the tail of a name (`x2`).
std::uint32_t number_start(std::string_view text, std::uint32_t end) {
  std::uint32_t begin = end;
  while (begin > 0 &&
         (is_digit(text[begin - 1]) || text[begin - 1] == '.' || text[begin - 1] == '_')) {
    --begin;
  }
  while (begin < end && !is_digit(text[begin])) ++begin;
  if (begin > 0 && is_word_char(text[begin - 1])) return end;
  return begin;
}

// `20%`: the `%` at `at` right after a number.
std::optional<PastedText> percent(std::string_view text, std::uint32_t at) {
  std::uint32_t begin = number_start(text, at);
  if (begin == at) return std::nullopt;
  std::string digits = without(text.substr(begin, at - begin), "_");
  double value = std::strtod(digits.c_str(), nullptr);
  std::string written(text.substr(begin, at - begin));
  return PastedText{
      fmt::format("`{}%` is not a number: write `{}` (a fraction) or `{}` (in percent)", written,
                  value / 100, written),
      "there is no `%` in the language; say in the label or the message which of the two it is",
      begin, at + 1};
}

// `100,000` or `$100,000`: from `begin`, digits and `,ddd` groups and a decimal part.
std::optional<PastedText> amount(std::string_view text, std::uint32_t sign_begin,
                                 std::uint32_t digits_begin) {
  std::uint32_t end = digits_begin;
  while (end < text.size() && is_digit(text[end])) ++end;
  if (end == digits_begin) return std::nullopt;
  bool commas = false;
  while (end + 3 < text.size() && text[end] == ',' && is_digit(text[end + 1]) &&
         is_digit(text[end + 2]) && is_digit(text[end + 3]) &&
         (end + 4 >= text.size() || !is_digit(text[end + 4]))) {
    end += 4;
    commas = true;
  }
  if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
    ++end;
    while (end < text.size() && is_digit(text[end])) ++end;
  }
  bool currency = sign_begin != digits_begin;
  if (!currency && !commas) return std::nullopt;
  std::string written(text.substr(sign_begin, end - sign_begin));
  std::string plain = without(text.substr(digits_begin, end - digits_begin), ",");
  std::string spaced = grouped(plain);
  std::string fix =
      spaced == plain ? fmt::format("`{}`", plain) : fmt::format("`{}` or `{}`", plain, spaced);
  return PastedText{
      fmt::format("`{}` is not a number{}: write {}", written, currency ? "" : " here", fix),
      currency ? "amounts are plain numbers, without a currency sign or thousands separators"
               : "numbers have no thousands separators; a `,` separates the elements of a list",
      sign_begin, end};
}

std::string lower_case(std::string_view word) {
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool is_operator_word(std::string_view lower) {
  return lower == "and" || lower == "or" || lower == "not" || lower == "in";
}

constexpr std::string_view kCurrencySigns[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"};

}  // namespace

std::optional<PastedText> keyword_in_other_case(std::string_view word) {
  std::string lower = lower_case(word);
  if (lower == word) return std::nullopt;
  if (is_operator_word(lower)) {
    return PastedText{fmt::format("`{}` is not an operator; did you mean `{}`?", word, lower),
                      "the words of the language are lower case: `and`, `or`, `not`, `in`", 0, 0};
  }
  if (lower == "true" || lower == "false" || lower == "today") {
    return PastedText{fmt::format("`{}` is not a value; did you mean `{}`?", word, lower),
                      "`true`, `false` and `today` are written in lower case", 0, 0};
  }
  return std::nullopt;
}

std::optional<PastedText> recognize_pasted_text(std::string_view text, std::uint32_t at,
                                                std::uint32_t prev_begin, std::uint32_t prev_end) {
  if (at < text.size()) {
    std::size_t length = 0;
    char32_t code = decode_utf8(text, at, length);
    if (const OddCharacter* c = odd_character(code)) {
      return describe_odd(*c, text, at, static_cast<std::uint32_t>(length));
    }
    if (text[at] == '%') return percent(text, at);
    for (std::string_view sign : kCurrencySigns) {
      if (text.substr(at, sign.size()) == sign) {
        if (auto a = amount(text, at, at + static_cast<std::uint32_t>(sign.size()))) return a;
      }
    }
    if (text[at] == ',') {
      std::uint32_t begin = number_start(text, at);
      if (begin < at &&
          text.substr(begin, at - begin).find_first_of("._") == std::string_view::npos) {
        if (auto a = amount(text, begin, begin)) return a;
      }
    }
    std::uint32_t word_end = at;
    while (word_end < text.size() && is_word_char(text[word_end])) ++word_end;
    if (auto k = keyword_in_other_case(text.substr(at, word_end - at))) {
      k->begin = at;
      k->end = word_end;
      return k;
    }
  }
  // `require NOT a` stops at `a`: the operator word before it, on the same line, is the mistake.
  std::string_view prev = text.substr(prev_begin, prev_end - prev_begin);
  bool same_line =
      prev_end <= at && text.substr(prev_end, at - prev_end).find('\n') == std::string_view::npos;
  if (same_line && is_operator_word(lower_case(prev))) {
    if (auto k = keyword_in_other_case(prev)) {
      k->begin = prev_begin;
      k->end = prev_end;
      return k;
    }
  }
  return std::nullopt;
}

std::optional<PastedText> recognize_curly_string_end(std::string_view text, std::uint32_t open) {
  // The last curly double quote on the line is the one meant to close the string.
  std::optional<PastedText> out;
  for (std::uint32_t i = open + 1; i < text.size() && text[i] != '\n' && text[i] != '\r';) {
    std::size_t length = 0;
    const OddCharacter* c = odd_character(decode_utf8(text, i, length));
    if (c && c->kind == Kind::CurlyDouble) {
      out = describe_odd(*c, text, i, static_cast<std::uint32_t>(length));
      out->message = fmt::format(
          "this string ends with a curly quote `{}` from a word processor; close it with a "
          "straight quote `\"`",
          text.substr(i, length));
    }
    i += static_cast<std::uint32_t>(length);
  }
  return out;
}

}  // namespace dealgate
