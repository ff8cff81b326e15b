// The documents the editor has open, with their text as the editor has it (not as saved).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/source.hpp"

namespace dealgate::lsp {

struct Document {
  std::string uri;
  std::optional<std::string> path;  // for `file:` URIs
  std::int64_t version = 0;
  SourceFile source;  // named by the path (or, without one, the URI); the editor's text
};

class DocumentStore {
 public:
  void open(const std::string& uri, std::string text, std::int64_t version);
  // Replaces the text of an open document; RpcError(InvalidParams) if it is not open.
  void update(std::string_view uri, std::string text, std::int64_t version);
  void close(std::string_view uri);

  const Document* find(std::string_view uri) const;
  // find, or RpcError(InvalidParams): requests name documents the client opened.
  const Document& get(std::string_view uri) const;
  // The document whose source is named `path` (its file's path, or the URI of one without).
  const Document* find_path(std::string_view path) const;
  const std::map<std::string, Document, std::less<>>& all() const { return documents_; }

 private:
  std::map<std::string, Document, std::less<>> documents_;  // by URI
};

// `text` with `replacement` in place of the bytes [begin, end): an incremental change.
std::string splice(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   std::string_view replacement);

}  // namespace dealgate::lsp
