#include "engine/run/test_runner.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/eval/evaluator.hpp"
#include "engine/facts/given_facts.hpp"
#include "engine/eval/record_json.hpp"

namespace dealgate {
namespace {

Status parse_status(const std::string& s) {
  return s == "pass" ? Status::Pass : s == "fail" ? Status::Fail : Status::Unknown;
}

std::shared_ptr<ParamValues> test_params(const Plan& plan, const ast::TestDecl& test) {
  std::vector<std::pair<std::string, std::string>> none;
  std::string error;
  auto defaults = bind_params(plan, none, error);
  auto params = std::make_shared<ParamValues>();
  params->values = defaults->values;
  for (const ast::ParamOverride& p : test.params) {
    std::uint32_t index = plan.find_param(p.name.name);
    if (index == kNone) continue;
    const ast::Expr& v = *p.value;
    Value& out = params->values[index];
    switch (v.kind) {
      case ast::Expr::Kind::Number:
        out = Value::of_number(v.number);
        break;
      case ast::Expr::Kind::Bool:
        out = Value::of_bool(v.boolean);
        break;
      case ast::Expr::Kind::Date:
        out = Value::of_date(days_from_civil(v.year, v.month, v.day));
        break;
      case ast::Expr::Kind::String:
        out = Value::of_string(params->texts.emplace_back(v.text));
        break;
      case ast::Expr::Kind::Unary:
        out = Value::of_number(-v.args[0]->number);
        break;
      default:
        break;
    }
  }
  // Default string params point into the plan, which outlives the run.
  return params;
}

bool contains(const std::vector<ConditionIndex>& ids, ConditionIndex id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The id a `given` deal goes by, as JSON (its `id` field, as a record read from a file would
// have it with the default `--id-field`), for waivers that name deals.
std::string given_id_json(const ast::Expr& given) {
  for (const ast::RecordField& field : given.fields) {
    if (field.key.name != "id") continue;
    if (field.value->kind == ast::Expr::Kind::String) {
      std::string out;
      append_json_string(out, field.value->text);
      return out;
    }
    if (field.value->kind == ast::Expr::Kind::Number) return format_number(field.value->number);
  }
  return "null";
}

// The plan condition `block.condition` names, or kNone.
ConditionIndex condition_named(const Plan& plan, BlockIndex block, const std::string& id) {
  for (ConditionIndex c : plan.blocks[block].conditions) {
    if (plan.conditions[c].id == id) return c;
  }
  return kNone;
}

}  // namespace

std::size_t TestRun::passed() const {
  return static_cast<std::size_t>(
      std::count_if(tests.begin(), tests.end(), [](const TestOutcome& t) { return t.passed; }));
}

std::size_t TestRun::failed() const {
  return tests.size() - passed();
}

TestRun run_rule_tests(const Compilation& compilation, const TestRunOptions& options) {
  const Plan& plan = *compilation.plan;
  TestRun run;
  for (ConditionIndex c = 0; c < plan.conditions.size(); ++c)
    run.coverage.push_back({c, false, false, false});
  Evaluator evaluator(plan);
  Facts facts;
  DealResult result;
  for (const ast::File& file : compilation.files) {
    for (const ast::Decl& decl : file.decls) {
      const auto* test = std::get_if<ast::TestDecl>(&decl);
      if (!test || test->name.find(options.filter) == std::string::npos) continue;
      TestOutcome outcome;
      outcome.name = test->name;
      outcome.span = test->name_span;
      facts_from_given(plan.schema, *test->given, facts);
      result.id_json = given_id_json(*test->given);
      EvalOptions eval;
      eval.today = test->today
                       ? days_from_civil(test->today->year, test->today->month, test->today->day)
                       : today_utc();
      eval.params = test_params(plan, *test);
      for (const ast::Expectation& expect : test->expectations) {
        ExpectationOutcome e;
        e.gate = expect.gate.name;
        e.span = expect.span;
        e.expected = parse_status(expect.status.name);
        eval.gates = {plan.find_block(expect.gate.name)};
        evaluator.evaluate(facts, eval, result);
        for (ConditionIndex c = 0; c < plan.conditions.size(); ++c) {
          ConditionOutcome o = evaluator.outcome(c);
          run.coverage[c].seen_true |= o == ConditionOutcome::True;
          run.coverage[c].seen_false |= o == ConditionOutcome::False;
          run.coverage[c].seen_unknown |= o == ConditionOutcome::Unknown;
        }
        e.result = result.gates[0];
        e.actual = e.result.status;
        if (e.actual != e.expected) {
          e.problems.push_back(fmt::format("expected {} {}, got {}", e.gate,
                                           status_name(e.expected), status_name(e.actual)));
        }
        Status reason = e.expected == Status::Unknown ? Status::Unknown : Status::Fail;
        for (const ast::Reference& ref : expect.because) {
          BlockIndex block = plan.find_block(ref.block.name);
          if (ref.condition) {
            std::string id = ref.block.name + "." + ref.condition->name;
            ConditionIndex ci = condition_named(plan, block, id);
            const auto& ids = reason == Status::Fail ? e.result.failed : e.result.unknown;
            if (ci == kNone || !contains(ids, ci)) {
              e.problems.push_back(fmt::format("expected condition {} to be {}", id,
                                               reason == Status::Fail ? "false" : "unknown"));
            }
            continue;
          }
          Status actual = e.result.status;
          for (const auto& [b, s] : e.result.milestones) {
            if (b == block) actual = s;
          }
          if (actual != reason) {
            e.problems.push_back(fmt::format("expected {} to {}, but it is {}", ref.block.name,
                                             reason == Status::Fail ? "fail" : "be unknown",
                                             status_name(actual)));
          }
        }
        // `waived a.b`: the waiver counted that condition as satisfied; `waived m`: some of m's.
        for (const ast::Reference& ref : expect.waived) {
          BlockIndex block = plan.find_block(ref.block.name);
          ConditionIndex only =
              ref.condition
                  ? condition_named(plan, block, ref.block.name + "." + ref.condition->name)
                  : kNone;
          bool found = std::any_of(
              e.result.waived.begin(), e.result.waived.end(), [&](const WaivedCondition& w) {
                return ref.condition ? w.condition == only
                                     : plan.conditions[w.condition].block == block;
              });
          if (!found) {
            std::string what = ref.condition
                                   ? "condition " + ref.block.name + "." + ref.condition->name
                                   : "a condition of " + ref.block.name;
            e.problems.push_back(fmt::format("expected {} to be waived", what));
          }
        }
        e.passed = e.problems.empty();
        outcome.passed = outcome.passed && e.passed;
        outcome.expectations.push_back(std::move(e));
      }
      run.tests.push_back(std::move(outcome));
    }
  }
  return run;
}

}  // namespace dealgate
