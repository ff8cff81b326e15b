// The front end's single entry point: rule-file text in, an owned AST or diagnostics out.
#pragma once

#include <optional>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace dealgate {

// Parses one file of `sources`. A syntax error adds one diagnostic (what was expected, where) and
// returns nullopt. Problems that do not stop parsing (an impossible date, a bad escape) are added
// as diagnostics while the AST is still returned.
std::optional<ast::File> parse_rule_file(const SourceSet& sources, FileId file,
                                         Diagnostics& diagnostics);

}  // namespace dealgate
