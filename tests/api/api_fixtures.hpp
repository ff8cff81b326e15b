// Shared by the API tests: paths into the source tree and the SPEC's example deal. Uses only the
// public header, as an embedding program would.
#pragma once

#include <cstdio>
#include <dealgate/dealgate.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace dealgate_test {

inline std::string source_path(const std::string& relative) {
  return std::string(DEALGATE_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The deal of the SPEC's rule test "a deal whose seller would not buy it stays out of Delivery".
inline const char* kSpecDeal =
    R"({"id":"T1","stage":"Design",)"
    R"("diagnosis":{"causes_confirmed":true,"consequences_confirmed":true,"confirmed_by":"sponsor"},)"
    R"("solution":{"parameters_agreed":true,"parameters":["uptime","cost"]},)"
    R"("value":{"confirmed":true,"annual_benefit":900000,"price":100000},)"
    R"("fit":{"customer_believes_fit":true,"seller_believes_fit":true},)"
    R"("acid_test":{"would_buy_ourselves":false},)"
    R"("stakeholders":[{"role":"economic_buyer","engaged":true}],)"
    R"("last_customer_contact":"2026-11-20"})";

inline dealgate::RuleSet spec_rules() {
  return *dealgate::RuleSet::compile_files({source_path("examples/enterprise.gate")}).rules;
}

}  // namespace dealgate_test
