// libFuzzer target: the language server's message reader and everything behind it. The bytes are
// what a client sends on standard input: framed or not, JSON or not, any method with any params.
// The server must answer or ignore each message and never crash, hang or leak. It reads no
// folders (read_folders off), so no input makes it touch the disk.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  dealgate::lsp::Server server(out, {"fuzz", false});
  server.run(in);
  return 0;
}
