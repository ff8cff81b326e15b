#include "lsp/completion_context.hpp"

#include <algorithm>
#include <array>

namespace dealgate::lsp {
namespace {

using What = CompletionContext::What;

struct Token {
  std::string text;
  std::uint32_t line = 0;
  bool is_word = false;
};

enum class Scope { TopLevel, Facts, Block, Test, Given, Stages, Waiver, Other };

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// After these a line break does not end the expression: the next line goes on with it.
bool continues_expression(const Token& t) {
  static constexpr std::array<std::string_view, 21> kOperators{
      "and", "or", "not", "in", "+", "-", "*", "/", "==", "!=",  "<",
      "<=",  ">",  ">=",  "??", "(", "[", ",", ":", "=",  "else"};
  return std::find(kOperators.begin(), kOperators.end(), t.text) != kOperators.end();
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  // Tokens of the whole text; false when it ends inside a comment or a string's text.
  bool scan() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '\n') {
        ++line_;
        ++i;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '#') {
        while (i < text_.size() && text_[i] != '\n') ++i;
        if (i == text_.size()) return false;
      } else if (c == '"') {
        if (!string(i)) return false;
      } else if (c == '}' && !interpolations_.empty() && interpolations_.back() == braces_.size()) {
        // The end of a `{expr}` in a message: the string goes on.
        interpolations_.pop_back();
        ++i;
        if (!string_text(i)) return false;
      } else if (is_word_char(c) || c == '@') {
        std::size_t start = i++;
        // Numbers keep their `.` and `_`, dates their `-`, so neither looks like a path.
        const bool number = !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_';
        while (i < text_.size() &&
               (is_word_char(text_[i]) || (number && (text_[i] == '.' || text_[i] == '-'))))
          ++i;
        word(text_.substr(start, i - start), !number);
      } else {
        std::size_t length = 1;
        if (i + 1 < text_.size()) {
          std::string_view two = text_.substr(i, 2);
          if (two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "->" ||
              two == "??")
            length = 2;
        }
        punct(text_.substr(i, length));
        i += length;
      }
    }
    return true;
  }

  std::vector<Token> tokens;
  std::vector<std::pair<std::string, std::string>> binders;
  std::vector<Scope> braces_;
  std::string block;

 private:
  // From the opening quote; false when the text ends inside the string's text.
  bool string(std::size_t& i) {
    ++i;
    return string_text(i);
  }

  bool string_text(std::size_t& i) {
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        ++i;
        tokens.push_back({"\"\"", line_, false});
        return true;
      } else if (c == '{' && i + 1 < text_.size() && text_[i + 1] == '{') {
        i += 2;
      } else if (c == '{') {
        interpolations_.push_back(braces_.size());
        ++i;
        return true;  // code again, until the matching `}`
      } else if (c == '\n') {
        return true;  // a string does not span lines: the parser will say so; go on with code
      } else {
        ++i;
      }
    }
    return false;
  }

  void word(std::string_view text, bool is_word) {
    tokens.push_back({std::string(text), line_, is_word});
    if (text == "facts") pending_ = Scope::Facts;
    if (text == "milestone" || text == "gate") pending_ = Scope::Block;
    if (text == "test") pending_ = Scope::Test;
    if (text == "given") pending_ = Scope::Given;
    if (text == "stages") pending_ = Scope::Stages;
    if (text == "waiver") pending_ = Scope::Waiver;
    if (tokens.size() >= 2 && pending_ == Scope::Block) {
      const std::string& before = tokens[tokens.size() - 2].text;
      if (before == "milestone" || before == "gate") pending_name_ = std::string(text);
    }
  }

  void punct(std::string_view text) {
    tokens.push_back({std::string(text), line_, false});
    if (text == "{") {
      const Scope top = braces_.empty() ? Scope::TopLevel : braces_.back();
      const Scope inner = top == Scope::Facts || top == Scope::Given ? top : pending_;
      braces_.push_back(inner);
      if (inner == Scope::Block) block = pending_name_;
      pending_ = Scope::Other;
    } else if (text == "}" && !braces_.empty()) {
      if (braces_.back() == Scope::Block) block.clear();
      braces_.pop_back();
      binders.clear();
    } else if (text == "(") {
      ++parens_;
    } else if (text == ")") {
      if (parens_ > 0) --parens_;
      while (!binder_depths_.empty() && binder_depths_.back() > parens_) {
        binder_depths_.pop_back();
        binders.pop_back();
      }
    } else if (text == ":") {
      binder();
    }
  }

  // `( x in a.b :` just ended: `x` ranges over `a.b` until its parenthesis closes.
  void binder() {
    std::size_t end = tokens.size() - 1;  // the `:`
    std::size_t i = end;
    std::string path;
    while (i >= 1 && tokens[i - 1].is_word) {
      path = tokens[i - 1].text + (path.empty() ? "" : "." + path);
      if (i >= 2 && tokens[i - 2].text == ".") {
        i -= 2;
      } else {
        --i;
        break;
      }
    }
    if (path.empty() || i < 3 || tokens[i - 1].text != "in" || !tokens[i - 2].is_word ||
        tokens[i - 3].text != "(") {
      return;
    }
    binders.emplace_back(tokens[i - 2].text, path);
    binder_depths_.push_back(parens_);
  }

  std::string_view text_;
  std::uint32_t line_ = 0;
  Scope pending_ = Scope::Other;
  std::string pending_name_;
  std::vector<std::size_t> interpolations_;  // the brace depth at each open `{expr}`
  std::size_t parens_ = 0;
  std::vector<std::size_t> binder_depths_;
};

}  // namespace

