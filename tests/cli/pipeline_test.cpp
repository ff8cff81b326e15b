// The parallel pipeline writes exactly what one thread writes: same bytes, same tallies, for every
// thread count and block size, on input with malformed, blank, CRLF and overlong lines.
#include "cli/pipeline.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <vector>

#include "engine/compile/compiler.hpp"

namespace dealgate::cli {
namespace {

constexpr const char* kRules = R"(
facts {
  id: string
  value: { confirmed: bool, price: number }
  stakeholders: list<{ role: string, engaged: bool }>
  last_customer_contact: date
}
milestone priced { require value.price > 0 else "price is {value.price}" }
gate ready {
  requires priced
  require value.confirmed
  require any(s in stakeholders: s.role == "economic_buyer" and s.engaged) else "no buyer"
  warn recent: today - last_customer_contact <= 30 else "{today - last_customer_contact} days"
}
gate cheap { require value.price < 1000 else "price {value.price} is not cheap" }
)";

// A deal that varies with `i`: passing, failing, unknown (missing and invalid facts).
std::string deal(int i) {
  std::ostringstream d;
  d << "{\"id\":\"D" << i << "\"";
  if (i % 7 != 3)
    d << ",\"value\":{\"confirmed\":" << (i % 5 ? "true" : "false")
      << ",\"price\":" << (i % 11 == 0 ? "\"free\"" : std::to_string(i * 37 % 2000)) << "}";
  if (i % 4 != 1) {
    d << ",\"stakeholders\":[{\"role\":\"economic_buyer\",\"engaged\":"
      << (i % 3 ? "true" : "false") << "}]";
  }
  d << ",\"last_customer_contact\":\"2026-" << (i % 2 ? "11-20" : "09-01") << "\"}";
  return d.str();
}

// The pieces one after another (operator+ on temporaries trips a false -Wrestrict in GCC 12).
std::string cat(std::initializer_list<std::string> pieces) {
  std::string out;
  for (const std::string& piece : pieces) out += piece;
  return out;
}

// JSON Lines with the awkward cases: a BOM, blank lines, CRLF, malformed records, a record that
// is not an object, one over the size limit of a line-based reader, and no final newline.
std::string awkward_input(int records) {
  std::string text = "\xEF\xBB\xBF";
  for (int i = 1; i <= records; ++i) {
    if (i % 13 == 0) text += "\n";         // a blank line
    if (i % 17 == 0) text += "   \t\r\n";  // a blank line with spaces and a CR
    if (i % 19 == 0) {
      text += "{\"id\":\"bad\",\"value\":{\"price\": 12,}}\n";  // malformed
      continue;
    }
    if (i % 23 == 0) {
      text += "[1,2,3]\n";  // not an object
      continue;
    }
    text += deal(i);
    text += i % 5 == 0 ? "\r\n" : "\n";
  }
  text += deal(records + 1);  // no final newline
  return text;
}

class Pipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    compilation_ = compile({{"p.gate", kRules}});
    ASSERT_TRUE(compilation_.ok());
    options_.today = days_from_civil(2026, 11, 26);
  }
  void TearDown() override {
    for (const std::string& path : files_) std::remove(path.c_str());
  }

  std::string file_with(const std::string& text) {
    char name[] = "/tmp/dealgate_pipeline_XXXXXX";
    const int fd = mkstemp(name);
    EXPECT_GE(fd, 0);
    close(fd);
    std::ofstream(name, std::ios::binary) << text;
    files_.emplace_back(name);
    return name;
  }

  struct Run {
    std::string output;
    EvalTally tally;
    std::string error;
  };
  Run run(const std::string& path, OutputFormat format, unsigned threads, std::size_t block_bytes) {
    Run r;
    std::ostringstream out, err;
    auto writer = make_writer(format, *compilation_.plan, out);
    Progress progress(err, false);
    r.error = evaluate_facts(*compilation_.plan, options_, FactsSource{path}, *writer, progress,
                             PipelineOptions{threads, block_bytes}, r.tally);
    writer->finish();
    r.output = out.str();
    EXPECT_EQ(progress.done(), r.tally.records);
    return r;
  }

  void expect_same_for_every_thread_count(const std::string& path) {
    for (OutputFormat format :
         {OutputFormat::Jsonl, OutputFormat::Json, OutputFormat::Csv, OutputFormat::Text}) {
      const Run one = run(path, format, 1, 1 << 20);
      for (unsigned threads : {2u, 3u, 8u}) {
        for (std::size_t block :
             {std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{4096}}) {
          SCOPED_TRACE(::testing::Message() << "format " << static_cast<int>(format) << ", "
                                            << threads << " threads, blocks of " << block);
          const Run many = run(path, format, threads, block);
          EXPECT_EQ(many.output, one.output);
          EXPECT_EQ(many.error, one.error);
          EXPECT_EQ(many.tally.records, one.tally.records);
          EXPECT_EQ(many.tally.unreadable, one.tally.unreadable);
          EXPECT_EQ(many.tally.not_passed, one.tally.not_passed);
          EXPECT_EQ(many.tally.first_error, one.tally.first_error);
        }
      }
    }
  }

  Compilation compilation_;
  EvalOptions options_;
  std::vector<std::string> files_;
};

