#include "lsp/source_text.hpp"

#include <vector>

namespace dealgate::lsp {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// `# text` -> `text`.
std::string_view comment_body(std::string_view comment) {
  comment = trim(comment);
  if (!comment.empty() && comment.front() == '#') comment.remove_prefix(1);
  return trim(comment);
}

}  // namespace

std::string_view text_of(const SourceSet& sources, Span span) {
  const std::string& text = sources.file(span.file).text();
  if (span.begin > text.size()) return {};
  return std::string_view(text).substr(span.begin, span.end - span.begin);
}

std::string doc_comment(const ast::File& file, const SourceFile& source, Span span) {
  const std::uint32_t line = source.locate(span.begin).line;
  for (const ast::Comment& c : file.comments) {
    if (c.span.begin > span.begin && source.locate(c.span.begin).line == line) {
      return std::string(
          comment_body(source.text().substr(c.span.begin, c.span.end - c.span.begin)));
    }
  }
  std::vector<std::string_view> above;
  for (std::uint32_t n = line - 1; n >= 1; --n) {
    std::string_view text = trim(source.line(n));
    if (text.empty() || text.front() != '#') break;
    above.push_back(comment_body(text));
  }
  std::string out;
  for (auto it = above.rbegin(); it != above.rend(); ++it) {
    if (!out.empty()) out += '\n';
    out += *it;
  }
  return out;
}

std::string type_text(const ast::TypeExpr& type) {
  using Kind = ast::TypeExpr::Kind;
  if (type.kind == Kind::List) {
    return "list<" + (type.element ? type_text(*type.element) : "?") + ">";
  }
  if (type.kind == Kind::Record) {
    std::string out = "{ ";
    for (std::size_t i = 0; i < type.fields.size(); ++i) {
      if (i) out += ", ";
      out += type.fields[i].name.name + ": " +
             (type.fields[i].type ? type_text(*type.fields[i].type) : "?");
    }
    return out + (type.fields.empty() ? "}" : " }");
  }
  return ast::type_word(type.kind);
}

}  // namespace dealgate::lsp
