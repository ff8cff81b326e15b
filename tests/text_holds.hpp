// Whether a text holds a part, as an assertion that shows the text when it does not: for tests
// that look for what a program wrote or a page shows.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace dealgate::testing {

// `text` holds `part`; otherwise `text` is shown.
inline ::testing::AssertionResult holds(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no `" << part << "` in:\n" << text;
}

}  // namespace dealgate::testing
