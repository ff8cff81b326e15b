// A client for the protocol-level tests: drives a Server through handle() with the messages an
// editor would send, and reads back what it wrote.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace dealgate::lsp::testing {

class TestClient {
 public:
  explicit TestClient(bool read_folders = false) : server_(out_, {"test", read_folders}) {}

  // Sends `initialize` and `initialized`; returns the result.
  Json initialize() {
    Json result = request("initialize", {{"capabilities", Json::object()}})["result"];
    notify("initialized", Json::object());
    return result;
  }

  void send_raw(const std::string& body) { server_.handle(body); }

  void notify(const std::string& method, Json params) {
    send_raw(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }

  // The response to the request (the whole message); notifications written meanwhile are kept.
  Json request(const std::string& method, Json params = nullptr) {
    const int id = ++last_id_;
    Json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null()) message["params"] = std::move(params);
    send_raw(message.dump());
    Json response;
    for (Json& m : read()) {
      if (m.contains("id") && m["id"] == id) {
        response = std::move(m);
      } else {
        notifications.push_back(std::move(m));
      }
    }
    return response;
  }

  // Every message written since the last call, in order.
  std::vector<Json> read() {
    std::istringstream in(out_.str());
    out_.str("");
    std::vector<Json> messages;
    MessageReader reader(in);
    for (Frame f = reader.next(); f.kind == Frame::Kind::Message; f = reader.next()) {
      messages.push_back(Json::parse(f.body));
    }
    return messages;
  }

  // The diagnostics last published for `uri` since the last call (read() included).
  Json diagnostics_for(const std::string& uri) {
    for (Json& m : read()) notifications.push_back(std::move(m));
    Json found;
    for (const Json& n : notifications) {
      if (n.value("method", "") == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri) {
        found = n["params"]["diagnostics"];
      }
    }
    return found;
  }

  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "dealgate"}, {"version", version}, {"text", text}}}});
  }

  void change(const std::string& uri, const std::string& text, int version) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                      {"contentChanges", {{{"text", text}}}}});
  }

  // textDocument/* params naming a document and a position.
  static Json at(const std::string& uri, int line, int character) {
    return {{"textDocument", {{"uri", uri}}},
            {"position", {{"line", line}, {"character", character}}}};
  }

  Server& server() { return server_; }
  std::vector<Json> notifications;

 private:
  std::ostringstream out_;
  Server server_;
  int last_id_ = 0;
};

// The 0-based line and character of the first `needle` in `text` (ASCII text only), plus `shift`.
inline std::pair<int, int> find_in(const std::string& text, const std::string& needle,
                                   int shift = 0) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const int line =
      static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  const int character =
      static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1));
  return {line, character + shift};
}

}  // namespace dealgate::lsp::testing
