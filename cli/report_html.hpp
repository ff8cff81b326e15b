// The pipeline review report of `dealgate report`: one self-contained HTML page (inline CSS, inline
// SVG charts, a little inline JavaScript; nothing fetched from the network) built from evaluated
// deals. Every text that comes from deals or rules is escaped here, in one place.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/result.hpp"
#include "engine/plan/plan.hpp"

namespace dealgate::cli {

struct ReportMeta {
  std::string today;  // the evaluation date, YYYY-MM-DD
  std::string rules;  // the rule files or folders, as given
  std::string facts;  // the facts file, as given
  std::string generated_by = "dealgate";
  // The shown date fact whose calendar quarter the deal table filters by (--close-date-field);
  // empty: the shown `close_date`.
  std::string close_date_field{};
};

// `text` with & < > " ' replaced by entities: safe in element content and quoted attributes.
std::string html_escape(std::string_view text);

// The page built as deals stream past: add() each deal once, in input order, then html(). Only
// aggregates and the rendered rows of the `max_rows` largest deals (by amount; equal amounts by
// line, then by order of adding) are kept, so memory stays bounded for any number of deals.
//
// Several builders can share a run: each adds the deals of some blocks of the input (each builder
// in input order), and one merges the others at the end. Counts and money (summed exactly) add up,
// and the kept rows are the best of all builders by the same ranking, so the page is the same byte
// for byte as one builder's that saw every deal, provided the deals' lines rise in input order.
class ReportBuilder {
 public:
  static constexpr std::size_t kDefaultRows = 2000;
  ReportBuilder(const Plan& plan, const ReportMeta& meta, std::size_t max_rows = kDefaultRows);
  ~ReportBuilder();
  void add(const DealResult& deal);
  // Adds the deals another builder of the same plan saw (its rows move here). Call it after the
  // last add(), on one thread.
  void merge(ReportBuilder& other);
  // `trends`: the section of the trends over a history's runs (report --history), or empty.
  std::string html(std::string_view trends = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole page at once. `deals` are in input order; gate results should carry their checklists
// (EvalOptions::checklist) for the "to pass this gate" lists.
// `trends` is the section of the trends over a history's runs (report --history), or empty.
std::string build_report_html(const Plan& plan, const std::vector<DealResult>& deals,
                              const ReportMeta& meta, std::string_view trends = {});

}  // namespace dealgate::cli
