#include "cli/messages.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace dealgate::cli {
namespace {

TEST(PrintError, MessageThenHelpLikeADiagnostic) {
  std::ostringstream err;
  print_error(err, UsageError{"no rule files given", "name them, e.g. `dealgate check rules/`"},
              false);
  EXPECT_EQ(err.str(),
            "error: no rule files given\n"
            "  = help: name them, e.g. `dealgate check rules/`\n");
}

TEST(PrintError, NoHelpLineWithoutHelp) {
  std::ostringstream err;
  print_error(err, "the rules have no param `q`", "", false);
  EXPECT_EQ(err.str(), "error: the rules have no param `q`\n");
}

TEST(PrintError, ColourOnlyWhenAsked) {
  std::ostringstream err;
  print_error(err, "bad", "mend it", true);
  EXPECT_EQ(err.str(),
            "\033[1;31merror:\033[0m \033[1mbad\033[0m\n"
            "  = \033[1;32mhelp:\033[0m mend it\n");
}

}  // namespace
}  // namespace dealgate::cli
