#include "cli/writer.hpp"

namespace dealgate::cli {

std::unique_ptr<ResultWriter> make_writer(OutputFormat format, const Plan& plan, std::ostream& out,
                                          const WriterOptions& options) {
  switch (format) {
    case OutputFormat::Jsonl:
      return make_jsonl_writer(plan, out);
    case OutputFormat::Json:
      return make_json_writer(plan, out);
    case OutputFormat::Csv:
      return make_csv_writer(plan, out);
    case OutputFormat::Text:
      break;
  }
  return make_text_writer(plan, out, options);
}

}  // namespace dealgate::cli
