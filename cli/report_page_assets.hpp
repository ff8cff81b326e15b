// The report page's inline CSS and JavaScript (see report_page_assets.cpp).
#pragma once

namespace dealgate::cli {

extern const char* const kReportStyle;
extern const char* const kReportScript;

}  // namespace dealgate::cli
