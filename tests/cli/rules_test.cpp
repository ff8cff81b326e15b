// load_compiled_rules: the first step of every command that runs rules, and what it says when
// they cannot be run.
#include "cli/rules.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/facts_input.hpp"

namespace dealgate::cli {
namespace {

namespace fs = std::filesystem;

class LoadCompiledRules : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("dealgate_rules_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  fs::path dir_;
  std::ostringstream out_, err_;
  Io io_{out_, err_};
};

TEST_F(LoadCompiledRules, GivesTheCompilationAndPrintsItsWarnings) {
  const std::string rules = write("ok.gate",
                                  "facts { a: bool, b: bool }\n"
                                  "gate g { require a }\n");
  std::optional<Compilation> compilation = load_compiled_rules({rules}, io_);
  ASSERT_TRUE(compilation.has_value());
  EXPECT_NE(compilation->plan, nullptr);
  // `b` is declared and never read: a warning, printed, and the rules still run.
  EXPECT_NE(err_.str().find("warning: fact `b` is declared but no rule reads it"),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(err_.str().find("error"), std::string::npos) << err_.str();
}

TEST_F(LoadCompiledRules, SaysTheRulesDoNotCompileAndHowManyErrors) {
  const std::string rules = write("broken.gate",
                                  "facts { a: bool }\n"
                                  "gate g { require b\n require c }\n");
  EXPECT_FALSE(load_compiled_rules({rules}, io_).has_value());
  const std::string err = err_.str();
  EXPECT_NE(err.find("broken.gate:2:"), std::string::npos) << err;
  EXPECT_NE(err.find("error: the rules do not compile (2 errors)"), std::string::npos) << err;
  EXPECT_NE(err.find("`dealgate check` shows them on their own"), std::string::npos) << err;
}

TEST_F(LoadCompiledRules, NamesTheRulesAsTheCommandAsks) {
  const std::string rules = write("new.gate", "gate g { require nothing_declared }\n");
  EXPECT_FALSE(load_compiled_rules({rules}, io_, "the new rules (`new.gate`)").has_value());
  EXPECT_NE(err_.str().find("error: the new rules (`new.gate`) do not compile (1 error)"),
            std::string::npos)
      << err_.str();
}

TEST_F(LoadCompiledRules, APathThatCannotBeReadIsReportedAndNotCompiled) {
  EXPECT_FALSE(load_compiled_rules({(dir_ / "absent.gate").string()}, io_).has_value());
  EXPECT_NE(err_.str().find("absent.gate"), std::string::npos) << err_.str();
  EXPECT_EQ(err_.str().find("do not compile"), std::string::npos) << err_.str();
}

TEST_F(LoadCompiledRules, UnreadableFactsAreNamedBeforeAnyWork) {
  EXPECT_EQ(unreadable_reason("-"), "");
  EXPECT_EQ(unreadable_reason(write("deals.jsonl", "{}\n")), "");
  EXPECT_EQ(unreadable_reason(dir_.string()), "`" + dir_.string() + "` is a folder");
  const std::string absent = (dir_ / "absent.jsonl").string();
  EXPECT_EQ(unreadable_reason(absent), "cannot open `" + absent + "`: No such file or directory");
}

}  // namespace
}  // namespace dealgate::cli
