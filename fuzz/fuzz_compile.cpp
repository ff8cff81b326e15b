// libFuzzer target: arbitrary bytes as one rule file, through parse, check and plan. Whatever the
// bytes, compile() returns diagnostics or a plan; it never crashes, hangs or overflows the stack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/compile/compiler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  dealgate::Compilation c = dealgate::compile({{"fuzz.gate", std::move(text)}});
  // A compilation has a plan exactly when it has no errors.
  if (c.ok() == c.diagnostics.has_errors()) __builtin_trap();
  return 0;
}
