#include "lsp/hover.hpp"

#include <fmt/format.h>

#include "lsp/positions.hpp"
#include "lsp/source_text.hpp"

namespace dealgate::lsp {
namespace {

std::string code(std::string_view text) {
  return fmt::format("```dealgate\n{}\n```", text);
}

class Describer {
 public:
  Describer(const CompiledRuleSet& rules, const Occurrence& declaration)
      : rules_(rules), declaration_(declaration) {}

  std::string operator()(std::monostate) const { return {}; }

  std::string operator()(const ast::FieldDecl* field) const {
    return with_comment(code(fmt::format("{}: {}", declaration_.name, type_text(*field->type))) +
                            "\n\nA fact of the deal record.",
                        field->name.span);
  }

  std::string operator()(const ast::Block* block) const {
    const bool gate = block->kind == ast::Block::Kind::Gate;
    std::string out = fmt::format("**{}** `{}`", gate ? "gate" : "milestone", block->name.name);
    if (block->label) out += fmt::format(": {}", *block->label);
    if (block->enters) out += fmt::format("\n\nEnters the phase `{}`.", block->enters->name);
    std::string body;
    for (const ast::RequiresStmt& r : block->requires_stmts)
      body += std::string(source(r.span)) + "\n";
    for (const ast::Condition& c : block->conditions) body += std::string(source(c.span)) + "\n";
    if (!body.empty()) {
      body.pop_back();
      out += "\n\n" + code(body);
    }
    return with_comment(out, block->span);
  }

  std::string operator()(const ast::Condition* condition) const {
    return fmt::format("condition `{}`\n\n{}", declaration_.name, code(source(condition->span)));
  }

  std::string operator()(const ast::ConstDecl* decl) const {
    std::string out = code(source(decl->span));
    if (const CheckedRuleSet* checked = checked_rules()) {
      for (const ConstInfo& c : checked->consts) {
        if (c.decl == decl && c.type)
          out += "\n\nType: `" + type_name(*c.type, &checked->schema) + "`";
      }
    }
    return with_comment(out, decl->span);
  }

  std::string operator()(const ast::ParamDecl* decl) const {
    return with_comment(code(source(decl->span)) +
                            fmt::format("\n\nA param: each run may set it with `--param {}=VALUE`.",
                                        decl->name.name),
                        decl->span);
  }

  std::string operator()(const ast::PhasesDecl* decl) const {
    std::size_t position = 0;
    while (position < decl->phases.size() && decl->phases[position].name != declaration_.name)
      ++position;
    return fmt::format("phase `{}`, {} of {}\n\n{}", declaration_.name, position + 1,
                       decl->phases.size(), code(source(decl->span)));
  }

 private:
  std::string_view source(Span span) const { return text_of(rules_.analysis.sources, span); }
  const CheckedRuleSet* checked_rules() const {
    return rules_.analysis.checked ? &*rules_.analysis.checked : nullptr;
  }
  std::string with_comment(std::string text, Span span) const {
    const ast::File* file = rules_.ast_of(span.file);
    std::string comment =
        file ? doc_comment(*file, rules_.analysis.sources.file(span.file), span) : std::string();
    return comment.empty() ? text : text + "\n\n" + comment;
  }

  const CompiledRuleSet& rules_;
  const Occurrence& declaration_;
};

}  // namespace

Json hover(const CompiledRuleSet& rules, FileId file, std::uint32_t offset) {
  const Occurrence* at = rules.index.at(file, offset);
  if (!at) return nullptr;
  const Occurrence* declaration =
      at->is_declaration() ? at : rules.index.declaration(at->kind, at->name);
  std::string text = declaration ? std::visit(Describer(rules, *declaration), declaration->declared)
                                 : fmt::format("`{}` is not declared", at->name);
  return {{"contents", {{"kind", "markdown"}, {"value", text}}},
          {"range", range_json(rules.analysis.sources.file(file), at->span)}};
}

}  // namespace dealgate::lsp
