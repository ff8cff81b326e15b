// `dealgate lsp` as an editor starts it: the program on standard input and output.
#include "cli/lsp_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_binary.hpp"

namespace dealgate::cli {
namespace {

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(LspCommand, AnswersOnStandardOutputAndExitsZeroAfterShutdown) {
  const std::string uri = std::string("file://") + DEALGATE_SOURCE_DIR + "/rules/delivery.gate";
  const std::string open =
      nlohmann::json{{"jsonrpc", "2.0"},
                     {"method", "textDocument/didOpen"},
                     {"params",
                      {{"textDocument",
                        {{"uri", uri},
                         {"languageId", "dealgate"},
                         {"version", 1},
                         {"text", testing::slurp(std::string(DEALGATE_SOURCE_DIR) +
                                                 "/rules/delivery.gate")}}}}}}
          .dump();
  testing::Run run = testing::run_dealgate(
      "lsp --stdio",
      framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
          framed(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") + framed(open) +
          framed(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
          framed(R"({"jsonrpc":"2.0","method":"exit"})"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out.rfind("Content-Length: ", 0), 0u);
  EXPECT_NE(run.out.find(R"("serverInfo":{"name":"dealgate")"), std::string::npos);
  // The shipped rules check clean, the other file of the folder too.
  EXPECT_NE(run.out.find(R"("diagnostics":[],"uri":")" + uri + "\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("/rules/delivery_entry.gate\"}"), std::string::npos);
  EXPECT_NE(run.out.find(R"({"id":2,"jsonrpc":"2.0","result":null})"), std::string::npos);
}

TEST(LspCommand, InputThatEndsWithoutExitIsExitCodeOne) {
  testing::Run run = testing::run_dealgate("lsp", "Content-Length: 2\r\n\r\n{}");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find(R"("code":-32600)"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace dealgate::cli
