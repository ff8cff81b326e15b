#include "cli/explain_command.hpp"

#include <fmt/format.h>

#include "base/json_text.hpp"
#include "base/json_writer.hpp"
#include "base/suggest.hpp"
#include "cli/exit_codes.hpp"
#include "cli/explain_render.hpp"
#include "cli/facts_input.hpp"
#include "cli/messages.hpp"
#include "cli/rules.hpp"
#include "cli/shown_text.hpp"
#include "cli/strict_input.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/eval/shown.hpp"
#include "engine/eval/waivers.hpp"

namespace dealgate::cli {

int run_explain(const ExplainArgs& args, const Io& io) {
  EvalOptions options;
  std::optional<Compilation> compilation =
      load_rules_and_options(args.rules, args, args.gates, io, options);
  if (!compilation) return kExitUsage;
  const Plan& plan = *compilation->plan;

  // Find the deal: the first record whose id matches, or the first record of all.
  bool found = false;
  std::uint64_t line = 0;
  std::string id, id_json, record_error;
  Facts facts;
  std::vector<std::string> some_ids;
  FactsSource source{args.facts, args.input, args.id_field};
  source.table = args.table;
  ReadStatus read;
  source.status = &read;
  std::uint64_t records = 0;
  if (!use_sources(plan.sources, args.source, source, io.err, io.err_color)) return kExitUsage;
  const std::string input_error = read_facts(plan.schema, source, [&](const FactsRecord& record) {
    ++records;
    if (found) return;
    std::string this_id = id_text(record.id_json);
    if (args.deal.empty() || this_id == args.deal) {
      found = true;
      line = record.line;
      id = this_id;
      id_json = record.id_json;
      record_error = record.error;
      facts = record.facts;
    } else if (!this_id.empty() && some_ids.size() < 1000) {
      some_ids.push_back(this_id);
    }
  });
  if (!input_error.empty()) {
    print_error(io.err, fmt::format("cannot read the facts: {}", input_error), "", io.err_color);
    return kExitInput;
  }
  if (!found) {
    std::string help = did_you_mean(args.deal, some_ids);
    print_error(io.err,
                records == 0 ? no_records_message(args.facts, read)
                             : fmt::format("no deal in `{}` has {} `{}`", args.facts, args.id_field,
                                           args.deal),
                help.empty() ? "pick a deal with `--deal ID`, using the id field's value" : help,
                io.err_color);
    return kExitInput;
  }
  if (!record_error.empty()) {
    print_error(io.err, fmt::format("line {} cannot be read: {}", line, record_error), "",
                io.err_color);
    return kExitInput;
  }

  const std::vector<BlockIndex>& gates = options.gates.empty() ? plan.gates : options.gates;
  const std::vector<WaiverUse> waivers = deal_waivers(plan, facts, options, id_json);
  const std::vector<std::uint32_t> waived_by = waiver_by_condition(plan, waivers);
  ExplainHeader header{id, line, options.today};
  bool all_pass = true;
  std::string out;
  JsonWriter json(out);
  if (args.format == OutputFormat::Json) {
    json.begin_object().key("id").string(id).key("line").number(line);
    json.key("today").string(format_date(options.today));
    if (!plan.waivers.empty()) {
      json.key("waivers").begin_array();
      for (const WaiverUse& use : waivers) {
        json.begin_object().key("id").string(plan.waivers[use.waiver].name);
        json.key("expired").boolean(use.expired).end_object();
      }
      json.end_array();
    }
    json.key("gates").begin_array();
  } else {
    out += fmt::format("Deal {} (line {}), today {}\n", id.empty() ? "without id" : id, line,
                       format_date(options.today));
    DealResult shown;
    read_shown(plan, facts, shown);
    if (const std::string text = shown_line(plan, shown); !text.empty())
      out += fmt::format("  {}\n", text);
    for (const WaiverUse& use : waivers) {
      out += fmt::format("Waiver {}{}\n", describe_waiver(plan, use.waiver),
                         use.expired ? ": EXPIRED, it no longer applies" : "");
    }
  }
  for (std::size_t g = 0; g < gates.size(); ++g) {
    Explanation e = explain_gate(plan, facts, options, gates[g], waived_by);
    all_pass = all_pass && e.status == Status::Pass;
    if (args.format == OutputFormat::Json) {
      json.raw(explain_json(plan, e));
    } else {
      out += '\n' + explain_text(plan, header, e, io.out_color);
    }
  }
  if (args.format == OutputFormat::Json) {
    json.end_array().end_object();
    out += '\n';
  }
  io.out << out << std::flush;
  return all_pass ? kExitOk : kExitNotPassed;
}

}  // namespace dealgate::cli
