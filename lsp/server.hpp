// `dealgate lsp`: the language server. Reads framed JSON-RPC messages, answers them, and
// publishes diagnostics after every change, until `exit` or the end of its input.
#pragma once

#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/workspace.hpp"

namespace dealgate::lsp {

struct ServerOptions {
  std::string version = "unknown";  // reported in `initialize`'s serverInfo
  bool read_folders = true;         // compile a document with the .gate files beside it
};

class Server {
 public:
  explicit Server(std::ostream& out, ServerOptions options = {});

  // Serves until `exit` or the end of `in`. The exit code: 0 after `shutdown` then `exit`, else 1
  // (as the protocol asks, so a client can tell a crash-like end from an orderly one).
  int run(std::istream& in);
  // One message's body (tests drive the server with this).
  void handle(std::string_view body);
  bool exited() const { return state_ == State::Exited; }
  int exit_code() const { return shutdown_requested_ ? 0 : 1; }

 private:
  enum class State { Starting, Running, ShuttingDown, Exited };

  void send(const Json& message);
  void register_methods();
  // A request handler that answers only while running; another state gets the protocol's error.
  Dispatcher::Request when_running(Dispatcher::Request handler);
  Dispatcher::Notification if_running(Dispatcher::Notification handler);

  void changed(const Document& doc);
  void publish(const CompiledRuleSet& compiled, const std::string& rule_set);
  void clear(const std::string& rule_set);

  // The document a request names, its compiled rule set and the cursor's offset in that
  // compilation's text of it (an older text while the document does not parse).
  struct Cursor {
    const Document& document;
    std::shared_ptr<const CompiledRuleSet> rules;
    std::optional<FileId> file;
    std::uint32_t offset = 0;          // in the compiled text
    std::uint32_t current_offset = 0;  // in the document as the editor has it
  };
  Cursor cursor(const Params& params);

  std::ostream& out_;
  ServerOptions options_;
  State state_ = State::Starting;
  bool shutdown_requested_ = false;
  Dispatcher dispatcher_;
  DocumentStore documents_;
  Workspace workspace_;
  // The URIs each rule set last published diagnostics for, so files that left it are cleared.
  std::map<std::string, std::set<std::string>> published_;
};

}  // namespace dealgate::lsp
