// A rule test's `given { ... }` record, turned into deal facts as if it had been read from JSON.
#pragma once

#include "engine/facts/facts.hpp"
#include "engine/schema/schema.hpp"
#include "grammar/ast.hpp"

namespace dealgate {

// `given` must have passed the checker (it fits the schema); anything that does not fit is left
// missing rather than trusted.
void facts_from_given(const Schema& schema, const ast::Expr& given, Facts& facts);

}  // namespace dealgate
