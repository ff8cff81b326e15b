// What features quote from rule files: the text of a span, a declaration's comment, a type as
// it is written.
#pragma once

#include <string>
#include <string_view>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace dealgate::lsp {

std::string_view text_of(const SourceSet& sources, Span span);

// The comment that documents a declaration starting at `span`: the one after it on its first
// line, else the comment lines right above it. Without the `#`s; empty when there is none.
std::string doc_comment(const ast::File& file, const SourceFile& source, Span span);

// `list<{ name: string, engaged: bool }>`, as a facts block writes it.
std::string type_text(const ast::TypeExpr& type);

}  // namespace dealgate::lsp
