// embed_example [RULES [DEALS.jsonl [TODAY]]]
//
// Compiles the rules (default: the shipped ones), evaluates every deal of DEALS (default: the
// shipped examples) and writes the SPEC §7 record of each to standard output, exactly as
// `dealgate eval RULES --facts DEALS --format jsonl --today TODAY` does. On standard error it
// writes what a service would log: the rule set, one line per deal, and a deal built in code.
#include <dealgate/dealgate.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  const std::string data = DEALGATE_DATA_DIR;
  const std::string rules_path = argc > 1 ? argv[1] : data + "/rules";
  const std::string deals_path = argc > 2 ? argv[2] : data + "/examples/deals.jsonl";

  // Compile once; the RuleSet is immutable and can be shared by every thread of the service.
  dealgate::CompileResult compiled = dealgate::RuleSet::compile_files({rules_path});
  std::cerr << compiled.rendered();  // warnings, if any
  if (!compiled.ok()) return 2;
  const dealgate::RuleSet& rules = *compiled.rules;
  std::cerr << "rules: " << rules.title() << " (" << rules.gates().size() << " gates, dealgate "
            << dealgate::version() << ")\n";

  dealgate::Options options;
  options.today = argc > 3 ? argv[3] : "2026-11-26";
  dealgate::Evaluator evaluator(rules, options);  // one per thread
  if (!evaluator.ok()) {
    std::cerr << "error: " << evaluator.error() << '\n';
    return 2;
  }

  std::ifstream in(deals_path, std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot read " << deals_path << '\n';
    return 3;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const dealgate::BatchSummary summary =
      evaluator.evaluate_lines(buffer.str(), [](const dealgate::Evaluation& e) {
        std::cout << e.to_jsonl() << '\n';
        if (!e.ok()) {
          std::cerr << "line " << e.line << ": " << e.error << '\n';
          return;
        }
        std::cerr << e.id() << ':';
        for (const dealgate::GateResult& g : e.gates) {
          std::cerr << ' ' << g.name << '=' << dealgate::to_string(g.status);
        }
        std::cerr << '\n';
      });
  std::cerr << summary.records << " deals, " << summary.not_passed << " not passing, "
            << summary.unreadable << " unreadable\n";

  // A deal from variables rather than JSON, typed against the rules' `facts` declarations.
  dealgate::FactsBuilder deal(rules);
  deal.set("id", "BUILT-1").set("stage", "Solution Design").set("amount", 350000);
  deal.set("value.confirmed", true).add("value.benefits").set("annual_amount", 1200000);
  deal.add("stakeholders").set("name", "Lukas").set("role", "economic_buyer").set("engaged", true);
  if (!deal.ok()) {
    for (const std::string& problem : deal.errors()) std::cerr << "facts: " << problem << '\n';
  }
  const dealgate::Evaluation built = evaluator.evaluate(deal);
  std::cerr << "built " << built.id() << ": enter_delivery="
            << (built.gate("enter_delivery")
                    ? dealgate::to_string(built.gate("enter_delivery")->status)
                    : built.error.c_str())
            << '\n';
  return summary.code();
}
