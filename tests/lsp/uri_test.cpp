#include "lsp/uri.hpp"

#include <gtest/gtest.h>

namespace dealgate::lsp {
namespace {

TEST(PathFromUri, DecodesFileUris) {
  EXPECT_EQ(path_from_uri("file:///home/a/rules/x.gate"), "/home/a/rules/x.gate");
  EXPECT_EQ(path_from_uri("file:///home/a/rules%20v2/caf%C3%A9.gate"),
            "/home/a/rules v2/caf\xC3\xA9.gate");
  EXPECT_EQ(path_from_uri("file://localhost/x.gate"), "/x.gate");
  EXPECT_EQ(path_from_uri("file:///x.gate?query#frag"), "/x.gate");
  EXPECT_EQ(path_from_uri("file:///a%2"), "/a%2") << "a broken escape stays as written";
}

TEST(PathFromUri, OtherSchemesAndHostsHaveNoPath) {
  for (const char* uri : {"untitled:Untitled-1", "file://server/share/x.gate", "file://", ""}) {
    EXPECT_EQ(path_from_uri(uri), std::nullopt) << uri;
  }
}

TEST(UriFromPath, EncodesWhatAUriCannotHold) {
  EXPECT_EQ(uri_from_path("/home/a/rules v2/caf\xC3\xA9#1.gate"),
            "file:///home/a/rules%20v2/caf%C3%A9%231.gate");
  for (std::string path : {"/a b/c.gate", "/x/%41.gate", "/\xF0\x9F\x98\x80/y_z-1~.gate"}) {
    EXPECT_EQ(path_from_uri(uri_from_path(path)), path);
  }
}

}  // namespace
}  // namespace dealgate::lsp
