#include "lsp/workspace.hpp"

#include <gtest/gtest.h>

#include "temp_folder.hpp"

namespace dealgate::lsp {
namespace {

using testing::TempFolder;

TEST(Workspace, ARuleSetIsTheGateFilesOfTheFolderWithOpenBuffersInPlaceOfTheSavedText) {
  TempFolder folder("workspace_files");
  folder.write("a.gate", "saved a");
  folder.write("b.gate", "saved b");
  folder.write("notes.txt", "not a rule file");
  folder.write("sub/c.gate", "another rule set");
  DocumentStore documents;
  documents.open(folder.uri("b.gate"), "edited b", 2);
  Workspace workspace(documents, true);
  auto files = workspace.rule_set_files(documents.get(folder.uri("b.gate")));
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0], std::make_pair(folder.path("a.gate"), std::string("saved a")));
  EXPECT_EQ(files[1], std::make_pair(folder.path("b.gate"), std::string("edited b")));
}

TEST(Workspace, AnUnsavedDocumentIsARuleSetOfItsOwn) {
  DocumentStore documents;
  documents.open("untitled:1", "x", 1);
  documents.open("untitled:2", "y", 1);
  Workspace workspace(documents, true);
  auto files = workspace.rule_set_files(documents.get("untitled:1"));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].first, "untitled:1");
}

TEST(Workspace, WithoutReadingFoldersOnlyOpenDocumentsCount) {
  TempFolder folder("workspace_no_read");
  folder.write("a.gate", "saved a");
  DocumentStore documents;
  documents.open(folder.uri("b.gate"), "b", 1);
  Workspace workspace(documents, false);
  EXPECT_EQ(workspace.rule_set_files(documents.get(folder.uri("b.gate"))).size(), 1u);
}

TEST(Workspace, QuestionsAreAnsweredFromTheLastVersionThatParsed) {
  DocumentStore documents;
  documents.open("untitled:r", "milestone m { require true }", 1);
  Workspace workspace(documents, false);
  const Document& doc = documents.get("untitled:r");
  auto good = workspace.recompile(doc);
  ASSERT_TRUE(good->analysis.checked);
  documents.update("untitled:r", "milestone m { require ", 2);
  auto broken = workspace.recompile(doc);
  EXPECT_FALSE(broken->analysis.checked);
  EXPECT_EQ(workspace.for_questions(doc), good);
  documents.update("untitled:r", "milestone n { require true }", 3);
  auto fixed = workspace.recompile(doc);
  EXPECT_EQ(workspace.for_questions(doc), fixed);
  EXPECT_EQ(fixed->file_of("untitled:r"), 0u);
  EXPECT_NE(fixed->ast_of(0), nullptr);
  EXPECT_EQ(fixed->file_of("other"), std::nullopt);
}

TEST(Workspace, ForgetsTheRuleSetsOfClosedDocuments) {
  DocumentStore documents;
  documents.open("untitled:a", "milestone m { require true }", 1);
  documents.open("untitled:b", "milestone n { require true }", 1);
  Workspace workspace(documents, false);
  auto a = workspace.recompile(documents.get("untitled:a"));
  workspace.recompile(documents.get("untitled:b"));
  documents.close("untitled:a");
  auto forgotten = workspace.forget_closed();
  ASSERT_EQ(forgotten.size(), 1u);
  EXPECT_EQ(forgotten[0], a);
  EXPECT_TRUE(workspace.forget_closed().empty());
}

}  // namespace
}  // namespace dealgate::lsp
