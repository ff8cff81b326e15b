// The one translation unit that includes PEGTL: joins the grammar, its actions and its error table,
// and turns a pegtl::parse_error into a Diagnostic.
#include "grammar/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <tao/pegtl.hpp>
#include <type_traits>

#include "base/suggest.hpp"
#include "grammar/actions.hpp"
#include "grammar/errors.hpp"
#include "grammar/grammar.hpp"
#include "grammar/pasted_text.hpp"

namespace dealgate {
namespace {

namespace pegtl = tao::pegtl;
using grammar::parse_state;

constexpr int kMaxDepth = 256;

// Rules that open one more level of expression (or type) nesting. The limit turns a stack overflow
// on `((((...` into a diagnostic.
template <typename Rule, typename... Rules>
inline constexpr bool is_one_of = (std::is_same_v<Rule, Rules> || ...);
template <typename Rule>
inline constexpr bool is_nesting =
    is_one_of<Rule, grammar::paren_inner, grammar::list_body, grammar::record_body,
              grammar::call_arguments, grammar::not_operand, grammar::negate_operand,
              grammar::interpolation_expr, grammar::list_element_type, grammar::record_type_body>;

// ---- Describing a syntax error ------------------------------------------------------------------

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_keyword(std::string_view word) {
  pegtl::memory_input<> in(word.data(), word.size(), "");
  return pegtl::parse<pegtl::seq<grammar::keyword, pegtl::eof>>(in);
}

// Past white space and comments, as `sep` would go.
std::uint32_t skip_forward(std::string_view text, std::uint32_t at) {
  while (at < text.size()) {
    if (is_space(text[at])) {
      ++at;
    } else if (text[at] == '#') {
      while (at < text.size() && text[at] != '\n') ++at;
    } else {
      break;
    }
  }
  return at;
}

// Back over white space and the comments the parse has seen, to the end of the previous token.
std::uint32_t skip_backward(const parse_state& s, std::uint32_t at) {
  for (;;) {
    while (at > 0 && is_space(s.source[at - 1])) --at;
    auto inside =
        std::find_if(s.out.comments.begin(), s.out.comments.end(),
                     [&](const ast::Comment& c) { return c.span.begin < at && at <= c.span.end; });
    if (at == 0 || inside == s.out.comments.end()) return at;
    at = inside->span.begin;
  }
}

constexpr std::string_view kTwoCharTokens[] = {"==", "!=", "<=", ">=", "??",
                                               "->", "{{", "}}", "&&", "||"};

// The token that starts at `at`: a word, a number, a two-character operator or one character.
std::uint32_t token_end(std::string_view text, std::uint32_t at) {
  if (at >= text.size()) return at;
  std::uint32_t end = at;
  if (is_word_char(text[at])) {
    while (end < text.size() &&
           (is_word_char(text[end]) || (text[end] == '.' && text[at] >= '0' && text[at] <= '9')))
      ++end;
    return end;
  }
  if (text[at] == '"') {  // a string, to its closing quote on the same line
    for (end = at + 1; end < text.size() && text[end] != '"' && text[end] != '\n'; ++end) {
      if (text[end] == '\\' && end + 1 < text.size() && text[end + 1] != '\n') ++end;
    }
    return end < text.size() && text[end] == '"' ? end + 1 : at + 1;
  }
  for (std::string_view two : kTwoCharTokens) {
    if (text.substr(at, 2) == two) return at + 2;
  }
  end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return end;
}

// The token that ends at `end`.
std::uint32_t token_begin(std::string_view text, std::uint32_t end) {
  if (end == 0) return 0;
  std::uint32_t begin = end;
  if (is_word_char(text[end - 1])) {
    while (begin > 0 && is_word_char(text[begin - 1])) --begin;
    return begin;
  }
  if (end >= 2) {
    for (std::string_view two : kTwoCharTokens) {
      if (text.substr(end - 2, 2) == two) return end - 2;
    }
  }
  begin = end - 1;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  return begin;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string fill(const char* pattern, const parse_state& s, std::string_view prev,
                 std::string_view token) {
  std::string text = pattern;
  if (text.find('{') == std::string::npos) return text;
  replace_all(text, "{prev}", fmt::format("`{}`", prev));
  replace_all(text, "{token}", token);
  replace_all(
      text, "{open}",
      s.opens.empty() ? std::string("the bracket") : fmt::format("`{}`", s.opens.back().text));
  replace_all(text, "{context}", s.context.empty() ? std::string("the declaration") : s.context);
  return text;
}

// `at` is where the failed must-point began (after white space, mostly).
grammar::syntax_error describe(const parse_state& s, std::uint32_t at,
                               const grammar::rule_error& e) {
  std::string_view text = s.source;
  grammar::syntax_error out;
  std::uint32_t begin = skip_forward(text, at);
  std::uint32_t end = token_end(text, begin);
  if (e.anchor == grammar::error_anchor_kind::string_start) {
    begin = s.string_begin;
    end = begin + 1;
  } else if (e.anchor == grammar::error_anchor_kind::message_start) {
    begin = s.message_begin;
    end = begin + 1;
  } else if (begin >= text.size()) {
    // At the end of the file: point just after the last token.
    begin = end = skip_backward(s, at);
  }
  out.span = {s.file, begin, end};
  std::string_view token = text.substr(begin, end - begin);
  std::uint32_t prev_end = skip_backward(s, at);
  std::uint32_t prev_begin = token_begin(text, prev_end);
  std::string_view prev = text.substr(prev_begin, prev_end - prev_begin);

  // Text pasted from a word processor is named for what it is, wherever the parse stopped on it.
  std::optional<PastedText> pasted = e.anchor == grammar::error_anchor_kind::token
                                         ? recognize_pasted_text(text, begin, prev_begin, prev_end)
                                         : recognize_curly_string_end(text, begin);
  if (pasted) {
    out.code = "pasted-text";
    out.message = std::move(pasted->message);
    out.help = std::move(pasted->help);
    out.span = {s.file, pasted->begin, pasted->end};
    return out;
  }

  bool token_is_word =
      !token.empty() && is_word_char(token[0]) && !(token[0] >= '0' && token[0] <= '9');
  if (e.names != nullptr && token_is_word && is_keyword(token)) {
    out.message = fmt::format("`{}` is a reserved word and cannot name {}", token, e.names);
  } else {
    out.message = fill(e.message, s, prev, token);
  }
  if (!e.suggestions.empty() && token_is_word) {
    std::vector<std::string> words;
    std::string_view rest = e.suggestions;
    while (!rest.empty()) {
      std::size_t space = rest.find(' ');
      words.emplace_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    out.help = did_you_mean(token, words);
  }
  if (out.help.empty() && e.help != nullptr) out.help = fill(e.help, s, prev, token);
  if (e.note != nullptr && !s.opens.empty() && s.opens.back().span.begin < begin) {
    out.notes.push_back({s.opens.back().span, fill(e.note, s, prev, token)});
  }
  return out;
}

// ---- The control: must_if's error table plus nesting depth and error positions -----------------

template <typename Rule>
struct control : pegtl::must_if<grammar::errors>::control<Rule> {
  static constexpr bool has_message = grammar::error_of<Rule>.message != nullptr;

  template <typename ParseInput>
  static void start(const ParseInput& in, parse_state& s) {
    if constexpr (is_nesting<Rule>) {
      if (++s.depth > kMaxDepth) {
        // Point at the bracket or operator that opened the level too many.
        std::uint32_t end = skip_backward(s, s.offset(in.current()));
        s.error = grammar::syntax_error{grammar::kTooDeep,
                                        grammar::kTooDeepHelp,
                                        {s.file, token_begin(s.source, end), end},
                                        {}};
        throw pegtl::parse_error(s.error->message, in);
      }
    }
    if constexpr (has_message) s.must_starts.push_back(s.offset(in.current()));
  }

  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, parse_state& s) {
    if constexpr (is_nesting<Rule>) --s.depth;
    if constexpr (has_message) s.must_starts.pop_back();
  }

  // A rule with a message is a must-point: its failure is the error (as in must_if).
  template <typename ParseInput>
  static void failure(const ParseInput& in, parse_state& s) {
    if constexpr (has_message) {
      raise(in, s);
    } else if constexpr (is_nesting<Rule>) {
      --s.depth;
    }
  }

  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, parse_state& s) {
    static_assert(has_message,
                  "every must-point needs an error_of<> message in grammar/errors.hpp");
    std::uint32_t at = s.must_starts.empty() ? s.offset(in.current()) : s.must_starts.back();
    s.error = describe(s, at, grammar::error_of<Rule>);
    throw pegtl::parse_error(s.error->message, in);
  }
};

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::uint32_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    std::size_t length;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, cp = c & 0x07;
    } else {
      return static_cast<std::uint32_t>(i);
    }
    for (std::size_t k = 1; k < length; ++k) {
      // A lead byte without its continuation bytes is the bad byte (Latin-1 `é` in "café").
      if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) {
        return static_cast<std::uint32_t>(i);
      }
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    bool overlong =
        (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return static_cast<std::uint32_t>(i);
    i += length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ast::File> parse_rule_file(const SourceSet& sources, FileId id,
                                         Diagnostics& diagnostics) {
  const SourceFile& file = sources.file(id);
  std::string_view text = file.text();
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    diagnostics.error("file-too-large", {id, 0, 0}, "the file is too large (4 GiB or more)");
    return std::nullopt;
  }
  if (auto bad = first_invalid_utf8(text)) {
    diagnostics.error("invalid-utf8", {id, *bad, *bad + 1},
                      fmt::format("the file is not valid UTF-8 (byte 0x{:02x})",
                                  static_cast<unsigned char>(text[*bad])),
                      "save the file as UTF-8");
    return std::nullopt;
  }

  parse_state state(id, text, diagnostics);
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(text.data(), text.size(),
                                                                          file.path());
  try {
    pegtl::parse<grammar::rule_file, grammar::action, control>(in, state);
  } catch (const pegtl::parse_error& e) {
    Diagnostic d;
    d.code = "syntax";
    if (state.error) {
      d.code = std::move(state.error->code);
      d.message = std::move(state.error->message);
      d.help = std::move(state.error->help);
      d.span = state.error->span;
      d.notes = std::move(state.error->notes);
    } else {
      auto at = static_cast<std::uint32_t>(e.positions().empty() ? 0 : e.positions().front().byte);
      d.message = std::string(e.message());
      d.span = {id, at, at};
    }
    diagnostics.add(std::move(d));
    return std::nullopt;
  }
  auto& comments = state.out.comments;
  std::sort(comments.begin(), comments.end(), [](const ast::Comment& a, const ast::Comment& b) {
    return a.span.begin < b.span.begin;
  });
  comments.erase(std::unique(comments.begin(), comments.end(),
                             [](const ast::Comment& a, const ast::Comment& b) {
                               return a.span.begin == b.span.begin;
                             }),
                 comments.end());
  return std::move(state.out);
}

}  // namespace dealgate
