// What a result writer writes for a whole run, for the writers' tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/writer.hpp"

namespace dealgate::cli::testing {

// The output of the `format` writer given `results` in order, then finished.
inline std::string written(OutputFormat format, const Plan& plan,
                           const std::vector<DealResult>& results,
                           const WriterOptions& options = {}) {
  std::ostringstream out;
  auto writer = make_writer(format, plan, out, options);
  for (const DealResult& r : results) writer->write(r);
  writer->finish();
  return out.str();
}

}  // namespace dealgate::cli::testing
