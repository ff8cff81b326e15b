#include "lsp/workspace.hpp"

#include <filesystem>
#include <set>

namespace dealgate::lsp {
namespace fs = std::filesystem;

std::optional<FileId> CompiledRuleSet::file_of(std::string_view path) const {
  for (FileId f = 0; f < analysis.sources.size(); ++f) {
    if (analysis.sources.file(f).path() == path) return f;
  }
  return std::nullopt;
}

const ast::File* CompiledRuleSet::ast_of(FileId file) const {
  for (const ast::File& parsed : analysis.files) {
    if (parsed.file == file) return &parsed;
  }
  return nullptr;
}

std::string Workspace::rule_set_key(const Document& doc) {
  return doc.path ? fs::path(*doc.path).parent_path().string() : doc.uri;
}

std::vector<std::pair<std::string, std::string>> Workspace::rule_set_files(
    const Document& doc) const {
  const std::string key = rule_set_key(doc);
  std::map<std::string, std::string> files;  // sorted by path, as a folder is compiled
  for (const auto& [uri, open] : documents_.all()) {
    if (rule_set_key(open) == key) files[open.source.path()] = open.source.text();
  }
  if (read_folders_ && doc.path) {
    std::vector<std::string> saved;
    std::error_code ec;
    for (auto it = fs::directory_iterator(key, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      const std::string path = it->path().string();
      if (it->path().extension() == ".gate" && it->is_regular_file(ec) && !files.count(path)) {
        saved.push_back(path);
      }
    }
    // A file that cannot be read now (removed, no permission) is left out, as if it were not
    // there: the editor has nothing to show about it.
    for (auto& [path, text] : read_rule_inputs(saved).files)
      files.emplace(std::move(path), std::move(text));
  }
  return {files.begin(), files.end()};
}

std::shared_ptr<const CompiledRuleSet> Workspace::recompile(const Document& doc) {
  auto compiled = std::make_shared<const CompiledRuleSet>(analyze(rule_set_files(doc)));
  Entry& entry = rule_sets_[rule_set_key(doc)];
  entry.latest = compiled;
  if (compiled->analysis.checked) entry.parsed = compiled;
  return compiled;
}

std::shared_ptr<const CompiledRuleSet> Workspace::for_questions(const Document& doc) {
  auto it = rule_sets_.find(rule_set_key(doc));
  if (it == rule_sets_.end()) return recompile(doc);
  return it->second.parsed ? it->second.parsed : it->second.latest;
}

std::vector<std::shared_ptr<const CompiledRuleSet>> Workspace::forget_closed() {
  std::set<std::string> in_use;
  for (const auto& [uri, doc] : documents_.all()) in_use.insert(rule_set_key(doc));
  std::vector<std::shared_ptr<const CompiledRuleSet>> forgotten;
  for (auto it = rule_sets_.begin(); it != rule_sets_.end();) {
    if (in_use.count(it->first)) {
      ++it;
      continue;
    }
    forgotten.push_back(it->second.latest);
    it = rule_sets_.erase(it);
  }
  return forgotten;
}

}  // namespace dealgate::lsp
