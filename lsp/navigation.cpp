#include "lsp/navigation.hpp"

#include "lsp/diagnostics.hpp"
#include "lsp/positions.hpp"

namespace dealgate::lsp {
namespace {

Json location(const CompiledRuleSet& rules, Span span, const DocumentStore& documents) {
  const SourceFile& file = rules.analysis.sources.file(span.file);
  return {{"uri", uri_for(file.path(), documents)}, {"range", range_json(file, span)}};
}

}  // namespace

Json definition(const CompiledRuleSet& rules, FileId file, std::uint32_t offset,
                const DocumentStore& documents) {
  const Occurrence* at = rules.index.at(file, offset);
  if (!at) return nullptr;
  const Occurrence* declaration = rules.index.declaration(at->kind, at->name);
  return declaration ? location(rules, declaration->span, documents) : Json(nullptr);
}

Json references(const CompiledRuleSet& rules, FileId file, std::uint32_t offset,
                bool include_declaration, const DocumentStore& documents) {
  Json out = Json::array();
  const Occurrence* at = rules.index.at(file, offset);
  if (!at) return out;
  for (const Occurrence* o : rules.index.occurrences(at->kind, at->name)) {
    if (include_declaration || !o->is_declaration())
      out.push_back(location(rules, o->span, documents));
  }
  return out;
}

}  // namespace dealgate::lsp
