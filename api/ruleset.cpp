// RuleSet: compiling through the engine's compiler, diagnostics as plain values, introspection.
#include "api/core.hpp"

namespace dealgate::v1 {
namespace {

Diagnostic to_public(const core::Diagnostic& d, const SourceSet& sources) {
  Diagnostic out;
  out.severity = d.severity == core::Severity::Error ? Severity::Error : Severity::Warning;
  out.code = d.code;
  out.message = d.message;
  out.help = d.help;
  if (d.span.file < sources.size()) {
    const SourceFile& file = sources.file(d.span.file);
    const LineColumn at = file.locate(d.span.begin);
    out.file = file.path();
    out.line = at.line;
    out.column = at.column;
    out.rendered = render_text(d, sources);
    while (!out.rendered.empty() && out.rendered.back() == '\n') out.rendered.pop_back();
  }
  return out;
}

// A problem that has no place in a rule file, rendered the way the command line prints it.
Diagnostic without_location(std::string code, std::string message, std::string help) {
  Diagnostic out;
  out.code = std::move(code);
  out.message = std::move(message);
  out.help = std::move(help);
  out.rendered = "error: " + out.message;
  if (!out.help.empty()) out.rendered += "\n  = help: " + out.help;
  return out;
}

CompileResult compile_inputs(const std::vector<std::pair<std::string, std::string>>& files,
                             const CompileOptions& options) {
  CompileResult result;
  if (files.empty()) {
    result.diagnostics.push_back(without_location("no-rules", "no rule files were given",
                                                  "give `.gate` files, folders or rule texts"));
    return result;
  }
  core::CompileOptions engine_options;
  engine_options.strict = options.strict;
  const core::Compilation compilation = compile(files, engine_options);
  for (const core::Diagnostic& d : compilation.diagnostics.items()) {
    result.diagnostics.push_back(to_public(d, compilation.sources));
  }
  if (compilation.ok()) {
    result.rules =
        detail::Access::make(std::make_shared<const detail::RuleSetImpl>(compilation.plan));
  }
  return result;
}

const Plan& plan_of(const std::shared_ptr<const detail::RuleSetImpl>& impl) {
  return *impl->plan;
}

BlockInfo block_info(const Plan& plan, const PlanBlock& block) {
  BlockInfo info;
  info.name = block.name;
  info.label = block.label;
  if (block.enters_phase != kNone) info.enters = plan.phases[block.enters_phase];
  for (BlockIndex b : block.requires_blocks) info.dependencies.push_back(plan.blocks[b].name);
  for (ConditionIndex c : block.conditions) info.conditions.push_back(plan.conditions[c].id);
  return info;
}

}  // namespace

const char* version() {
  return DEALGATE_VERSION_STRING;
}

const char* to_string(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

RuleSet::RuleSet(std::shared_ptr<const detail::RuleSetImpl> impl) : impl_(std::move(impl)) {}

CompileResult RuleSet::compile_files(const std::vector<std::string>& paths,
                                     const CompileOptions& options) {
  const RuleInputs inputs = read_rule_inputs(paths);
  if (!inputs.io_errors.empty()) {
    CompileResult result;
    for (const std::string& problem : inputs.io_errors) {
      result.diagnostics.push_back(without_location(
          "unreadable-rules", problem, "RULES are .gate files, or folders that hold them"));
    }
    return result;
  }
  return compile_inputs(inputs.files, options);
}

CompileResult RuleSet::compile_source(std::string name, std::string text,
                                      const CompileOptions& options) {
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back(std::move(name), std::move(text));
  return compile_inputs(files, options);
}

CompileResult RuleSet::compile_sources(std::vector<RuleSource> sources,
                                       const CompileOptions& options) {
  std::vector<std::pair<std::string, std::string>> files;
  files.reserve(sources.size());
  for (RuleSource& s : sources) files.emplace_back(std::move(s.name), std::move(s.text));
  return compile_inputs(files, options);
}

const std::string& RuleSet::title() const {
  return plan_of(impl_).title;
}

std::vector<std::string> RuleSet::phases() const {
  return plan_of(impl_).phases;
}

std::vector<BlockInfo> RuleSet::gates() const {
  const Plan& plan = plan_of(impl_);
  std::vector<BlockInfo> out;
  for (BlockIndex g : plan.gates) out.push_back(block_info(plan, plan.blocks[g]));
  return out;
}

std::vector<BlockInfo> RuleSet::milestones() const {
  const Plan& plan = plan_of(impl_);
  std::vector<BlockInfo> out;
  for (const PlanBlock& b : plan.blocks) {
    if (!b.is_gate) out.push_back(block_info(plan, b));
  }
  return out;
}

std::vector<ParamInfo> RuleSet::params() const {
  const Plan& plan = plan_of(impl_);
  std::vector<ParamInfo> out;
  const Facts no_facts;
  for (const PlanParam& p : plan.params) {
    ParamInfo info;
    info.name = p.name;
    info.type = p.full_type ? type_name(*p.full_type, &plan.schema) : std::string();
    const Value value = evaluate_constant(plan, p.default_value);
    if (value.kind == Value::Kind::ExprList) {
      info.default_value = std::string(plan.source_of(plan.nodes[p.default_value].span));
    } else {
      info.default_value = render_value(plan, no_facts, value);
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<FactInfo> RuleSet::facts() const {
  const Schema& schema = plan_of(impl_).schema;
  std::vector<FactInfo> out;
  for (const SchemaNode& n : schema.nodes()) {
    if (n.name.empty()) continue;  // list elements are reached through their fields
    out.push_back({n.path, value_type_word(n.type)});
  }
  return out;
}

std::vector<std::string> RuleSet::files() const {
  return plan_of(impl_).source_paths;
}

std::size_t CompileResult::error_count() const {
  std::size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == Severity::Error;
  return n;
}

std::size_t CompileResult::warning_count() const {
  return diagnostics.size() - error_count();
}

std::string CompileResult::rendered() const {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.rendered;
    out += '\n';
  }
  return out;
}

}  // namespace dealgate::v1
