// Where the cursor stands, for completion: read from the text before it, which is usually not a
// whole rule file while someone types, so it is scanned token by token rather than parsed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dealgate::lsp {

struct CompletionContext {
  enum class What {
    Nothing,          // in a comment or a string, or where a new name is being declared
    Declaration,      // the start of a top-level declaration
    Statement,        // the start of a statement in a milestone or gate
    TestStatement,    // the start of a statement in a test
    WaiverStatement,  // the start of a clause of a waiver
    Type,             // a field's or param's type
    Blocks,           // milestones and gates: after `requires`, `because` or `waives`
    Gates,            // after `expect`
    Status,           // after `expect GATE`
    Phases,           // after `enters`, or `->` in `stages`
    Params,           // after `param` in a test
    Member,           // after `path.`: the fields of `path` (or a block's condition labels)
    Expression,       // in a condition or a const's value
  };
  What what = What::Nothing;
  std::vector<std::string> member_of;  // Member: the path's segments (`value`, `s`)
  // Quantifier variables in scope, outermost first, each with the list it ranges over as written
  // (`s` over `stakeholders`).
  std::vector<std::pair<std::string, std::string>> binders;
  std::string block;  // the milestone or gate around the cursor, which its `requires` cannot name
};

CompletionContext completion_context(std::string_view text, std::uint32_t offset);

}  // namespace dealgate::lsp
