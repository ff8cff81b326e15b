// The server as a client meets it: every method, the lifecycle, and bad input of every kind,
// which gets an error response and never stops the server.
#include "lsp/server.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "sample_rules.hpp"
#include "temp_folder.hpp"
#include "test_client.hpp"

namespace dealgate::lsp {
namespace {

using testing::find_in;
using testing::kSampleRules;
using testing::TestClient;

const std::string kUri = "untitled:sample";

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    client.initialize();
    client.open(kUri, kSampleRules);
  }
  Json request_at(const std::string& method, const std::string& needle, int shift = 0) {
    auto [line, character] = find_in(kSampleRules, needle, shift);
    return client.request(method, TestClient::at(kUri, line, character));
  }

  TestClient client;
};

TEST(ServerLifecycle, InitializeAnswersWithTheCapabilities) {
  TestClient client;
  Json result = client.initialize();
  EXPECT_EQ(result["serverInfo"]["name"], "dealgate");
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["change"], 1) << "whole texts";
  for (const char* provider : {"hoverProvider", "definitionProvider", "referencesProvider",
                               "documentFormattingProvider", "documentSymbolProvider"}) {
    EXPECT_EQ(result["capabilities"][provider], true) << provider;
  }
  EXPECT_EQ(result["capabilities"]["completionProvider"]["triggerCharacters"],
            Json::parse(R"(["."])"));
  EXPECT_EQ(client.request("initialize", Json::object())["error"]["code"],
            rpc_error::kInvalidRequest);
}

TEST(ServerLifecycle, RequestsBeforeInitializeAreServerNotInitialized) {
  TestClient client;
  Json reply = client.request("textDocument/hover", TestClient::at(kUri, 0, 0));
  EXPECT_EQ(reply["error"]["code"], rpc_error::kServerNotInitialized);
  client.open(kUri, "gate g { require x }");
  EXPECT_TRUE(client.read().empty()) << "notifications before initialize are dropped";
}

TEST(ServerLifecycle, ShutdownThenExitEndsWithZero) {
  TestClient client;
  client.initialize();
  Json reply = client.request("shutdown");
  EXPECT_TRUE(reply.contains("result"));
  EXPECT_TRUE(reply["result"].is_null());
  EXPECT_EQ(client.request("textDocument/hover", TestClient::at(kUri, 0, 0))["error"]["code"],
            rpc_error::kInvalidRequest);
  EXPECT_FALSE(client.server().exited());
  client.notify("exit", nullptr);
  EXPECT_TRUE(client.server().exited());
  EXPECT_EQ(client.server().exit_code(), 0);
}

TEST(ServerLifecycle, ExitWithoutShutdownEndsWithOne) {
  TestClient client;
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_TRUE(client.server().exited());
  EXPECT_EQ(client.server().exit_code(), 1);
}

