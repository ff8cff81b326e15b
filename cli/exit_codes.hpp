// The exit codes of every command (SPEC §7); schedulers and scripts depend on them.
#pragma once

namespace dealgate::cli {

inline constexpr int kExitOk = 0;         // every evaluated gate passed; check: no errors
inline constexpr int kExitNotPassed = 1;  // some gate failed or is unknown
inline constexpr int kExitUsage = 2;      // usage error, or the rules do not compile
inline constexpr int kExitInput = 3;      // a record or the facts file could not be read
inline constexpr int kExitInternal = 4;   // a bug: an unexpected exception

}  // namespace dealgate::cli
