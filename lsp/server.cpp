#include "lsp/server.hpp"

#include "lsp/completion.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/document_symbols.hpp"
#include "lsp/formatting.hpp"
#include "lsp/framing.hpp"
#include "lsp/hover.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"

namespace dealgate::lsp {
namespace {

constexpr int kSyncFull = 1;

Json capabilities() {
  return {{"positionEncoding", "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", kSyncFull}}},
          {"completionProvider", {{"triggerCharacters", {"."}}}},
          {"hoverProvider", true},
          {"definitionProvider", true},
          {"referencesProvider", true},
          {"documentFormattingProvider", true},
          {"documentSymbolProvider", true}};
}

}  // namespace

Server::Server(std::ostream& out, ServerOptions options)
    : out_(out), options_(std::move(options)), workspace_(documents_, options_.read_folders) {
  register_methods();
}

int Server::run(std::istream& in) {
  MessageReader reader(in);
  while (!exited()) {
    Frame frame = reader.next();
    if (frame.kind == Frame::Kind::End) break;
    if (frame.kind == Frame::Kind::Malformed) {
      send(error_response(nullptr, rpc_error::kParseError,
                          "unreadable message header: " + frame.problem));
      continue;
    }
    handle(frame.body);
  }
  return exit_code();
}

void Server::handle(std::string_view body) {
  if (std::optional<Json> reply = dispatcher_.handle(body)) send(*reply);
}

void Server::send(const Json& message) {
  write_message(out_, serialize(message));
}

Dispatcher::Request Server::when_running(Dispatcher::Request handler) {
  return [this, handler = std::move(handler)](const Params& params) -> Json {
    if (state_ == State::Starting) {
      throw RpcError(rpc_error::kServerNotInitialized, "the server has not been initialized");
    }
    if (state_ != State::Running)
      throw RpcError(rpc_error::kInvalidRequest, "the server is shutting down");
    return handler(params);
  };
}

Dispatcher::Notification Server::if_running(Dispatcher::Notification handler) {
  return [this, handler = std::move(handler)](const Params& params) {
    if (state_ == State::Running) handler(params);
  };
}

