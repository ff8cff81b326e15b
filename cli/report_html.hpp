// The pipeline review report of `dealgate report`: one self-contained HTML page (inline CSS, inline
// SVG charts, a little inline JavaScript; nothing fetched from the network) built from evaluated
// deals. Every text that comes from deals or rules is escaped here, in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/plan/plan.hpp"
#include "engine/eval/result.hpp"

namespace dealgate::cli {

struct ReportMeta {
  std::string today;  // the evaluation date, YYYY-MM-DD
  std::string rules;  // the rule files or folders, as given
  std::string facts;  // the facts file, as given
  std::string generated_by = "dealgate";
};

// `text` with & < > " ' replaced by entities: safe in element content and quoted attributes.
std::string html_escape(std::string_view text);

// The whole page. `deals` are in input order; gate results should carry their checklists
// (EvalOptions::checklist) for the "to pass this gate" lists.
// `trends` is the section of the trends over a history's runs (report --history), or empty.
std::string build_report_html(const Plan& plan, const std::vector<DealResult>& deals,
                              const ReportMeta& meta, std::string_view trends = {});

}  // namespace dealgate::cli
