#include "lsp/documents.hpp"

#include "lsp/json_rpc.hpp"
#include "lsp/uri.hpp"

namespace dealgate::lsp {
namespace {

RpcError not_open(std::string_view uri) {
  return {rpc_error::kInvalidParams, "the document `" + std::string(uri) + "` is not open"};
}

}  // namespace

void DocumentStore::open(const std::string& uri, std::string text, std::int64_t version) {
  std::optional<std::string> path = path_from_uri(uri);
  SourceFile source(path.value_or(uri), std::move(text));
  documents_.insert_or_assign(uri, Document{uri, std::move(path), version, std::move(source)});
}

void DocumentStore::update(std::string_view uri, std::string text, std::int64_t version) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw not_open(uri);
  it->second.version = version;
  it->second.source = SourceFile(it->second.source.path(), std::move(text));
}

void DocumentStore::close(std::string_view uri) {
  if (auto it = documents_.find(uri); it != documents_.end()) documents_.erase(it);
}

const Document* DocumentStore::find(std::string_view uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

const Document& DocumentStore::get(std::string_view uri) const {
  if (const Document* doc = find(uri)) return *doc;
  throw not_open(uri);
}

const Document* DocumentStore::find_path(std::string_view path) const {
  for (const auto& [uri, doc] : documents_) {
    if (doc.source.path() == path) return &doc;
  }
  return nullptr;
}

std::string splice(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   std::string_view replacement) {
  if (end < begin) std::swap(begin, end);
  std::string out(text.substr(0, begin));
  out += replacement;
  out += text.substr(end);
  return out;
}

}  // namespace dealgate::lsp
