// The stage audit: the recorded phase (from the CRM stage), the furthest phase the gates support,
// and "ahead of the evidence", for deals that pass, fail or leave gates unknown.
#include "engine/eval/stage_audit.hpp"

#include <gtest/gtest.h>

#include "engine/compiled_rules.hpp"

namespace dealgate {
namespace {

// Four phases; Diagnose has no gate, Design and Deliver have one each, Deliver a second one.
const char* kRules = R"(
phases Discover -> Diagnose -> Design -> Deliver

facts {
  id: string
  stage: string
  rep: string
  designed: bool
  priced: bool
  signed: bool
}

stages from stage by rep {
  "Lead", "Discovery" -> Discover
  "Diagnosis" -> Diagnose
  "Solution Design" -> Design
  "Proposal", "Negotiation" -> Deliver
  "Closed Lost" -> none
}

gate design_ready enters Design { require designed }
gate priced_ok enters Deliver { require priced }
gate signed_ok enters Deliver { require signed }
)";

class StageAuditTest : public testing::CompiledRulesTest {
 protected:
  StageAuditTest() : CompiledRulesTest(kRules) {}
  void SetUpPlan() override { ASSERT_TRUE(plan().stages.has_value()); }

  DealResult run(const std::string& json, std::vector<BlockIndex> gates = {}) {
    EvalOptions options = testing::options_on();
    options.gates = std::move(gates);
    return testing::evaluate_deal(plan(), json, options);
  }

  std::string phase(std::uint32_t p) const { return p == kNone ? "none" : plan().phases.at(p); }
};

TEST_F(StageAuditTest, ProposalWithoutDesignEvidenceIsAhead) {
  DealResult r = run(
      R"({"stage": "Proposal", "rep": "Ann", "designed": false, "priced": true, "signed": true})");
  ASSERT_TRUE(r.has_stage);
  EXPECT_EQ(r.stage.verdict, StageAudit::Verdict::Ahead);
  EXPECT_EQ(phase(r.stage.recorded), "Deliver");
  // Discover and Diagnose have no gate, so they are supported; Design's gate fails.
  EXPECT_EQ(phase(r.stage.supported), "Diagnose");
  EXPECT_EQ(r.stage.value, "Proposal");
  ASSERT_EQ(r.stage.blocked_by.size(), 1u);
  EXPECT_EQ(plan().blocks[r.stage.blocked_by[0].first].name, "design_ready");
  EXPECT_EQ(r.stage.blocked_by[0].second, Status::Fail);
  EXPECT_TRUE(r.stage.has_owner);
  EXPECT_EQ(r.stage.owner, "Ann");
}

TEST_F(StageAuditTest, EveryEntryGateOfAPhaseMustPass) {
  // priced passes, signed is unknown: Deliver is not supported.
  DealResult r = run(R"({"stage": "Negotiation", "designed": true, "priced": true})");
  EXPECT_EQ(r.stage.verdict, StageAudit::Verdict::Ahead);
  EXPECT_EQ(phase(r.stage.supported), "Design");
  ASSERT_EQ(r.stage.blocked_by.size(), 1u);
  EXPECT_EQ(plan().blocks[r.stage.blocked_by[0].first].name, "signed_ok");
  EXPECT_EQ(r.stage.blocked_by[0].second, Status::Unknown);
  EXPECT_FALSE(r.stage.has_owner);
}

TEST_F(StageAuditTest, RecordedBehindOrAtTheEvidenceIsInLine) {
  DealResult behind =
      run(R"({"stage": "Solution Design", "designed": true, "priced": true, "signed": true})");
  EXPECT_EQ(behind.stage.verdict, StageAudit::Verdict::Ok);
  EXPECT_EQ(phase(behind.stage.recorded), "Design");
  EXPECT_EQ(phase(behind.stage.supported), "Deliver");
  EXPECT_TRUE(behind.stage.blocked_by.empty());

  DealResult at = run(R"({"stage": "Diagnosis", "designed": false})");
  EXPECT_EQ(at.stage.verdict, StageAudit::Verdict::Ok);
  EXPECT_EQ(phase(at.stage.supported), "Diagnose");
}

TEST_F(StageAuditTest, UnmappedExcludedMissingAndInvalidStagesAreReportedNotAudited) {
  DealResult unmapped = run(R"({"stage": "proposal", "designed": false})");
  EXPECT_EQ(unmapped.stage.verdict,
            StageAudit::Verdict::Unmapped);  // the mapping is case-sensitive
  EXPECT_EQ(unmapped.stage.value, "proposal");
  EXPECT_EQ(unmapped.stage.recorded, kNone);

  DealResult lost = run(R"({"stage": "Closed Lost", "designed": false})");
  EXPECT_EQ(lost.stage.verdict, StageAudit::Verdict::Excluded);

  DealResult missing = run(R"({"stage": null, "designed": true})");
  EXPECT_EQ(missing.stage.verdict, StageAudit::Verdict::Missing);

  DealResult invalid = run(R"({"stage": 42, "designed": true})");
  EXPECT_EQ(invalid.stage.verdict, StageAudit::Verdict::Invalid);
  EXPECT_EQ(invalid.stage.value, "42");
}

TEST_F(StageAuditTest, GatesLeftOutOfTheReportStillCountForTheAudit) {
  DealResult r = run(R"({"stage": "Proposal", "designed": true, "priced": false, "signed": true})",
                     {plan().find_block("design_ready")});
  ASSERT_EQ(r.gates.size(), 1u);
  EXPECT_EQ(r.stage.verdict, StageAudit::Verdict::Ahead);
  EXPECT_EQ(phase(r.stage.supported), "Design");
}

TEST_F(StageAuditTest, TheFirstPhasesGateFailingSupportsNoPhase) {
  Compilation c = compile({{"first.gate", R"(
phases A -> B
facts { stage: string, ok: bool }
stages from stage { "a" -> A  "b" -> B }
gate into_a enters A { require ok }
)"}});
  ASSERT_TRUE(c.ok()) << testing::rendered_diagnostics(c);
  DealResult result = testing::evaluate_deal(*c.plan, R"({"stage": "a", "ok": false})", {});
  EXPECT_EQ(result.stage.supported, kNone);
  EXPECT_EQ(result.stage.verdict, StageAudit::Verdict::Ahead);
}

TEST(StageAuditPlan, RuleSetsWithoutStagesHaveNoAudit) {
  Compilation c =
      compile({{"plain.gate", "facts { stage: string }\ngate g { require stage == \"x\" }\n"}});
  ASSERT_TRUE(c.ok()) << testing::rendered_diagnostics(c);
  EXPECT_FALSE(c.plan->stages.has_value());
  DealResult result = testing::evaluate_deal(*c.plan, R"({"stage": "x"})", {});
  EXPECT_FALSE(result.has_stage);
}

}  // namespace
}  // namespace dealgate
