#include "lsp/json_rpc.hpp"

#include <gtest/gtest.h>

namespace dealgate::lsp {
namespace {

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() {
    dispatcher.on_request("echo",
                          [](const Params& p) -> Json { return std::string(p.string("/text")); });
    dispatcher.on_request("where", [](const Params& p) -> Json {
      Position at = p.position("/position");
      return {at.line, at.character};
    });
    dispatcher.on_request(
        "fails", [](const Params&) -> Json { throw RpcError(rpc_error::kRequestFailed, "no"); });
    dispatcher.on_request("breaks", [](const Params&) -> Json { throw std::runtime_error("bug"); });
    dispatcher.on_notification(
        "note", [this](const Params& p) { notes.push_back(std::string(p.string("/text"))); });
  }

  Json handle(const std::string& body) {
    std::optional<Json> reply = dispatcher.handle(body);
    return reply ? *reply : Json("no reply");
  }

  Dispatcher dispatcher;
  std::vector<std::string> notes;
};

TEST_F(DispatcherTest, ARequestGetsItsResultUnderItsId) {
  Json reply = handle(R"({"jsonrpc":"2.0","id":7,"method":"echo","params":{"text":"hi"}})");
  EXPECT_EQ(reply, Json::parse(R"({"jsonrpc":"2.0","id":7,"result":"hi"})"));
  reply = handle(R"({"jsonrpc":"2.0","id":"a-1","method":"echo","params":{"text":"hi"}})");
  EXPECT_EQ(reply["id"], "a-1");
}

TEST_F(DispatcherTest, ANotificationGetsNoReply) {
  EXPECT_EQ(handle(R"({"jsonrpc":"2.0","method":"note","params":{"text":"x"}})"), "no reply");
  EXPECT_EQ(notes, std::vector<std::string>{"x"});
  EXPECT_EQ(handle(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}})"),
            "no reply");
}

TEST_F(DispatcherTest, AnUnknownMethodIsMethodNotFound) {
  Json reply = handle(R"({"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{}})");
  EXPECT_EQ(reply["id"], 3);
  EXPECT_EQ(reply["error"]["code"], rpc_error::kMethodNotFound);
  EXPECT_EQ(reply["error"]["message"],
            "dealgate's language server has no method `workspace/symbol`");
}

TEST_F(DispatcherTest, BadJsonIsAParseErrorWithANullId) {
  Json reply = handle(R"({"jsonrpc":"2.0","id":3,"method":)");
  EXPECT_TRUE(reply["id"].is_null());
  EXPECT_EQ(reply["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(handle("\xFF\xFE")["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(handle("")["error"]["code"], rpc_error::kParseError);
}

TEST_F(DispatcherTest, WhatIsNoRequestIsAnInvalidRequest) {
  EXPECT_EQ(handle("[1,2]")["error"]["code"], rpc_error::kInvalidRequest);
  EXPECT_EQ(handle(R"({"id":{"a":1},"method":"echo"})")["error"]["code"],
            rpc_error::kInvalidRequest);
  Json no_method = handle(R"({"jsonrpc":"2.0","id":4})");
  EXPECT_EQ(no_method["error"]["code"], rpc_error::kInvalidRequest);
  EXPECT_EQ(no_method["id"], 4);
  EXPECT_EQ(handle(R"({"jsonrpc":"2.0","id":4,"method":12})")["error"]["code"],
            rpc_error::kInvalidRequest);
}

TEST_F(DispatcherTest, TheClientsResponsesAreIgnored) {
  EXPECT_EQ(handle(R"({"jsonrpc":"2.0","id":1,"result":null})"), "no reply");
  EXPECT_EQ(handle(R"({"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}})"), "no reply");
}

TEST_F(DispatcherTest, MissingOrWrongParamsAreInvalidParamsNamingThePath) {
  Json reply = handle(R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"text":5}})");
  EXPECT_EQ(reply["error"]["code"], rpc_error::kInvalidParams);
  EXPECT_EQ(reply["error"]["message"], "`text` is missing or not a string");
  reply = handle(R"({"jsonrpc":"2.0","id":1,"method":"echo"})");
  EXPECT_EQ(reply["error"]["code"], rpc_error::kInvalidParams);
  reply = handle(R"({"jsonrpc":"2.0","id":1,"method":"where","params":{"position":{"line":1}}})");
  EXPECT_EQ(reply["error"]["message"], "`position.character` is missing or not an integer");
  reply = handle(
      R"({"jsonrpc":"2.0","id":1,"method":"where","params":{"position":{"line":-1,"character":0}}})");
  EXPECT_EQ(reply["error"]["message"], "`position.line` must be between 0 and 2147483647");
  reply = handle(
      R"({"jsonrpc":"2.0","id":1,"method":"where","params":{"position":{"line":2,"character":5}}})");
  EXPECT_EQ(reply["result"], Json::parse("[2,5]"));
}

TEST_F(DispatcherTest, AHandlersFailureIsAnErrorResponse) {
  Json reply = handle(R"({"jsonrpc":"2.0","id":1,"method":"fails"})");
  EXPECT_EQ(reply["error"]["code"], rpc_error::kRequestFailed);
  EXPECT_EQ(reply["error"]["message"], "no");
  reply = handle(R"({"jsonrpc":"2.0","id":2,"method":"breaks"})");
  EXPECT_EQ(reply["error"]["code"], rpc_error::kInternalError);
  EXPECT_EQ(reply["error"]["message"], "bug");
}

TEST_F(DispatcherTest, ANotificationThatFailsIsLogged) {
  Json reply = handle(R"({"jsonrpc":"2.0","method":"note","params":{}})");
  EXPECT_EQ(reply["method"], "window/logMessage");
  EXPECT_EQ(reply["params"]["type"], 1);
  EXPECT_EQ(reply["params"]["message"], "note: `text` is missing or not a string");
}

TEST(Params, ReadsArraysAndOptionalBools) {
  simdjson::dom::parser parser;
  const std::string json = R"({"a":[{"t":"x"},{"t":"y"}],"b":false})";
  simdjson::dom::element root = parser.parse(json);
  Params params(root);
  std::vector<Params> items = params.array("/a");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].string("/t"), "y");
  EXPECT_FALSE(params.boolean_or("/b", true));
  EXPECT_TRUE(params.boolean_or("/c", true));
  EXPECT_TRUE(params.has("/a/0/t"));
  EXPECT_FALSE(params.has("/z"));
  EXPECT_THROW(params.array("/b"), RpcError);
}

TEST(Serialize, ReplacesInvalidUtf8) {
  EXPECT_EQ(serialize(Json{{"m", std::string("a\xFFz")}}), "{\"m\":\"a\xEF\xBF\xBDz\"}");
}

}  // namespace
}  // namespace dealgate::lsp
