// `dealgate fmt`: the canonical layout of a rule file. It works on the AST and the file's comments,
// so formatting cannot change what the rules mean, and formatting a formatted file changes nothing.
#pragma once

#include <cstddef>
#include <string>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace dealgate {

struct FormatOptions {
  std::size_t width = 100;  // lines longer than this are wrapped where the language allows
};

// `file` must be the parse of `source`. Every comment is kept: on its own line before the
// declaration, field or statement it precedes (or sits inside), or after it on the same line.
std::string format_rule_file(const ast::File& file, const SourceFile& source, const FormatOptions& options = {});

}  // namespace dealgate
