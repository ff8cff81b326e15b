// Aggregates results over a whole run: per gate, how many deals pass, fail or are unknown, which
// `require` conditions block deals most often, and which facts are most often missing or invalid.
// Used by the text and json writers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/plan/plan.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::cli {

struct BlockingCount {
  ConditionIndex condition = 0;
  std::uint64_t failed = 0;   // deals where the condition was false
  std::uint64_t unknown = 0;  // deals where it could not be decided
  std::uint64_t total() const { return failed + unknown; }
};

struct PathCount {
  std::string path;  // list indices stripped: `stakeholders[].role`
  std::uint64_t deals = 0;
};

struct GateSummary {
  BlockIndex gate = 0;
  std::uint64_t pass = 0;
  std::uint64_t fail = 0;
  std::uint64_t unknown = 0;
  std::vector<BlockingCount> blocking;  // most deals first, then rule-file order
  std::vector<PathCount> missing;       // most deals first, then by path
  std::vector<PathCount> invalid;       // likewise
};

class Summary {
 public:
  explicit Summary(const Plan& plan);

  void add(const DealResult& result);
  // Adds another summary of the same plan (of other records of the same run): the result is as if
  // this one had seen the other's records too, whatever order they came in.
  void merge(const Summary& other);

  std::uint64_t records() const { return records_; }
  std::uint64_t unreadable() const { return unreadable_; }
  std::uint64_t evaluated() const { return records_ - unreadable_; }
  // Gates in the order they were first reported (declaration order), counts sorted.
  std::vector<GateSummary> gates() const;

 private:
  struct GateTally {
    BlockIndex gate = 0;
    std::uint64_t counts[3] = {0, 0, 0};  // by Status
    std::vector<std::uint64_t> failed;    // by ConditionIndex
    std::vector<std::uint64_t> unknown;
    std::unordered_map<std::string, std::uint64_t> missing;
    std::unordered_map<std::string, std::uint64_t> invalid;
  };
  GateTally& tally_for(BlockIndex gate);
  void count_paths(const std::vector<std::string>& paths,
                   std::unordered_map<std::string, std::uint64_t>& counts);

  const Plan& plan_;
  std::uint64_t records_ = 0;
  std::uint64_t unreadable_ = 0;
  std::vector<GateTally> tallies_;
  std::vector<std::uint32_t> tally_of_block_;  // by BlockIndex; kNone when not seen yet
  std::vector<std::string> scratch_;
};

// `stakeholders[2].role` -> `stakeholders[].role`, so a fact missing in several elements counts
// once.
std::string strip_list_indices(std::string_view path);

}  // namespace dealgate::cli
