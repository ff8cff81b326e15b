#include "lsp/documents.hpp"

#include <gtest/gtest.h>

#include "lsp/json_rpc.hpp"

namespace dealgate::lsp {
namespace {

TEST(DocumentStore, KeepsTheEditorsText) {
  DocumentStore store;
  store.open("file:///r/a%20b.gate", "one", 1);
  const Document& doc = store.get("file:///r/a%20b.gate");
  EXPECT_EQ(doc.path, "/r/a b.gate");
  EXPECT_EQ(doc.source.path(), "/r/a b.gate");
  EXPECT_EQ(doc.source.text(), "one");
  store.update("file:///r/a%20b.gate", "two", 2);
  EXPECT_EQ(doc.source.text(), "two");
  EXPECT_EQ(doc.version, 2);
  EXPECT_EQ(store.find_path("/r/a b.gate"), &doc);
  store.close("file:///r/a%20b.gate");
  EXPECT_EQ(store.find("file:///r/a%20b.gate"), nullptr);
}

TEST(DocumentStore, ADocumentWithoutAPathIsNamedByItsUri) {
  DocumentStore store;
  store.open("untitled:1", "x", 1);
  EXPECT_EQ(store.get("untitled:1").path, std::nullopt);
  EXPECT_EQ(store.find_path("untitled:1"), store.find("untitled:1"));
}

TEST(DocumentStore, ADocumentThatIsNotOpenIsInvalidParams) {
  DocumentStore store;
  try {
    store.update("file:///nope.gate", "x", 1);
    FAIL();
  } catch (const RpcError& e) {
    EXPECT_EQ(e.code, rpc_error::kInvalidParams);
    EXPECT_STREQ(e.what(), "the document `file:///nope.gate` is not open");
  }
  EXPECT_THROW(store.get("file:///nope.gate"), RpcError);
  store.close("file:///nope.gate");  // nothing to close: no harm
}

TEST(Splice, ReplacesARange) {
  EXPECT_EQ(splice("hello world", 6, 11, "there"), "hello there");
  EXPECT_EQ(splice("abc", 1, 1, "X"), "aXbc");
  EXPECT_EQ(splice("abc", 2, 0, ""), "c") << "a reversed range is read in order";
}

}  // namespace
}  // namespace dealgate::lsp
