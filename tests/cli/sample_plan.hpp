// A plan built by hand with the blocks and conditions of SPEC §2's enterprise.gate, and results as
// the evaluator would produce them, so the writers are tested without the compiler or evaluator.
#pragma once

#include <string>
#include <vector>

#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli::testing {

// Blocks in rule-file order: causes_confirmed 0, consequences_confirmed 1, solution_defined 2,
// value_confirmed 3, mutual_fit 4, acid_test 5, enter_delivery 6 (the gate).
// Conditions: causes_confirmed.1 0, .by_decision_maker 1, consequences_confirmed.1 2,
// solution_defined.1 3, .enough 4, value_confirmed.1 5, .roi 6, mutual_fit.1 7, acid_test.1 8,
// enter_delivery.buyer_engaged 9, enter_delivery.recent_contact 10 (a warn).
inline Plan enterprise_plan() {
  Plan plan;
  plan.title = "Enterprise sale";
  plan.phases = {"Discover", "Diagnose", "Design", "Deliver"};
  auto block = [&](std::string name, std::string label, bool gate = false) {
    PlanBlock b;
    b.name = std::move(name);
    b.label = std::move(label);
    b.is_gate = gate;
    plan.blocks.push_back(std::move(b));
    return static_cast<BlockIndex>(plan.blocks.size() - 1);
  };
  auto condition = [&](BlockIndex block, std::string id, std::string source, bool message,
                       bool warning = false) {
    PlanCondition c;
    c.id = std::move(id);
    c.block = block;
    c.source = std::move(source);
    c.has_message = message;
    c.is_warning = warning;
    plan.conditions.push_back(std::move(c));
    plan.blocks[block].conditions.push_back(
        static_cast<ConditionIndex>(plan.conditions.size() - 1));
  };
  BlockIndex causes =
      block("causes_confirmed", "Customer understood and confirmed the causes of the problems");
  condition(causes, "causes_confirmed.1", "diagnosis.causes_confirmed", false);
  condition(causes, "causes_confirmed.by_decision_maker",
            "diagnosis.confirmed_by in decision_makers", true);
  BlockIndex consequences =
      block("consequences_confirmed", "Customer confirmed the consequences of those problems");
  condition(consequences, "consequences_confirmed.1", "diagnosis.consequences_confirmed", false);
  BlockIndex solution = block("solution_defined", "Parameters of a high-quality solution agreed");
  condition(solution, "solution_defined.1", "solution.parameters_agreed", false);
  condition(solution, "solution_defined.enough", "count(solution.parameters) >= 2", true);
  BlockIndex value = block("value_confirmed", "Financial value of the solution confirmed");
  condition(value, "value_confirmed.1", "value.confirmed", false);
  condition(value, "value_confirmed.roi", "value.annual_benefit >= min_roi * value.price", true);
  BlockIndex fit = block("mutual_fit", "Both parties believe there is a strong fit");
  condition(fit, "mutual_fit.1", "fit.customer_believes_fit and fit.seller_believes_fit", false);
  BlockIndex acid =
      block("acid_test", "Would you do what you are about to propose, if you were the customer?");
  condition(acid, "acid_test.1", "acid_test.would_buy_ourselves", false);
  BlockIndex gate = block("enter_delivery", "Ready to enter the Delivery phase", true);
  plan.blocks[gate].enters_phase = 3;
  plan.blocks[gate].requires_blocks = {causes, consequences, value, fit, acid};
  condition(gate, "enter_delivery.buyer_engaged",
            "any(s in stakeholders: s.role == \"economic_buyer\" and s.engaged)", true);
  condition(gate, "enter_delivery.recent_contact", "today - last_customer_contact <= 30", true,
            true);
  plan.gates = {gate};
  return plan;
}

inline constexpr BlockIndex kEnterDelivery = 6;

inline std::vector<std::pair<BlockIndex, Status>> milestones(Status value, Status acid) {
  return {{0, Status::Pass}, {1, Status::Pass}, {2, Status::Pass},
          {3, value},        {4, Status::Pass}, {5, acid}};
}

