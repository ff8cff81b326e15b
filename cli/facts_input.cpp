#include "cli/facts_input.hpp"

#include "engine/json_facts.hpp"

namespace dealgate::cli {

bool is_csv(const FactsSource& source) {
  if (source.format != InputFormat::Auto) return source.format == InputFormat::Csv;
  const std::string& p = source.path;
  return p.size() > 4 && p.compare(p.size() - 4, 4, ".csv") == 0;
}

std::string read_facts(const Schema& schema, const FactsSource& source, const RecordSink& sink) {
  if (is_csv(source)) {
    // TODO(merge): plug in the CSV facts reader here when engine/ has one.
    return "reading CSV facts is not available in this build; export the deals as JSON Lines";
  }
  FactsReader reader(schema, source.id_field);
  ReadStatus status = reader.read_file(source.path, [&](ReadRecord& record) {
    sink(FactsRecord{record.line, record.error, record.id_json, record.facts});
  });
  return status.error;
}

}  // namespace dealgate::cli
