// The part of the text and json writers that ends a run with its summary: every record written is
// tallied into the gate, stage-audit and waiver summaries, and fragment writers' tallies are added
// up, so the summary is the same however many threads wrote the records.
#pragma once

#include "cli/stage_summary.hpp"
#include "cli/summary.hpp"
#include "cli/waiver_summary.hpp"
#include "cli/writer.hpp"

namespace dealgate::cli {

class SummarizingWriter : public ResultWriter {
 public:
  void absorb(const ResultWriter& fragment) override {
    const auto& other = dynamic_cast<const SummarizingWriter&>(fragment);
    summary_.merge(other.summary_);
    stages_.merge(other.stages_);
    waivers_.merge(other.waivers_);
  }

 protected:
  explicit SummarizingWriter(const Plan& plan) : summary_(plan), stages_(plan), waivers_(plan) {}

  // What write() does first with each record, good or unreadable.
  void tally(const DealResult& result) {
    summary_.add(result);
    stages_.add(result);
    waivers_.add(result);
  }

  Summary summary_;
  StageSummary stages_;
  WaiverSummary waivers_;
};

}  // namespace dealgate::cli