void Server::register_methods() {
  dispatcher_.on_request("initialize", [this](const Params&) -> Json {
    if (state_ != State::Starting)
      throw RpcError(rpc_error::kInvalidRequest, "the server is already initialized");
    state_ = State::Running;
    return {{"capabilities", capabilities()},
            {"serverInfo", {{"name", "dealgate"}, {"version", options_.version}}}};
  });
  dispatcher_.on_notification("initialized", [](const Params&) {});
  dispatcher_.on_request("shutdown", when_running([this](const Params&) -> Json {
                           state_ = State::ShuttingDown;
                           shutdown_requested_ = true;
                           return nullptr;
                         }));
  dispatcher_.on_notification("exit", [this](const Params&) { state_ = State::Exited; });

  dispatcher_.on_notification("textDocument/didOpen", if_running([this](const Params& p) {
                                const std::string uri(p.string("/textDocument/uri"));
                                documents_.open(uri, std::string(p.string("/textDocument/text")),
                                                p.integer("/textDocument/version"));
                                changed(documents_.get(uri));
                              }));
  dispatcher_.on_notification(
      "textDocument/didChange", if_running([this](const Params& p) {
        const Document& doc = documents_.get(p.string("/textDocument/uri"));
        std::string text = doc.source.text();
        for (const Params& change : p.array("/contentChanges")) {
          if (change.has("/range")) {
            // An incremental change, though this server asks for whole texts: apply it all the
            // same.
            const SourceFile before(doc.source.path(), text);
            text = splice(text, offset_or_throw(before, change.position("/range/start")),
                          offset_or_throw(before, change.position("/range/end")),
                          change.string("/text"));
          } else {
            text = std::string(change.string("/text"));
          }
        }
        documents_.update(doc.uri, std::move(text), p.integer("/textDocument/version"));
        changed(doc);
      }));
  dispatcher_.on_notification(
      "textDocument/didClose", if_running([this](const Params& p) {
        const std::string uri(p.string("/textDocument/uri"));
        const std::string rule_set = Workspace::rule_set_key(documents_.get(uri));
        documents_.close(uri);
        for (const auto& [other, open] : documents_.all()) {
          if (Workspace::rule_set_key(open) == rule_set) {
            changed(open);  // the closed file is compiled as saved from now on
            return;
          }
        }
        workspace_.forget_closed();
        clear(rule_set);
      }));

  dispatcher_.on_request("textDocument/completion", when_running([this](const Params& p) -> Json {
                           Cursor at = cursor(p);
                           return complete(*at.rules, at.document.source, at.current_offset);
                         }));
  dispatcher_.on_request("textDocument/hover", when_running([this](const Params& p) -> Json {
                           Cursor at = cursor(p);
                           return at.file ? hover(*at.rules, *at.file, at.offset) : Json(nullptr);
                         }));
  dispatcher_.on_request("textDocument/definition", when_running([this](const Params& p) -> Json {
                           Cursor at = cursor(p);
                           return at.file ? definition(*at.rules, *at.file, at.offset, documents_)
                                          : Json(nullptr);
                         }));
  dispatcher_.on_request(
      "textDocument/references", when_running([this](const Params& p) -> Json {
        Cursor at = cursor(p);
        const bool with_declaration = p.boolean_or("/context/includeDeclaration", true);
        return at.file ? references(*at.rules, *at.file, at.offset, with_declaration, documents_)
                       : Json::array();
      }));
  dispatcher_.on_request(
      "textDocument/formatting", when_running([this](const Params& p) -> Json {
        return format_document(documents_.get(p.string("/textDocument/uri")).source);
      }));
  dispatcher_.on_request(
      "textDocument/documentSymbol", when_running([this](const Params& p) -> Json {
        const Document& doc = documents_.get(p.string("/textDocument/uri"));
        std::shared_ptr<const CompiledRuleSet> rules = workspace_.for_questions(doc);
        std::optional<FileId> file = rules->file_of(doc.source.path());
        const ast::File* parsed = file ? rules->ast_of(*file) : nullptr;
        return parsed ? document_symbols(*parsed, rules->analysis.sources.file(*file))
                      : Json::array();
      }));
}

Server::Cursor Server::cursor(const Params& params) {
  const Document& doc = documents_.get(params.string("/textDocument/uri"));
  const Position position = params.position("/position");
  Cursor at{doc, workspace_.for_questions(doc), std::nullopt, 0,
            offset_or_throw(doc.source, position)};
  at.file = at.rules->file_of(doc.source.path());
  if (at.file) {
    const SourceFile& compiled = at.rules->analysis.sources.file(*at.file);
    at.offset = compiled.text() == doc.source.text()
                    ? at.current_offset
                    : offset_at(compiled, position)
                          .value_or(static_cast<std::uint32_t>(compiled.text().size()));
  }
  return at;
}

void Server::changed(const Document& doc) {
  publish(*workspace_.recompile(doc), Workspace::rule_set_key(doc));
}

void Server::publish(const CompiledRuleSet& compiled, const std::string& rule_set) {
  std::set<std::string> now;
  for (Json& params : publish_diagnostics_params(compiled.analysis, documents_)) {
    now.insert(params["uri"].get<std::string>());
    send(notification("textDocument/publishDiagnostics", std::move(params)));
  }
  for (const std::string& uri : published_[rule_set]) {
    if (!now.count(uri)) {
      send(notification("textDocument/publishDiagnostics",
                        {{"uri", uri}, {"diagnostics", Json::array()}}));
    }
  }
  published_[rule_set] = std::move(now);
}

void Server::clear(const std::string& rule_set) {
  for (const std::string& uri : published_[rule_set]) {
    send(notification("textDocument/publishDiagnostics",
                      {{"uri", uri}, {"diagnostics", Json::array()}}));
  }
  published_.erase(rule_set);
}

}  // namespace dealgate::lsp
