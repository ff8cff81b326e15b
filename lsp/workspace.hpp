// The rule sets behind the open documents. A document is compiled with the other .gate files of
// its folder (open ones as the editor has them, the rest as saved), as `dealgate check FOLDER`
// compiles them, so names declared in one file are known in the others.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "lsp/documents.hpp"
#include "lsp/symbol_index.hpp"

namespace dealgate::lsp {

struct CompiledRuleSet {
  explicit CompiledRuleSet(Analysis compiled) : analysis(std::move(compiled)), index(analysis) {}

  Analysis analysis;
  SymbolIndex index;

  std::optional<FileId> file_of(std::string_view path) const;
  const ast::File* ast_of(FileId file) const;  // null when the file did not parse
};

class Workspace {
 public:
  // Without `read_folders`, a rule set is its open documents alone (the fuzz target's choice:
  // nothing it sends can make the server read the disk).
  Workspace(const DocumentStore& documents, bool read_folders)
      : documents_(documents), read_folders_(read_folders) {}

  // Compiles the rule set of `doc` again, after one of its files changed.
  std::shared_ptr<const CompiledRuleSet> recompile(const Document& doc);
  // What answers questions about names, types and places in `doc`: its rule set's latest
  // compilation in which every file parsed, else the latest one.
  std::shared_ptr<const CompiledRuleSet> for_questions(const Document& doc);
  // Forgets the rule sets that no open document belongs to; returns their last compilations.
  std::vector<std::shared_ptr<const CompiledRuleSet>> forget_closed();

  // The rule set a document belongs to: its folder, or the URI of a document without a path.
  static std::string rule_set_key(const Document& doc);
  // The files of that rule set, sorted by path, as compile() takes them.
  std::vector<std::pair<std::string, std::string>> rule_set_files(const Document& doc) const;

 private:
  struct Entry {
    std::shared_ptr<const CompiledRuleSet> latest;
    std::shared_ptr<const CompiledRuleSet> parsed;  // the latest where every file parsed
  };

  const DocumentStore& documents_;
  bool read_folders_;
  std::map<std::string, Entry> rule_sets_;
};

}  // namespace dealgate::lsp
