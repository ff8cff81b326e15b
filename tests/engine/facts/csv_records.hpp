// Deals read from CSV text as the facts readers' tests look at them, written once: each record
// with its line, id and error, and a fact's value by its path.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/facts/csv_facts.hpp"

namespace dealgate::testing {

// One record as the tests look at it.
struct SeenRecord {
  std::uint64_t line = 0;
  std::string id;
  std::string error;
  Facts facts;
};

// Every record of `csv` as `schema`'s CSV reader reads it with `options`; `status` is what the
// read says of the whole input.
inline std::vector<SeenRecord> read_csv_records(const Schema& schema, const std::string& csv,
                                                const CsvReaderOptions& options,
                                                ReadStatus& status) {
  CsvFactsReader reader(schema, options);
  std::istringstream in(csv);
  std::vector<SeenRecord> seen;
  status = reader.read_stream(in, [&](ReadRecord& r) {
    seen.push_back(SeenRecord{r.line, r.id_json, r.error, r.facts});
  });
  EXPECT_EQ(status.records, seen.size());
  return seen;
}

// The value of a top-level path in a record.
inline const FactValue& fact_at(const Schema& schema, const SeenRecord& s, std::string_view path) {
  NodeIndex node = schema.find_path(path);
  EXPECT_NE(node, kNoNode) << path;
  return s.facts.top[schema.node(node).slot];
}

}  // namespace dealgate::testing