TEST(ServerRun, ServesAByteStreamAndGoesOnAfterBrokenFraming) {
  auto framed = [](const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  std::istringstream in(framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                        "Content-Type: nothing else\r\n\r\n" + framed("{not json") +
                        framed(R"({"jsonrpc":"2.0","id":2,"method":"no/such"})") +
                        framed(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") +
                        framed(R"({"jsonrpc":"2.0","method":"exit"})") + framed("never read"));
  std::ostringstream out;
  Server server(out, {"test", false});
  EXPECT_EQ(server.run(in), 0);
  std::istringstream written(out.str());
  MessageReader reader(written);
  std::vector<Json> replies;
  for (Frame f = reader.next(); f.kind == Frame::Kind::Message; f = reader.next()) {
    replies.push_back(Json::parse(f.body));
  }
  ASSERT_EQ(replies.size(), 5u);
  EXPECT_EQ(replies[0]["id"], 1);
  EXPECT_EQ(replies[1]["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(replies[1]["error"]["message"],
            "unreadable message header: a header without Content-Length");
  EXPECT_TRUE(replies[1]["id"].is_null());
  EXPECT_EQ(replies[2]["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(replies[3]["error"]["code"], rpc_error::kMethodNotFound);
  EXPECT_EQ(replies[3]["id"], 2);
  EXPECT_EQ(replies[4]["id"], 3);
}

TEST(ServerRun, TheEndOfInputWithoutExitEndsWithOne) {
  std::istringstream in("Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\"");
  std::ostringstream out;
  Server server(out, {"test", false});
  EXPECT_EQ(server.run(in), 1);
}

TEST_F(ServerTest, OpeningADocumentPublishesItsDiagnostics) {
  Json diagnostics = client.diagnostics_for(kUri);
  ASSERT_TRUE(diagnostics.is_array());
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.dump();
}

TEST_F(ServerTest, EveryChangePublishesTheCheckersDiagnosticsInUtf16) {
  std::string text = kSampleRules;
  const std::string typo = "  require lower(\"\xF0\x9F\x98\x80\") == \"x\" or value.confirmd\n";
  text.insert(text.find("  require roi:"), typo);
  client.change(kUri, text, 2);
  Json diagnostics = client.diagnostics_for(kUri);
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump();
  EXPECT_EQ(diagnostics[0]["code"], "unknown-fact");
  EXPECT_EQ(diagnostics[0]["message"],
            "`value.confirmd` is not a declared fact\nhelp: did you mean `value.confirmed`?");
  auto [line, byte_column] = find_in(text, "value.confirmd");
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], line);
  // The emoji is 4 bytes and 2 UTF-16 code units.
  EXPECT_EQ(diagnostics[0]["range"]["start"]["character"], byte_column - 2);
  EXPECT_EQ(diagnostics[0]["range"]["end"]["character"], byte_column - 2 + 14);
  client.change(kUri, kSampleRules, 3);
  EXPECT_TRUE(client.diagnostics_for(kUri).empty()) << "fixed: the list is cleared";
}

TEST_F(ServerTest, ASyntaxErrorIsOneDiagnosticWithWhatWasExpected) {
  client.change(kUri, "gate g {\n  require\n}\n", 2);
  Json diagnostics = client.diagnostics_for(kUri);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], 1);
  EXPECT_NE(diagnostics[0]["message"].get<std::string>().find("expected"), std::string::npos)
      << diagnostics[0]["message"];
}

TEST_F(ServerTest, IncrementalChangesAreAppliedToo) {
  auto [line, character] = find_in(kSampleRules, "value.confirmed\n", 6);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range",
                     {{"start", {{"line", line}, {"character", character}}},
                      {"end", {{"line", line}, {"character", character + 9}}}}},
                    {"text", "approved"}}}}});
  Json diagnostics = client.diagnostics_for(kUri);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["message"].get<std::string>().substr(0, 16), "`value.approved`");
}

TEST_F(ServerTest, Completion) {
  std::string text = kSampleRules;
  const std::size_t at = text.find("  require roi:");
  text.insert(at, "  require value.\n");
  client.change(kUri, text, 2);
  auto [line, character] = find_in(text, "value.\n", 6);
  Json reply = client.request("textDocument/completion", TestClient::at(kUri, line, character));
  std::vector<std::string> labels;
  for (const Json& item : reply["result"]["items"]) labels.push_back(item["label"]);
  EXPECT_EQ(labels, (std::vector<std::string>{"confirmed", "annual_benefit"}))
      << "from the last version that parsed: this one does not";
}

TEST_F(ServerTest, Hover) {
  Json reply = request_at("textDocument/hover", "* amount", 3);
  EXPECT_EQ(reply["result"]["contents"]["kind"], "markdown");
  EXPECT_EQ(reply["result"]["contents"]["value"].get<std::string>().substr(0, 30),
            "```dealgate\namount: number\n```");
  EXPECT_TRUE(request_at("textDocument/hover", "ruleset")["result"].is_null());
}

TEST_F(ServerTest, DefinitionAndReferences) {
  Json to = request_at("textDocument/definition", "requires value_confirmed", 10)["result"];
  EXPECT_EQ(to["uri"], kUri);
  EXPECT_EQ(to["range"]["start"]["line"], find_in(kSampleRules, "milestone value_confirmed").first);
  auto [line, character] = find_in(kSampleRules, "min_roi *");
  Json refs = client.request("textDocument/references",
                             {{"textDocument", {{"uri", kUri}}},
                              {"position", {{"line", line}, {"character", character}}},
                              {"context", {{"includeDeclaration", false}}}})["result"];
  EXPECT_EQ(refs.size(), 3u);
}

TEST_F(ServerTest, Formatting) {
  client.change(kUri, "facts {ok:bool}\ngate g{require ok}\n", 2);
  Json edits = client.request(
      "textDocument/formatting",
      {{"textDocument", {{"uri", kUri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
  ASSERT_EQ(edits["result"].size(), 1u);
  EXPECT_EQ(edits["result"][0]["newText"], "facts {\n  ok: bool\n}\n\ngate g {\n  require ok\n}\n");
  client.change(kUri, "gate g {", 3);
  Json failed = client.request("textDocument/formatting", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(failed["error"]["code"], rpc_error::kRequestFailed);
}

TEST_F(ServerTest, DocumentSymbols) {
  Json symbols =
      client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}})["result"];
  ASSERT_EQ(symbols.size(), 8u);
  EXPECT_EQ(symbols[5]["name"], "value_confirmed");
  client.change(kUri, "gate g {", 2);
  symbols =
      client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}})["result"];
  EXPECT_EQ(symbols.size(), 8u) << "the outline of the last version that parsed";
}