// A deal at `line` judged only on enter_delivery, with `gate` as that gate's result.
inline DealResult enter_delivery_result(std::uint64_t line, std::string id_json, GateResult gate) {
  DealResult r;
  r.line = line;
  r.id_json = std::move(id_json);
  gate.gate = kEnterDelivery;
  r.gates.push_back(std::move(gate));
  return r;
}

// The deal of SPEC §7's JSON Lines example.
inline DealResult spec_example_result() {
  GateResult g;
  g.status = Status::Fail;
  g.failed = {6, 8};
  g.milestones = milestones(Status::Fail, Status::Fail);
  g.warnings = {10};
  g.messages = {"benefit 250000 is below 3x the price 100000",
                "last customer contact was 41 days ago"};
  return enter_delivery_result(17, "\"D000123\"", std::move(g));
}

// SPEC §7's record, its line breaks and indentation taken out.
inline const std::string kSpecExampleLine =
    R"({"id":"D000123","line":17,"gates":{"enter_delivery":{"status":"fail",)"
    R"("failed":["value_confirmed.roi","acid_test.1"],"unknown":[],"missing":[],"invalid":[],)"
    R"("milestones":{"causes_confirmed":"pass","consequences_confirmed":"pass","solution_defined":"pass",)"
    R"("value_confirmed":"fail","mutual_fit":"pass","acid_test":"fail"},)"
    R"("warnings":["enter_delivery.recent_contact"],)"
    R"("messages":["benefit 250000 is below 3x the price 100000","last customer contact was 41 days ago"]}}})";

// A deal that cannot be decided: the decision maker and a stakeholder's role are missing, the price
// is not a number.
inline DealResult unknown_result() {
  GateResult g;
  g.status = Status::Unknown;
  g.unknown = {1, 6, 9};
  g.missing = {"diagnosis.confirmed_by", "stakeholders[0].role", "stakeholders[1].role"};
  g.invalid = {"value.price"};
  g.milestones = milestones(Status::Unknown, Status::Pass);
  g.milestones[0].second = Status::Unknown;
  return enter_delivery_result(18, "\"D000124\"", std::move(g));
}

inline DealResult pass_result(std::uint64_t line, std::string id_json) {
  GateResult g;
  g.status = Status::Pass;
  g.milestones = milestones(Status::Pass, Status::Pass);
  return enter_delivery_result(line, std::move(id_json), std::move(g));
}

// The enterprise plan with two waivers: `pilot` waives acid_test for D000125 (in force on
// 2026-11-26), `legacy` waives value_confirmed.roi and had its last day on 2026-10-31. The schema
// declares a number `amount`, so the money waivers cover can be told.
inline Plan enterprise_plan_with_waivers() {
  Plan plan = enterprise_plan();
  PlanWaiver pilot;
  pilot.name = "pilot";
  pilot.label = "W-17: strategic logo";
  pilot.deals = {"D000125"};
  pilot.conditions = {8};
  pilot.waives = {"acid_test"};
  pilot.approver = "Dana Lee, VP Sales";
  pilot.reason = "priced at cost";
  pilot.until = *parse_date("2026-12-31");
  plan.waivers.push_back(pilot);
  PlanWaiver legacy;
  legacy.name = "legacy";
  legacy.deals = {"D000125"};
  legacy.conditions = {6};
  legacy.waives = {"value_confirmed.roi"};
  legacy.approver = "Sam Ortiz";
  legacy.until = *parse_date("2026-10-31");
  plan.waivers.push_back(legacy);
  plan.amount_slot = 0;
  return plan;
}

// D000125 passes thanks to `pilot` (acid_test.1 false, waived); `legacy` has expired, and its roi
// passes anyway.
inline DealResult waived_result() {
  DealResult r = pass_result(19, "\"D000125\"");
  r.gates[0].waived = {{8, 0}};
  r.has_waivers = true;
  r.waivers = {{0, false}, {1, true}};
  r.has_amount = true;
  r.amount = 1250000;
  return r;
}

inline DealResult error_result(std::uint64_t line, std::string error) {
  DealResult r;
  r.line = line;
  r.error = std::move(error);
  return r;
}

}  // namespace dealgate::cli::testing
