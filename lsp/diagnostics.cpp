#include "lsp/diagnostics.hpp"

#include "lsp/positions.hpp"
#include "lsp/uri.hpp"

namespace dealgate::lsp {
namespace {

constexpr int kSeverityError = 1;
constexpr int kSeverityWarning = 2;

Json location_json(Span span, const SourceSet& sources, const DocumentStore& documents) {
  const SourceFile& file = sources.file(span.file);
  return {{"uri", uri_for(file.path(), documents)}, {"range", range_json(file, span)}};
}

}  // namespace

std::string uri_for(const std::string& path, const DocumentStore& documents) {
  if (const Document* doc = documents.find_path(path)) return doc->uri;
  return uri_from_path(path);
}

Json diagnostic_json(const Diagnostic& d, const SourceSet& sources,
                     const DocumentStore& documents) {
  // The message and its help as `dealgate check` prints them, without the quoted source line
  // and caret: the editor underlines the range itself.
  std::string message = d.message;
  if (!d.help.empty()) message += "\nhelp: " + d.help;
  Json out = {{"range", range_json(sources.file(d.span.file), d.span)},
              {"severity", d.severity == Severity::Error ? kSeverityError : kSeverityWarning},
              {"code", d.code},
              {"source", "dealgate"},
              {"message", message}};
  if (!d.notes.empty()) {
    Json related = Json::array();
    for (const Note& note : d.notes) {
      related.push_back(
          {{"location", location_json(note.span, sources, documents)}, {"message", note.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

std::vector<Json> publish_diagnostics_params(const Analysis& analysis,
                                             const DocumentStore& documents) {
  std::vector<Json> per_file(analysis.sources.size());
  for (FileId f = 0; f < analysis.sources.size(); ++f) {
    const std::string& path = analysis.sources.file(f).path();
    per_file[f] = {{"uri", uri_for(path, documents)}, {"diagnostics", Json::array()}};
    if (const Document* doc = documents.find_path(path)) per_file[f]["version"] = doc->version;
  }
  for (const Diagnostic& d : analysis.diagnostics.items()) {
    per_file.at(d.span.file)["diagnostics"].push_back(
        diagnostic_json(d, analysis.sources, documents));
  }
  return per_file;
}

}  // namespace dealgate::lsp
