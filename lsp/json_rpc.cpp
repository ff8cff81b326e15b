#include "lsp/json_rpc.hpp"

#include <limits>

namespace dealgate::lsp {
namespace {

// "/textDocument/uri" -> `textDocument.uri`, as a message names it.
std::string dotted(std::string_view pointer) {
  std::string out(pointer.substr(pointer.empty() ? 0 : 1));
  for (char& c : out) {
    if (c == '/') c = '.';
  }
  return "`" + (out.empty() ? std::string("params") : out) + "`";
}

RpcError invalid_params(std::string_view pointer, const char* expected) {
  return {rpc_error::kInvalidParams, dotted(pointer) + " is missing or not " + expected};
}

std::optional<Json> read_id(simdjson::dom::element id) {
  std::int64_t number;
  if (id.get(number) == simdjson::SUCCESS) return Json(number);
  std::string_view text;
  if (id.get(text) == simdjson::SUCCESS) return Json(std::string(text));
  return std::nullopt;
}

}  // namespace

simdjson::dom::element Params::at(std::string_view pointer, const char* expected) const {
  simdjson::dom::element value;
  if (!root_ || root_->at_pointer(pointer).get(value) != simdjson::SUCCESS) {
    throw invalid_params(pointer, expected);
  }
  return value;
}

bool Params::has(std::string_view pointer) const {
  simdjson::dom::element value;
  return root_ && root_->at_pointer(pointer).get(value) == simdjson::SUCCESS && !value.is_null();
}

std::string_view Params::string(std::string_view pointer) const {
  std::string_view text;
  if (at(pointer, "a string").get(text) != simdjson::SUCCESS)
    throw invalid_params(pointer, "a string");
  return text;
}

std::int64_t Params::integer(std::string_view pointer) const {
  std::int64_t number;
  if (at(pointer, "an integer").get(number) != simdjson::SUCCESS) {
    throw invalid_params(pointer, "an integer");
  }
  return number;
}

bool Params::boolean_or(std::string_view pointer, bool fallback) const {
  bool value;
  return has(pointer) && at(pointer, "a bool").get(value) == simdjson::SUCCESS ? value : fallback;
}

Position Params::position(std::string_view pointer) const {
  const std::string base(pointer);
  auto coordinate = [&](const char* name) {
    std::int64_t n = integer(base + "/" + name);
    if (n < 0 || n > std::numeric_limits<std::int32_t>::max()) {
      throw RpcError(rpc_error::kInvalidParams,
                     dotted(base + "/" + name) + " must be between 0 and 2147483647");
    }
    return static_cast<std::uint32_t>(n);
  };
  return {coordinate("line"), coordinate("character")};
}

std::vector<Params> Params::array(std::string_view pointer) const {
  simdjson::dom::array items;
  if (at(pointer, "an array").get(items) != simdjson::SUCCESS)
    throw invalid_params(pointer, "an array");
  std::vector<Params> out;
  for (simdjson::dom::element item : items) out.emplace_back(item);
  return out;
}

std::optional<Json> Dispatcher::handle(std::string_view body) {
  simdjson::dom::element root;
  if (auto error = parser_.parse(body.data(), body.size()).get(root)) {
    return error_response(
        nullptr, rpc_error::kParseError,
        std::string("the message is not JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object message;
  if (root.get(message) != simdjson::SUCCESS) {
    return error_response(nullptr, rpc_error::kInvalidRequest, "a message is a JSON object");
  }
  std::optional<Json> id;
  simdjson::dom::element id_element;
  const bool has_id = message["id"].get(id_element) == simdjson::SUCCESS;
  if (has_id && !(id = read_id(id_element))) {
    return error_response(nullptr, rpc_error::kInvalidRequest, "`id` is an integer or a string");
  }
  std::string_view method;
  if (message["method"].get(method) != simdjson::SUCCESS) {
    // A response from the client, to a request this server never sends.
    if (has_id && (message["result"].error() == simdjson::SUCCESS ||
                   message["error"].error() == simdjson::SUCCESS)) {
      return std::nullopt;
    }
    return error_response(id.value_or(nullptr), rpc_error::kInvalidRequest,
                          "a request has a string `method`");
  }
  std::optional<simdjson::dom::element> params_element;
  if (simdjson::dom::element p; message["params"].get(p) == simdjson::SUCCESS) params_element = p;
  const Params params(params_element);

  if (!has_id) {
    auto handler = notifications_.find(method);
    if (handler == notifications_.end()) return std::nullopt;  // unknown notifications are ignored
    try {
      handler->second(params);
      return std::nullopt;
    } catch (const std::exception& e) {
      return notification("window/logMessage",
                          {{"type", 1}, {"message", std::string(method) + ": " + e.what()}});
    }
  }
  auto handler = requests_.find(method);
  if (handler == requests_.end()) {
    return error_response(*id, rpc_error::kMethodNotFound,
                          "dealgate's language server has no method `" + std::string(method) + "`");
  }
  try {
    return response(*id, handler->second(params));
  } catch (const RpcError& e) {
    return error_response(*id, e.code, e.what());
  } catch (const std::exception& e) {
    return error_response(*id, rpc_error::kInternalError, e.what());
  }
}

Json response(const Json& id, Json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json error_response(const Json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Json notification(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

std::string serialize(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dealgate::lsp
