#include "cli/lsp_command.hpp"

#include "lsp/server.hpp"

#ifndef DEALGATE_VERSION
#define DEALGATE_VERSION "unknown"
#endif

namespace dealgate::cli {

int run_lsp(std::istream& in, const Io& io) {
  lsp::Server server(io.out, {DEALGATE_VERSION, true});
  return server.run(in);
}

}  // namespace dealgate::cli
