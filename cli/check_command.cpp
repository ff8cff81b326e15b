#include "cli/check_command.hpp"

#include "cli/check_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rules.hpp"

namespace dealgate::cli {

int run_check(const CheckArgs& args, const Io& io) {
  std::optional<Compilation> compilation =
      load_rules(args.rules, CompileOptions{args.strict, args.today}, io.err, io.err_color);
  if (!compilation) return kExitUsage;
  if (args.format == OutputFormat::Json) {
    io.out << check_json(*compilation) << '\n';
  } else {
    print_diagnostics(*compilation, io.err, io.err_color);
    io.out << check_summary_line(*compilation) << '\n';
  }
  const bool failed = compilation->diagnostics.error_count() > 0 ||
                      (args.strict && compilation->diagnostics.warning_count() > 0);
  return failed ? kExitUsage : kExitOk;
}

}  // namespace dealgate::cli
