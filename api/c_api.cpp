// The C API: a thin layer over the C++ API. Everything crossing it is C: opaque handles, JSON
// text, codes. No exception leaves a function; out of memory becomes DG_INTERNAL.
#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "api/core.hpp"
#include "base/json_writer.hpp"
#include "dealgate/dealgate.h"
#include "grammar/diagnostic_render.hpp"

struct dg_ruleset {
  dealgate::v1::RuleSet rules;
};

namespace {

using dealgate::v1::CompileResult;
using dealgate::v1::Evaluator;
using dealgate::v1::Options;
using dealgate::v1::RuleSet;
using dealgate::v1::RuleSource;

// A copy the caller frees with dg_free_string (malloc, so a C caller's allocator is not assumed).
char* copy_out(std::string_view text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

void put(char** where, std::string_view text) {
  if (where) *where = copy_out(text);
}

void clear(char** where) {
  if (where) *where = nullptr;
}

std::string error_object(std::string_view message) {
  std::string out = "{\"error\":";
  dealgate::append_json_string(out, message);
  out += '}';
  return out;
}

std::string diagnostics_json(const CompileResult& result) {
  std::string out;
  dealgate::JsonWriter json(out);
  json.begin_object();
  json.key("errors").number(result.error_count());
  json.key("warnings").number(result.warning_count());
  json.key("diagnostics").begin_array();
  for (const dealgate::v1::Diagnostic& d : result.diagnostics) {
    dealgate::DiagnosticJson fields;
    fields.severity = to_string(d.severity);
    fields.code = d.code;
    fields.at = {d.message, d.file, d.line, d.column};
    fields.help = d.help;
    dealgate::write_diagnostic_json(json, fields);
  }
  json.end_array();
  json.key("text").string(result.rendered());
  json.end_object();
  return out;
}

dg_ruleset* finish_compile(CompileResult result, char** error_json) {
  if (result.diagnostics.empty()) {
    clear(error_json);
  } else {
    put(error_json, diagnostics_json(result));
  }
  if (!result.ok()) return nullptr;
  return new dg_ruleset{std::move(*result.rules)};
}

// The C options as the C++ ones; a malformed `name=value` sets `error`.
bool to_options(const dg_options* in, Options& out, std::string& error) {
  if (!in) return true;
  if (in->today) out.today = in->today;
  if (in->id_field && *in->id_field) out.id_field = in->id_field;
  if (in->n_params && !in->params) {
    error = "dg_options: `params` is NULL but `n_params` is not 0";
    return false;
  }
  for (std::size_t i = 0; i < in->n_params; ++i) {
    const char* text = in->params[i];
    const char* eq = text ? std::strchr(text, '=') : nullptr;
    if (!eq || eq == text) {
      error = fmt::format("dg_options: param {} must be written `name=value`, not `{}`", i + 1,
                          text ? text : "(null)");
      return false;
    }
    out.params[std::string(text, eq)] = std::string(eq + 1);
  }
  if (in->n_gates && !in->gates) {
    error = "dg_options: `gates` is NULL but `n_gates` is not 0";
    return false;
  }
  for (std::size_t i = 0; i < in->n_gates; ++i) {
    if (!in->gates[i]) {
      error = fmt::format("dg_options: gate {} is NULL", i + 1);
      return false;
    }
    out.gates.emplace_back(in->gates[i]);
  }
  return true;
}

// Shared checks and set-up of the evaluate calls; returns DG_OK, or a code with *out_jsonl set.
template <class Run>
int evaluate_with(const dg_ruleset* rules, const char* text, std::size_t len,
                  const dg_options* options, char** out_jsonl, const Run& run) {
  clear(out_jsonl);
  try {
    if (!rules) {
      put(out_jsonl, error_object("the rule set is NULL"));
      return DG_USAGE;
    }
    if (!text && len) {
      put(out_jsonl, error_object("the input is NULL but its length is not 0"));
      return DG_USAGE;
    }
    Options opts;
    std::string error;
    if (!to_options(options, opts, error)) {
      put(out_jsonl, error_object(error));
      return DG_USAGE;
    }
    Evaluator evaluator(rules->rules, std::move(opts));
    if (!evaluator.ok()) {
      put(out_jsonl, error_object(evaluator.error()));
      return DG_USAGE;
    }
    std::string out;
    const int code = run(evaluator, std::string_view(text ? text : "", len), out);
    if (out_jsonl) {
      *out_jsonl = copy_out(out);
      if (!*out_jsonl) return DG_INTERNAL;
    }
    return code;
  } catch (const std::bad_alloc&) {
    return DG_INTERNAL;
  } catch (...) {
    return DG_INTERNAL;
  }
}

}  // namespace

extern "C" {

const char* dg_version(void) {
  return DEALGATE_VERSION_STRING;
}

dg_ruleset* dg_compile_files(const char* const* paths, size_t n, char** error_json) {
  clear(error_json);
  try {
    if (!paths && n) {
      put(error_json, error_object("`paths` is NULL but `n` is not 0"));
      return nullptr;
    }
    std::vector<std::string> list;
    for (std::size_t i = 0; i < n; ++i) {
      if (!paths[i]) {
        put(error_json, error_object(fmt::format("path {} is NULL", i + 1)));
        return nullptr;
      }
      list.emplace_back(paths[i]);
    }
    return finish_compile(RuleSet::compile_files(list), error_json);
  } catch (...) {
    return nullptr;
  }
}

dg_ruleset* dg_compile_source(const char* name, const char* text, size_t len, char** error_json) {
  const size_t lens[] = {len};
  const char* const names[] = {name};
  const char* const texts[] = {text};
  return dg_compile_sources(names, texts, lens, 1, error_json);
}

dg_ruleset* dg_compile_sources(const char* const* names, const char* const* texts,
                               const size_t* lens, size_t n, char** error_json) {
  clear(error_json);
  try {
    if (n && (!texts || !lens)) {
      put(error_json, error_object("`texts` or `lens` is NULL but `n` is not 0"));
      return nullptr;
    }
    std::vector<RuleSource> sources;
    for (std::size_t i = 0; i < n; ++i) {
      if (!texts[i] && lens[i]) {
        put(error_json,
            error_object(fmt::format("text {} is NULL but its length is not 0", i + 1)));
        return nullptr;
      }
      RuleSource s;
      s.name =
          names && names[i] ? names[i] : (n == 1 ? "<source>" : fmt::format("<source {}>", i + 1));
      s.text.assign(texts[i] ? texts[i] : "", lens[i]);
      sources.push_back(std::move(s));
    }
    return finish_compile(RuleSet::compile_sources(std::move(sources)), error_json);
  } catch (...) {
    return nullptr;
  }
}

char* dg_ruleset_info(const dg_ruleset* rules) {
  if (!rules) return nullptr;
  try {
    using dealgate::append_json_string;
    const RuleSet& r = rules->rules;
    std::string out = "{\"title\":";
    append_json_string(out, r.title());
    auto strings = [&](const std::vector<std::string>& list) {
      out += '[';
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, list[i]);
      }
      out += ']';
    };
    auto blocks = [&](const std::vector<dealgate::v1::BlockInfo>& list) {
      out += '[';
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        out += "{\"name\":";
        append_json_string(out, list[i].name);
        out += ",\"label\":";
        append_json_string(out, list[i].label);
        out += ",\"enters\":";
        append_json_string(out, list[i].enters);
        out += ",\"requires\":";
        strings(list[i].dependencies);
        out += ",\"conditions\":";
        strings(list[i].conditions);
        out += '}';
      }
      out += ']';
    };
    out += ",\"phases\":";
    strings(r.phases());
    out += ",\"gates\":";
    blocks(r.gates());
    out += ",\"milestones\":";
    blocks(r.milestones());
    out += ",\"params\":[";
    const auto params = r.params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (i) out += ',';
      out += "{\"name\":";
      append_json_string(out, params[i].name);
      out += ",\"type\":";
      append_json_string(out, params[i].type);
      out += ",\"default\":";
      append_json_string(out, params[i].default_value);
      out += '}';
    }
    out += "],\"facts\":[";
    const auto facts = r.facts();
    for (std::size_t i = 0; i < facts.size(); ++i) {
      if (i) out += ',';
      out += "{\"path\":";
      append_json_string(out, facts[i].path);
      out += ",\"type\":";
      append_json_string(out, facts[i].type);
      out += '}';
    }
    out += "],\"files\":";
    strings(r.files());
    out += '}';
    return copy_out(out);
  } catch (...) {
    return nullptr;
  }
}

int dg_evaluate(const dg_ruleset* rules, const char* json, size_t len, const dg_options* options,
                char** out_jsonl) {
  return evaluate_with(rules, json, len, options, out_jsonl,
                       [](Evaluator& e, std::string_view text, std::string& out) {
                         return e.evaluate_jsonl(text, out);
                       });
}

int dg_evaluate_lines(const dg_ruleset* rules, const char* jsonl, size_t len,
                      const dg_options* options, char** out_jsonl) {
  return evaluate_with(rules, jsonl, len, options, out_jsonl,
                       [](Evaluator& e, std::string_view text, std::string& out) {
                         return e.evaluate_lines_jsonl(text, out).code();
                       });
}

void dg_free_string(char* s) {
  std::free(s);
}

void dg_ruleset_free(dg_ruleset* rules) {
  delete rules;
}

}  // extern "C"
