#include "cli/progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace dealgate::cli {
namespace {

TEST(Progress, LineGroupsThousands) {
  EXPECT_EQ(Progress::line(1, 1.0), "1 record, 1 records/s");
  EXPECT_EQ(Progress::line(1234567, 2.0), "1,234,567 records, 617,283 records/s");
  EXPECT_EQ(Progress::line(0, 0.0), "0 records, 0 records/s");
}

TEST(Progress, SilentWhenDisabledOrShort) {
  std::ostringstream err;
  {
    Progress off(err, false);
    for (int i = 0; i < 5000; ++i) off.tick();
    EXPECT_EQ(off.done(), 5000u);
    Progress quick(err, true);  // under a second: nothing is shown, nothing to erase
    for (int i = 0; i < 5000; ++i) quick.tick();
  }
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace dealgate::cli
