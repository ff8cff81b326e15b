// A deal id as people read it. Ids are kept as the raw JSON of the id field (`"D-1"`, `42`); the
// CLI's text, CSV and HTML reports and the library's Evaluation::id() show them decoded, the same
// way.
#pragma once

#include <string>
#include <string_view>

namespace dealgate {

// A JSON string decoded (`"D1"` -> `D1`, `"caf\u00e9"` -> `café`, a surrogate pair -> one code
// point), other JSON as written (`42`), and an empty string for `null` or nothing. A string with a
// bad escape is not JSON; it is kept as written, quotes and all.
std::string id_text(std::string_view id_json);

}  // namespace dealgate
