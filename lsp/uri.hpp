// `file:` URIs and the paths they name. A document under another scheme (`untitled:`) has no
// path: it is a rule set of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealgate::lsp {

// `file:///home/a/rules%20v2/x.gate` -> `/home/a/rules v2/x.gate`; nullopt for other schemes.
std::optional<std::string> path_from_uri(std::string_view uri);

// The reverse: every byte but letters, digits, `-._~/` percent-encoded.
std::string uri_from_path(std::string_view path);

}  // namespace dealgate::lsp
