#include "engine/compile/compiler.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/check/checker.hpp"
#include "engine/compile/planner.hpp"
#include "grammar/parser.hpp"

namespace dealgate {
namespace fs = std::filesystem;

namespace {

bool read_file(const fs::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return !in.bad();
}

}  // namespace

RuleInputs read_rule_inputs(const std::vector<std::string>& paths) {
  RuleInputs inputs;
  for (const std::string& given : paths) {
    std::error_code ec;
    fs::path path(given);
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".gate") found.push_back(it->path());
      }
      if (ec) {
        inputs.io_errors.push_back(given + ": cannot read the folder: " + ec.message());
        continue;
      }
      if (found.empty()) {
        inputs.io_errors.push_back(given + ": the folder holds no .gate files");
        continue;
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& file : found) {
        std::string text;
        if (!read_file(file, text)) {
          inputs.io_errors.push_back(file.string() + ": cannot read the file");
          continue;
        }
        inputs.files.emplace_back(file.string(), std::move(text));
      }
    } else if (fs::exists(path, ec)) {
      std::string text;
      if (!read_file(path, text)) {
        inputs.io_errors.push_back(given + ": cannot read the file");
        continue;
      }
      inputs.files.emplace_back(given, std::move(text));
    } else {
      inputs.io_errors.push_back(given + ": no such file or folder");
    }
  }
  return inputs;
}

namespace {

void report_expired_waivers(const CheckedRuleSet& checked, DayNumber today,
                            Diagnostics& diagnostics) {
  for (const WaiverInfo& w : checked.waivers) {
    const ast::Expr* until = w.decl->until.get();
    if (!until || days_from_civil(until->year, until->month, until->day) >= today) continue;
    diagnostics.error(
        "waiver-expired", until->span,
        fmt::format("waiver `{}` expired: its last day was {}, before {}", w.decl->name.name,
                    until->text, format_date(today)),
        "renew it by moving `until`, or remove it; an expired waiver no longer applies");
  }
}

}  // namespace

Analysis analyze(const std::vector<std::pair<std::string, std::string>>& files) {
  Analysis out;
  bool syntax_ok = true;
  for (const auto& [path, text] : files) {
    FileId id = out.sources.add(path, text);
    auto parsed = parse_rule_file(out.sources, id, out.diagnostics);
    if (!parsed) {
      syntax_ok = false;
      continue;
    }
    for (const ast::Decl& decl : parsed->decls) {
      if (auto* b = std::get_if<ast::Block>(&decl)) {
        (b->kind == ast::Block::Kind::Gate ? out.stats.gates : out.stats.milestones)++;
      } else if (std::holds_alternative<ast::TestDecl>(decl)) {
        out.stats.tests++;
      } else if (std::holds_alternative<ast::WaiverDecl>(decl)) {
        out.stats.waivers++;
      }
    }
    out.files.push_back(std::move(*parsed));
  }
  if (syntax_ok && !out.diagnostics.has_errors()) {
    out.checked = check(out.files, out.sources, out.diagnostics);
  }
  out.diagnostics.sort();
  return out;
}

Compilation compile(const std::vector<std::pair<std::string, std::string>>& files,
                    const CompileOptions& options) {
  Analysis analysis = analyze(files);
  Compilation out;
  if (analysis.checked) {
    if (options.today) {
      report_expired_waivers(*analysis.checked, *options.today, analysis.diagnostics);
      analysis.diagnostics.sort();
    }
    if (options.strict) {
      for (Diagnostic& d : analysis.diagnostics.items()) d.severity = Severity::Error;
    }
    if (!analysis.diagnostics.has_errors())
      out.plan = make_plan(*analysis.checked, analysis.sources);
  }
  out.sources = std::move(analysis.sources);
  out.files = std::move(analysis.files);
  out.diagnostics = std::move(analysis.diagnostics);
  out.stats = analysis.stats;
  return out;
}

}  // namespace dealgate