TEST_F(Pipeline, ByteIdenticalForEveryThreadCountAndBlockSize) {
  const std::string path = file_with(awkward_input(300));
  const Run one = run(path, OutputFormat::Jsonl, 1, 1 << 20);
  // Every input record has its line: 300 deals + 1 without a final newline, lines counted with
  // the blank ones.
  EXPECT_EQ(one.tally.records, 301u);
  EXPECT_EQ(one.tally.unreadable, 15u + 13u);  // 15 malformed (i % 19), 13 not objects (i % 23)
  EXPECT_EQ(one.tally.first_error.rfind("line 21: invalid JSON", 0), 0u) << one.tally.first_error;
  EXPECT_NE(one.output.find("{\"id\":\"D1\",\"line\":1,"), std::string::npos);
  expect_same_for_every_thread_count(path);
}

TEST_F(Pipeline, LineNumbersCountBlankLinesAcrossBlocks) {
  const std::string path = file_with(cat({"\n", deal(1), "\n\n\n", deal(2), "\r\n\r\n", deal(3)}));
  const Run many = run(path, OutputFormat::Jsonl, 3, 1);
  EXPECT_NE(many.output.find("\"line\":2,"), std::string::npos);
  EXPECT_NE(many.output.find("\"line\":5,"), std::string::npos);
  EXPECT_NE(many.output.find("\"line\":7,"), std::string::npos);
  EXPECT_EQ(many.tally.records, 3u);
}

TEST_F(Pipeline, OtherInputFormsAreReadAsWithOneThread) {
  // A JSON array, and one pretty-printed document, are not split into lines.
  expect_same_for_every_thread_count(file_with(cat({"[", deal(1), ",\n", deal(2), ", 7]"})));
  expect_same_for_every_thread_count(file_with("{\n  \"id\": \"P1\",\n  \"value\": {}\n}\n"));
  const Run array =
      run(file_with(cat({"[", deal(1), ",", deal(2), "]"})), OutputFormat::Jsonl, 2, 1);
  EXPECT_EQ(array.tally.records, 2u);
}

TEST_F(Pipeline, EmptyInputAndAMissingFile) {
  expect_same_for_every_thread_count(file_with(""));
  expect_same_for_every_thread_count(file_with("\n\n  \n"));
  const Run missing = run("/nonexistent/deals.jsonl", OutputFormat::Jsonl, 2, 64);
  EXPECT_NE(missing.error.find("cannot open"), std::string::npos);
  EXPECT_EQ(missing.tally.records, 0u);
}

TEST_F(Pipeline, ManyRecordsKeepTheirOrder) {
  std::string text;
  for (int i = 1; i <= 5000; ++i) {
    text += deal(i);
    text += '\n';
  }
  const std::string path = file_with(text);
  const Run one = run(path, OutputFormat::Jsonl, 1, 1 << 20);
  for (unsigned threads : {2u, 8u}) {
    const Run many = run(path, OutputFormat::Jsonl, threads, 1000);
    EXPECT_EQ(many.output, one.output);
  }
}


// A stream buffer that counts how often it is flushed, and what it held each time.
class FlushCounter final : public std::stringbuf {
 public:
  std::vector<std::size_t> lines_at_flush;

 protected:
  int sync() override {
    const std::string text = str();
    lines_at_flush.push_back(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    return 0;
  }
};

// Deals typed at a terminal are answered one by one: each result reaches the stream, and the
// stream is flushed, before the next deal is read.
TEST_F(Pipeline, TypedDealsAreAnsweredOneByOne) {
  const std::string path = file_with(deal(1) + "\n" + deal(2) + "\n" + deal(3) + "\n");
  FlushCounter counter;
  std::ostream out(&counter);
  auto writer = make_writer(OutputFormat::Jsonl, *compilation_.plan, out);
  std::ostringstream err;
  Progress progress(err, false);
  EvalTally tally;
  PipelineOptions pipeline;
  pipeline.flush_each_record = &out;
  evaluate_facts(*compilation_.plan, options_, FactsSource{path}, *writer, progress, pipeline,
                 tally);
  EXPECT_EQ(counter.lines_at_flush, (std::vector<std::size_t>{1, 2, 3}));
  writer->finish();
}

}  // namespace
}  // namespace dealgate::cli
