#include "lsp/formatting.hpp"

#include <fmt/format.h>

#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"
#include "lsp/positions.hpp"

namespace dealgate::lsp {

Json format_document(const SourceFile& source) {
  SourceSet sources;
  const FileId id = sources.add(source.path(), source.text());
  Diagnostics diagnostics;
  std::optional<ast::File> file = parse_rule_file(sources, id, diagnostics);
  if (!file || diagnostics.has_errors()) {
    diagnostics.sort();
    std::string where = "the file does not parse";
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.severity != Severity::Error) continue;
      where = fmt::format("line {}: {}", position_at(sources.file(id), d.span.begin).line + 1,
                          d.message);
      break;
    }
    throw RpcError(rpc_error::kRequestFailed, "not formatted: " + where);
  }
  std::string formatted = format_rule_file(*file, sources.file(id));
  Json edits = Json::array();
  if (formatted != source.text()) {
    const Span whole{id, 0, static_cast<std::uint32_t>(source.text().size())};
    edits.push_back({{"range", range_json(source, whole)}, {"newText", std::move(formatted)}});
  }
  return edits;
}

}  // namespace dealgate::lsp
