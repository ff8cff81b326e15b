// The stage audit in `eval`'s outputs: the StageSummary counts, and each format on the shipped
// rules (which declare `stages from stage by owner`) and on the SPEC's example (which does not).
#include "cli/stage_summary.hpp"

#include <gtest/gtest.h>

#include "run_binary.hpp"

namespace dealgate::cli {
namespace {

using dealgate::testing::run_dealgate;

DealResult audited(StageAudit::Verdict verdict, std::uint32_t recorded, std::uint32_t supported,
                   std::string owner, std::string value = "x") {
  DealResult r;
  r.has_stage = true;
  r.stage.verdict = verdict;
  r.stage.recorded = recorded;
  r.stage.supported = supported;
  r.stage.value = std::move(value);
  r.stage.has_owner = !owner.empty();
  r.stage.owner = std::move(owner);
  return r;
}

TEST(StageSummary, CountsByVerdictPhaseAndOwner) {
  Plan plan;
  plan.phases = {"A", "B", "C"};
  plan.stages = PlanStages{};
  plan.stages->owner_slot = 1;
  StageSummary summary(plan);
  summary.add(audited(StageAudit::Verdict::Ahead, 2, 0, "Ann"));
  summary.add(audited(StageAudit::Verdict::Ahead, 1, kNone, "Ann"));
  summary.add(audited(StageAudit::Verdict::Ok, 1, 2, "Bo"));
  summary.add(audited(StageAudit::Verdict::Ok, 0, 0, ""));
  summary.add(audited(StageAudit::Verdict::Unmapped, kNone, 0, "Bo", "Qualified"));
  summary.add(audited(StageAudit::Verdict::Unmapped, kNone, 0, "Bo", "Qualified"));
  summary.add(audited(StageAudit::Verdict::Excluded, kNone, 0, "Bo"));
  DealResult unreadable;
  unreadable.error = "bad";
  summary.add(unreadable);

  EXPECT_EQ(summary.audited(), 4u);
  EXPECT_EQ(summary.count(StageAudit::Verdict::Ahead), 2u);
  EXPECT_EQ(summary.count(StageAudit::Verdict::Unmapped), 2u);
  EXPECT_EQ(summary.count(StageAudit::Verdict::Excluded), 1u);
  EXPECT_EQ(summary.supported_none(), 1u);
  EXPECT_EQ(summary.phases()[0].recorded, 1u);
  EXPECT_EQ(summary.phases()[0].supported, 2u);
  EXPECT_EQ(summary.phases()[1].recorded, 2u);
  EXPECT_EQ(summary.phases()[1].ahead, 1u);
  EXPECT_EQ(summary.phases()[2].ahead, 1u);
  auto owners = summary.owners();
  ASSERT_EQ(owners.size(), 3u);
  EXPECT_EQ(owners[0].owner, "Ann");
  EXPECT_EQ(owners[0].ahead, 2u);
  EXPECT_EQ(owners[0].audited, 2u);
  auto unmapped = summary.unmapped();
  ASSERT_EQ(unmapped.size(), 1u);
  EXPECT_EQ(unmapped[0].value, "Qualified");
  EXPECT_EQ(unmapped[0].deals, 2u);
}

constexpr const char* kEval = "eval rules/ --facts examples/deals.jsonl --today 2026-11-26";

TEST(StageAuditOutput, JsonlAddsTheStageKeyAfterTheGates) {
  auto run = run_dealgate(std::string(kEval) + " --format jsonl");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_NE(line.find("}},\"stage\":{\"recorded\":"), std::string::npos) << line;
  }
  EXPECT_EQ(n, 45);
  // D-2026-0147 is in "Proposal" (Deliver); see the expectations in docs/cli.md.
  EXPECT_NE(run.out.find(R"("stage":{"recorded":null,"supported":)"), std::string::npos);
  EXPECT_NE(
      run.out.find(
          R"("value":"Closed Lost","audit":"excluded","blocked_by":[],"owner":"Maya Lindqvist"})"),
      std::string::npos);
}

TEST(StageAuditOutput, RuleSetsWithoutStagesKeepTheSpecRecord) {
  auto run = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --format jsonl "
      "--today 2026-11-26");
  EXPECT_EQ(run.out.find("\"stage\":{"), std::string::npos);
  auto csv = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --format csv "
      "--today 2026-11-26");
  EXPECT_EQ(csv.out.rfind("id,line,gate,status,failed,unknown,missing,messages\r\n", 0), 0u);
  auto text = run_dealgate(
      "eval examples/enterprise.gate --facts tests/golden/eval/spec_deals.jsonl --today "
      "2026-11-26");
  EXPECT_EQ(text.out.find("Stage"), std::string::npos);
}

