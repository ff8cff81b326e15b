// Output formats of `eval`. A writer renders DealResults as they come, in input order, and never
// evaluates anything itself. Each format lives in its own file (writer_<format>.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "engine/eval/record_json.hpp"
#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

struct WriterOptions {
  bool color = false;  // text only
};

// Rows of a CSV export that its `source` skipped (the report's footer, blank rows): not records,
// but counted in the summary so a run shows what it left out.
struct SkippedRows {
  std::uint64_t footer = 0;
  std::uint64_t blank = 0;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // One input record, good or unreadable.
  virtual void write(const DealResult& result) = 0;
  // After the last record: closes the document and writes summaries. Called exactly once.
  virtual void finish() {}
  // Hands every record written so far to the stream (a writer may hold some back, to write them
  // in larger pieces).
  virtual void flush() {}

  // Parallel evaluation (cli/pipeline.hpp). A fragment writer renders records of the same format
  // into `out` exactly as write() would, less what belongs to the document as a whole (a header,
  // the opening of the first record, summaries); each worker thread has its own. The fragment
  // writer keeps a reference to the plan, not to this writer.
  virtual std::unique_ptr<ResultWriter> make_fragment_writer(std::ostream& out) const = 0;
  // Writes text that fragment writers rendered, in input order (possibly empty).
  virtual void write_fragment(std::string_view text) = 0;
  // Adds what a fragment writer of this format tallied (its summary) to this writer's. Call it
  // once per fragment writer, after its last record, before finish().
  virtual void absorb(const ResultWriter& fragment) { (void)fragment; }
  // The rows the input's source skipped, for the summary. Call it before finish().
  void set_skipped(const SkippedRows& rows) { skipped_ = rows; }

 protected:
  SkippedRows skipped_;
};

// The writer for `format`. `plan` and `out` must outlive it.
std::unique_ptr<ResultWriter> make_writer(OutputFormat format, const Plan& plan, std::ostream& out,
                                          const WriterOptions& options = {});

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_json_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_csv_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_text_writer(const Plan& plan, std::ostream& out,
                                               const WriterOptions& options);

// RecordJson (the SPEC §7 record) and append_json_string come from engine/eval/record_json.hpp: the
// library's API renders the same record with the same code.

}  // namespace dealgate::cli
