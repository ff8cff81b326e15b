// Output formats of `eval`. A writer renders DealResults as they come, in input order, and never
// evaluates anything itself. Each format lives in its own file (writer_<format>.cpp).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "engine/plan.hpp"
#include "engine/result.hpp"

namespace dealgate::cli {

struct WriterOptions {
  bool color = false;  // text only
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // One input record, good or unreadable.
  virtual void write(const DealResult& result) = 0;
  // After the last record: closes the document and writes summaries. Called exactly once.
  virtual void finish() {}
};

// The writer for `format`. `plan` and `out` must outlive it.
std::unique_ptr<ResultWriter> make_writer(OutputFormat format, const Plan& plan, std::ostream& out,
                                          const WriterOptions& options = {});

std::unique_ptr<ResultWriter> make_jsonl_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_json_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_csv_writer(const Plan& plan, std::ostream& out);
std::unique_ptr<ResultWriter> make_text_writer(const Plan& plan, std::ostream& out,
                                               const WriterOptions& options);

// Renders the SPEC §7 record: {"id":...,"line":N,"gates":{...}}, or {"line":N,"error":"..."} for
// an unreadable record. The plan's names are quoted and escaped once, up front, so a record costs
// only its own text.
class RecordJson {
 public:
  explicit RecordJson(const Plan& plan);
  // Appends the record to `out`, without a line break.
  void append(std::string& out, const DealResult& result) const;

 private:
  std::vector<std::string> conditions_;  // by ConditionIndex: `"value_confirmed.roi"`
  std::vector<std::string> blocks_;      // by BlockIndex: `"enter_delivery"`
};

// Appends `text` as a JSON string, quotes included (json_escape, without a copy when nothing
// needs escaping).
void append_json_string(std::string& out, std::string_view text);

// The deal id for people: a JSON string decoded (`"D1"` -> `D1`), other JSON as written, and an
// empty string for null.
std::string id_text(std::string_view id_json);

}  // namespace dealgate::cli