TEST_F(ServerTest, PositionsOutsideTheDocumentAreInvalidParams) {
  const int lines =
      static_cast<int>(std::count(kSampleRules.begin(), kSampleRules.end(), '\n')) + 1;
  for (const char* method : {"textDocument/completion", "textDocument/hover",
                             "textDocument/definition", "textDocument/references"}) {
    Json past = client.request(method, TestClient::at(kUri, lines, 0));
    EXPECT_EQ(past["error"]["code"], rpc_error::kInvalidParams) << method;
    EXPECT_EQ(past["error"]["message"], "line " + std::to_string(lines) +
                                            " is past the end of the document (" +
                                            std::to_string(lines) + " lines)");
    Json negative = client.request(method, TestClient::at(kUri, -1, 0));
    EXPECT_EQ(negative["error"]["code"], rpc_error::kInvalidParams) << method;
    Json far_right = client.request(method, TestClient::at(kUri, 0, 100000));
    EXPECT_TRUE(far_right.contains("result")) << method << ": a character past the line is its end";
  }
}

TEST_F(ServerTest, UnknownDocumentsAndMissingParamsAreInvalidParams) {
  for (const char* method :
       {"textDocument/completion", "textDocument/hover", "textDocument/definition",
        "textDocument/references", "textDocument/formatting", "textDocument/documentSymbol"}) {
    EXPECT_EQ(client.request(method, TestClient::at("untitled:nope", 0, 0))["error"]["code"],
              rpc_error::kInvalidParams)
        << method;
    EXPECT_EQ(client.request(method)["error"]["code"], rpc_error::kInvalidParams) << method;
  }
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", "untitled:nope"}, {"version", 1}}},
                 {"contentChanges", Json::array()}});
  std::vector<Json> logged = client.read();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0]["method"], "window/logMessage");
}

TEST_F(ServerTest, UnknownMethodsAndBadJsonGetErrorsAndTheServerGoesOn) {
  EXPECT_EQ(client.request("textDocument/rename", TestClient::at(kUri, 0, 0))["error"]["code"],
            rpc_error::kMethodNotFound);
  client.send_raw("{\"jsonrpc\":");
  client.send_raw("\xC3\x28");
  client.send_raw("null");
  std::vector<Json> errors = client.read();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0]["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(errors[1]["error"]["code"], rpc_error::kParseError);
  EXPECT_EQ(errors[2]["error"]["code"], rpc_error::kInvalidRequest);
  EXPECT_TRUE(request_at("textDocument/hover", "* amount", 3)["result"].is_object());
}

TEST(ServerFolders, AFileIsCompiledWithTheOtherFilesOfItsFolder) {
  testing::TempFolder folder("server_folder");
  folder.write(
      "facts.gate",
      "facts { ok: bool }\nmilestone base { require ok }\ngate later { requires helper }\n");
  TestClient client(true);
  client.initialize();
  const std::string gates =
      "gate g {\n  requires base\n  require ok\n}\nmilestone helper { require ok }\n";
  client.open(folder.uri("gates.gate"), gates);
  EXPECT_TRUE(client.diagnostics_for(folder.uri("gates.gate")).empty())
      << "names from facts.gate are known";
  EXPECT_TRUE(client.diagnostics_for(folder.uri("facts.gate")).empty());
  Json to = client.request("textDocument/definition",
                           TestClient::at(folder.uri("gates.gate"), 1, 12))["result"];
  EXPECT_EQ(to["uri"], folder.uri("facts.gate"));

  // An error the open buffer causes in the other file is shown there, and cleared with it.
  client.change(folder.uri("gates.gate"), "gate g {\n  requires base\n  require ok\n}\n", 2);
  Json elsewhere = client.diagnostics_for(folder.uri("facts.gate"));
  ASSERT_EQ(elsewhere.size(), 1u) << elsewhere.dump();
  EXPECT_EQ(elsewhere[0]["code"], "unknown-milestone");
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", folder.uri("gates.gate")}}}});
  EXPECT_TRUE(client.diagnostics_for(folder.uri("facts.gate")).empty())
      << "closed: every list is cleared";
  EXPECT_TRUE(client.diagnostics_for(folder.uri("gates.gate")).empty());
}

}  // namespace
}  // namespace dealgate::lsp
