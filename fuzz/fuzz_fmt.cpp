// libFuzzer target: `dealgate fmt` changes layout, never meaning. When the bytes parse, the
// formatted text must parse again, format to itself, and compile to the same diagnostic codes
// and, when it compiles, to the same conditions (ids, kinds, messages) in the same order.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "grammar/formatter.hpp"
#include "grammar/parser.hpp"

namespace {

std::optional<std::string> format_text(const std::string& text) {
  dealgate::SourceSet sources;
  dealgate::FileId id = sources.add("fuzz.gate", text);
  dealgate::Diagnostics diagnostics;
  auto file = dealgate::parse_rule_file(sources, id, diagnostics);
  if (!file || diagnostics.has_errors()) return std::nullopt;
  return dealgate::format_rule_file(*file, sources.file(id));
}

std::vector<std::string> codes(const dealgate::Compilation& c) {
  std::vector<std::string> out;
  for (const dealgate::Diagnostic& d : c.diagnostics.items()) out.push_back(d.code);
  return out;
}

// A plan expression as text, without source positions.
void dump(const dealgate::Plan& plan, dealgate::ExprIndex i, std::string& out) {
  const dealgate::ExprNode& n = plan.nodes[i];
  out += "(" + std::to_string(static_cast<int>(n.op)) + ":" + std::to_string(static_cast<int>(n.type));
  out += " " + std::to_string(n.boolean) + " " + std::to_string(n.number) + " " + std::to_string(n.date);
  out += " '" + n.text + "' " + std::to_string(n.slot) + " " + std::to_string(n.depth) + " " +
         std::to_string(n.fact);
  for (dealgate::ExprIndex a : n.args) dump(plan, a, out);
  out += ")";
}

// What a plan says, independent of layout: the requires graph, and each condition's id, kind,
// expression and message.
std::vector<std::string> conditions(const dealgate::Compilation& c) {
  std::vector<std::string> out;
  if (!c.ok()) return out;
  const dealgate::Plan& plan = *c.plan;
  for (const dealgate::PlanBlock& b : plan.blocks) {
    std::string line = b.name + (b.is_gate ? " gate" : " milestone") + " requires";
    for (dealgate::BlockIndex r : b.requires_blocks) line += " " + plan.blocks[r].name;
    out.push_back(line);
  }
  for (const dealgate::PlanCondition& cond : plan.conditions) {
    std::string line = cond.id + (cond.is_warning ? " warn" : " require");
    dump(plan, cond.expr, line);
    for (const dealgate::MessagePiece& p : cond.message) {
      line += "|";
      if (p.expr == dealgate::kNone) {
        line += p.text;
      } else {
        dump(plan, p.expr, line);
      }
    }
    out.push_back(line);
  }
  return out;
}

[[noreturn]] void fail(const char* what, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "fuzz_fmt: %s\n--- first ---\n%s\n--- second ---\n%s\n", what, a.c_str(),
               b.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto once = format_text(text);
  if (!once) return 0;
  auto twice = format_text(*once);
  if (!twice) fail("the formatted text does not parse", text, *once);
  if (*twice != *once) fail("formatting is not idempotent", *once, *twice);
  dealgate::Compilation original = dealgate::compile({{"fuzz.gate", text}});
  dealgate::Compilation formatted = dealgate::compile({{"fuzz.gate", *once}});
  if (codes(original) != codes(formatted)) fail("the diagnostics differ", text, *once);
  if (conditions(original) != conditions(formatted)) fail("the plans differ", text, *once);
  return 0;
}