TEST(StageAuditOutput, CsvAddsTheAuditColumns) {
  auto run = run_dealgate(std::string(kEval) + " --format csv");
  // The shipped rules also have a waiver: its two columns come after the audit's.
  EXPECT_EQ(run.out.rfind("id,line,gate,status,failed,unknown,missing,messages,stage,recorded_"
                          "phase,supported_phase,stage_audit,owner,waived,waivers\r\n",
                          0),
            0u);
  EXPECT_NE(run.out.find(",Closed Lost,,"), std::string::npos);
  EXPECT_NE(run.out.find(",excluded,Maya Lindqvist,,\r\n"), std::string::npos);
}

TEST(StageAuditOutput, TextHasAStageLinePerDealAndASummarySection) {
  auto run = run_dealgate(kEval);
  std::size_t lines = 0;
  for (std::size_t at = run.out.find("\n  Stage: "); at != std::string::npos;
       at = run.out.find("\n  Stage: ", at + 1))
    ++lines;
  EXPECT_EQ(lines, 45u);
  EXPECT_NE(run.out.find("\"Closed Lost\" (not audited)"), std::string::npos);
  EXPECT_NE(run.out.find("\nStage audit: "), std::string::npos);
  EXPECT_NE(run.out.find("  owner "), std::string::npos);
}

TEST(StageAuditOutput, JsonSummaryHasTheStageSection) {
  auto run = run_dealgate(std::string(kEval) + " --format json");
  EXPECT_NE(run.out.find(",\"stage\":{\"audited\":44,"), std::string::npos)
      << run.out.substr(run.out.rfind("\"summary\""));
  EXPECT_NE(run.out.find("\"owners\":[{\"owner\":"), std::string::npos);
}

TEST(StageAuditOutput, UnmappedMissingAndInvalidStagesAreReportedNotFatal) {
  auto run = run_dealgate("eval rules/ --facts - --today 2026-11-26 --gate enter_delivery",
                          "{\"id\":\"X1\",\"stage\":\"Qualified Lead\",\"owner\":\"Ann\"}\n"
                          "{\"id\":\"X2\",\"stage\":7}\n{\"id\":\"X3\"}\n");
  EXPECT_EQ(run.exit_code, 1) << run.err;  // the gates are unknown; nothing crashed
  EXPECT_NE(
      run.out.find("  Stage: \"Qualified Lead\" is not mapped to a phase; add it to the rule set's "
                   "`stages` block\n"),
      std::string::npos);
  EXPECT_NE(run.out.find("  Stage: invalid (`stage` is 7, not a string)\n"), std::string::npos);
  EXPECT_NE(run.out.find("  Stage: missing (`stage` is not in the record)\n"), std::string::npos);
  EXPECT_NE(run.out.find("  stages not mapped to a phase (add them to `stages`):\n         1  "
                         "\"Qualified Lead\"\n"),
            std::string::npos);
  EXPECT_NE(
      run.out.find("not audited: 0 mapped to `none`, 1 without a stage, 1 with an invalid stage"),
      std::string::npos);
  auto jsonl = run_dealgate("eval rules/ --facts - --today 2026-11-26 --format jsonl",
                            "{\"id\":\"X1\",\"stage\":\"Qualified Lead\"}\n");
  EXPECT_NE(jsonl.out.find(R"("stage":{"recorded":null,)"), std::string::npos);
  EXPECT_NE(
      jsonl.out.find(
          R"("ahead":false,"value":"Qualified Lead","audit":"unmapped","blocked_by":[],"owner":null})"),
      std::string::npos)
      << jsonl.out;
}

}  // namespace
}  // namespace dealgate::cli
