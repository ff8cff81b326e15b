// JSON-RPC 2.0 as LSP uses it: a request gets exactly one response (a result or an error), a
// notification none. Messages are read with simdjson and written with nlohmann::json.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dealgate::lsp {

using Json = nlohmann::json;

// The error codes of JSON-RPC and LSP that this server answers with.
namespace rpc_error {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
}  // namespace rpc_error

// Thrown by a handler to answer its request with an error.
struct RpcError : std::runtime_error {
  RpcError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

struct Position {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // 0-based, in UTF-16 code units
};

// A message's `params` (or a part of them), valid while its handler runs. Each accessor takes a
// JSON pointer ("/textDocument/uri") and throws RpcError(InvalidParams) naming what is missing.
class Params {
 public:
  explicit Params(std::optional<simdjson::dom::element> root) : root_(root) {}

  bool has(std::string_view pointer) const;
  std::string_view string(std::string_view pointer) const;
  std::int64_t integer(std::string_view pointer) const;
  bool boolean_or(std::string_view pointer, bool fallback) const;
  Position position(std::string_view pointer) const;
  // The elements of an array, each as Params.
  std::vector<Params> array(std::string_view pointer) const;

 private:
  simdjson::dom::element at(std::string_view pointer, const char* expected) const;

  std::optional<simdjson::dom::element> root_;
};

class Dispatcher {
 public:
  using Request = std::function<Json(const Params&)>;
  using Notification = std::function<void(const Params&)>;

  void on_request(const std::string& method, Request handler) {
    requests_[method] = std::move(handler);
  }
  void on_notification(const std::string& method, Notification handler) {
    notifications_[method] = std::move(handler);
  }

  // Handles one message body. Returns what to send back: the response to a request, a
  // `window/logMessage` when a notification could not be handled, nothing otherwise (and for the
  // client's responses, which this server never asks for).
  std::optional<Json> handle(std::string_view body);

 private:
  simdjson::dom::parser parser_;
  std::map<std::string, Request, std::less<>> requests_;
  std::map<std::string, Notification, std::less<>> notifications_;
};

Json response(const Json& id, Json result);
Json error_response(const Json& id, int code, const std::string& message);
Json notification(const std::string& method, Json params);

// One message as it goes on the wire: invalid UTF-8 (from a rule file on disk) becomes U+FFFD
// instead of an exception.
std::string serialize(const Json& message);

}  // namespace dealgate::lsp