CompletionContext completion_context(std::string_view text, std::uint32_t offset) {
  text = text.substr(0, std::min<std::size_t>(offset, text.size()));
  // The word being typed is not a token yet: the client filters the items by it.
  while (!text.empty() && is_word_char(text.back())) text.remove_suffix(1);
  CompletionContext out;
  Scanner scanner(text);
  if (!scanner.scan()) return out;
  const std::vector<Token>& tokens = scanner.tokens;
  out.binders = scanner.binders;
  out.block = scanner.block;
  const Scope scope = scanner.braces_.empty() ? Scope::TopLevel : scanner.braces_.back();
  const bool after_dot = !text.empty() && text.back() == '.';
  if (after_dot && !tokens.empty() && tokens.back().text[0] >= '0' &&
      tokens.back().text[0] <= '9') {
    return out;  // `12.`: a number's decimals
  }

  // `a.b.` : the fields of a.b.
  if (after_dot && tokens.size() >= 2 && tokens.back().text == ".") {
    std::size_t i = tokens.size() - 1;
    while (i >= 1 && tokens[i - 1].is_word) {
      out.member_of.insert(out.member_of.begin(), tokens[i - 1].text);
      if (i >= 2 && tokens[i - 2].text == ".") {
        i -= 2;
      } else {
        break;
      }
    }
    out.what = out.member_of.empty() ? What::Nothing : What::Member;
    return out;
  }

  const std::uint32_t line = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
  std::vector<std::string_view> on_line;
  for (const Token& t : tokens) {
    if (t.line == line) on_line.push_back(t.text);
  }
  const std::string_view first = on_line.empty() ? "" : on_line.front();
  const std::string_view last = tokens.empty() ? "" : std::string_view(tokens.back().text);
  auto on_line_has = [&](std::string_view word) {
    return std::find(on_line.begin(), on_line.end(), word) != on_line.end();
  };

  if (last == "enters" || (scope == Scope::Stages && last == "->")) {
    out.what = What::Phases;
  } else if ((scope == Scope::Block && first == "requires") ||
             (scope == Scope::Waiver && first == "waives")) {
    out.what = What::Blocks;
  } else if (scope == Scope::Test && first == "expect") {
    out.what = on_line_has("because") ? What::Blocks
               : on_line.size() == 1  ? What::Gates
               : on_line.size() == 2  ? What::Status
                                      : What::Nothing;
  } else if (scope == Scope::Facts ||
             (scope == Scope::TopLevel && first == "param" && !on_line_has("="))) {
    out.what = last == ":" || last == "<" ? What::Type : What::Nothing;
  } else if (scope == Scope::Test && first == "param" && on_line.size() == 1) {
    out.what = What::Params;
  } else if (on_line.empty() && (tokens.empty() || !continues_expression(tokens.back()))) {
    out.what = scope == Scope::TopLevel ? What::Declaration
               : scope == Scope::Block  ? What::Statement
               : scope == Scope::Test   ? What::TestStatement
               : scope == Scope::Waiver ? What::WaiverStatement
                                        : What::Nothing;
  } else if (scope == Scope::Block || (scope == Scope::Waiver && first == "when") ||
             on_line_has("=")) {
    out.what = What::Expression;
  }
  return out;
}

}  // namespace dealgate::lsp
