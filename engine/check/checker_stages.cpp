// The `stages` declaration: the stage (and owner) fact must be a declared string, every phase it
// names must be declared, and no CRM stage may be mapped twice.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/suggest.hpp"
#include "engine/check/checker_internal.hpp"

namespace dealgate::checking {

NodeIndex Checker::stage_audit_fact(const std::vector<ast::Ident>& path, const Span& span,
                                    const char* role) {
  std::string dotted;
  for (const ast::Ident& segment : path) dotted += (dotted.empty() ? "" : ".") + segment.name;
  const Schema& schema = out_.schema;
  NodeIndex node = schema.find_path(dotted);
  if (node == kNoNode) {
    std::vector<std::string> strings;
    for (const SchemaNode& n : schema.nodes()) {
      if (n.type == ValueType::String && n.path.find('[') == std::string::npos)
        strings.push_back(n.path);
    }
    std::string help = did_you_mean(dotted, strings);
    if (help.empty()) help = fmt::format("declare it in `facts {{ {}: string }}`", dotted);
    diag_.error("unknown-fact", span, fmt::format("`{}` is not a declared fact", dotted), help);
    return kNoNode;
  }
  if (schema.node(node).type != ValueType::String) {
    Diagnostic d{
        Severity::Error,
        "stage-fact-type",
        fmt::format("the {} fact `{}` must be a string, but it is declared as {}", role, dotted,
                    type_name(*type_from_kind(schema.node(node).type), &schema)),
        span,
        std::string(role) == "stage"
            ? "the audit compares the CRM's text, like \"Proposal\", with the stages listed here"
        : std::string(role) == "currency"
            ? "amounts are totalled per currency code, a text like \"EUR\""
            : "the audit counts deals per owner's name, a text",
        {{schema.node(node).span, "declared here"}}};
    if (schema.node(node).type == ValueType::List || schema.node(node).type == ValueType::Record) {
      d.message = fmt::format("the {} fact `{}` must be a string, not a {}", role, dotted,
                              value_type_word(schema.node(node).type));
    }
    diag_.add(std::move(d));
    return kNoNode;
  }
  fact_used_[node] = true;
  return node;
}

void Checker::check_stages() {
  if (!out_.stages) return;
  StagesInfo& info = *out_.stages;
  const ast::StagesDecl& decl = *info.decl;
  info.stage_fact = stage_audit_fact(decl.fact, decl.fact_span, "stage");
  if (!decl.owner.empty()) info.owner_fact = stage_audit_fact(decl.owner, decl.owner_span, "owner");

  std::map<std::string, Span> seen;
  for (const ast::StageMapping& m : decl.mappings) {
    std::uint32_t phase = kNone;
    if (!m.is_none) {
      auto at = std::find(out_.phases.begin(), out_.phases.end(), m.phase.name);
      if (out_.phases.empty()) {
        diag_.error("unknown-phase", m.phase.span,
                    fmt::format("stage mapped to phase `{}`, but the rule set declares no phases",
                                m.phase.name),
                    "declare them: `phases Discover -> Diagnose -> Design -> Deliver`");
      } else if (at == out_.phases.end()) {
        std::vector<std::string> candidates = out_.phases;
        candidates.push_back("none");
        std::string help = did_you_mean(m.phase.name, candidates);
        if (help.empty())
          help =
              "map to a phase of the `phases` line, or to `none` to leave these stages out of the "
              "audit";
        diag_.error("unknown-phase", m.phase.span,
                    fmt::format("`{}` is not a declared phase", m.phase.name), help);
      } else {
        phase = static_cast<std::uint32_t>(at - out_.phases.begin());
      }
    }
    for (const ast::StageMapping::Value& v : m.values) {
      auto [it, inserted] = seen.emplace(v.text, v.span);
      if (!inserted) {
        Diagnostic d{Severity::Error,
                     "duplicate-stage",
                     fmt::format("stage \"{}\" is mapped twice", v.text),
                     v.span,
                     "a CRM stage belongs to one phase; remove one of them",
                     {{it->second, "first mapped here"}}};
        diag_.add(std::move(d));
        continue;
      }
      info.mapping.emplace_back(v.text, phase);
    }
  }
  if (decl.mappings.empty()) {
    diag_.warning("empty-stages", decl.span,
                  "the stage mapping lists no stages, so every deal's stage is unmapped",
                  "map each CRM stage to a phase: `\"Proposal\", \"Negotiation\" -> Deliver`");
  }
}

}  // namespace dealgate::checking
