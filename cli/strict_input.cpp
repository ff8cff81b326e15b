#include "cli/strict_input.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/enum_words.hpp"
#include "base/suggest.hpp"
#include "cli/messages.hpp"
#include "cli/plural.hpp"
#include "engine/facts/source_mapping.hpp"

namespace dealgate::cli {
namespace {

// Header cells named one by one in the message; a wider export's rest is counted.
constexpr std::size_t kColumnsNamed = 12;

std::string named(const std::string& path) {
  return path == "-" ? std::string("standard input") : fmt::format("`{}`", path);
}

// A raw invalid value as the user wrote it: a table's cell is kept as a JSON string, whose
// quotes the user never typed.
std::string shown_raw(std::string_view raw, bool table) {
  if (table && raw.size() >= 2 && raw.front() == '"' && raw.back() == '"' &&
      raw.find('\\') == std::string_view::npos) {
    raw = raw.substr(1, raw.size() - 2);
  }
  return fmt::format("`{}`", raw);
}

std::string expected_of(ValueType type) {
  static constexpr const char* kExpected[] = {"true or false",
                                              "a number",
                                              "a text",
                                              "a date, YYYY-MM-DD",
                                              "a list (a JSON array)",
                                              "a record (a JSON object)"};
  return enum_word<ValueType::Bool, ValueType::Record>(type, kExpected, "");
}

}  // namespace

void InvalidValues::add(const Facts& facts) {
  if (slots_.size() < facts.top.size()) slots_.resize(facts.top.size());
  for (std::size_t i = 0; i < facts.top.size(); ++i) {
    const FactValue& value = facts.top[i];
    if (value.state == FactState::Missing) continue;
    Slot& slot = slots_[i];
    ++slot.values;
    if (value.state != FactState::Invalid) continue;
    ++slot.invalid;
    if (slot.examples.size() < kInvalidExamples) slot.examples.emplace_back(facts.text(value));
  }
}

void InvalidValues::merge(const InvalidValues& later) {
  if (slots_.size() < later.slots_.size()) slots_.resize(later.slots_.size());
  for (std::size_t i = 0; i < later.slots_.size(); ++i) {
    Slot& slot = slots_[i];
    const Slot& more = later.slots_[i];
    slot.values += more.values;
    slot.invalid += more.invalid;
    for (const std::string& example : more.examples) {
      if (slot.examples.size() < kInvalidExamples) slot.examples.push_back(example);
    }
  }
}

std::string unmatched_header_error(const Schema& schema,
                                   const std::vector<const SourceSpec*>& sources,
                                   const ReadStatus& status) {
  std::vector<std::string> candidates;
  for (std::string& path : schema.all_paths()) {
    if (path.find("[]") == std::string::npos) candidates.push_back(std::move(path));
  }
  for (const SourceSpec* source : sources) {
    for (const SourceColumn& column : source->columns) candidates.push_back(column.header);
  }
  std::string message = status.error;
  std::string seen;
  for (std::size_t i = 0; i < status.header.size() && i < kColumnsNamed; ++i) {
    seen += fmt::format("{}`{}`", i == 0 ? "" : ", ", status.header[i]);
  }
  if (status.header.size() > kColumnsNamed) {
    seen += fmt::format(" and {} more", status.header.size() - kColumnsNamed);
  }
  message += fmt::format("\n  = note: the header has {}: {}",
                         count_of(status.header.size(), "column"), seen);
  for (std::size_t i = 0; i < status.header.size() && i < kColumnsNamed; ++i) {
    const std::string& cell = status.header[i];
    if (cell.empty() || candidates.empty()) continue;
    std::string near = did_you_mean(cell, candidates);
    if (near.empty()) {
      const auto nearest = std::min_element(
          candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) {
            return edit_distance(cell, a) < edit_distance(cell, b);
          });
      near = fmt::format("nothing declared is near; the nearest is `{}`", *nearest);
    }
    message += fmt::format("\n  = note: column {} `{}`: {}", i + 1, cell, near);
  }
  return message;
}

std::string no_records_message(const std::string& path, const ReadStatus& status) {
  switch (status.shape) {
    case InputShape::Nothing:
      return fmt::format("{} is empty: it holds no deals", named(path));
    case InputShape::Blank:
      return fmt::format("{} holds only blank lines: no deals", named(path));
    case InputShape::EmptyArray:
      return fmt::format("{} is an empty JSON array `[]`: no deals", named(path));
    case InputShape::HeaderOnly: {
      std::string header;
      for (std::size_t i = 0; i < status.header.size() && i < kColumnsNamed; ++i) {
        header += fmt::format("{}`{}`", i == 0 ? "" : ", ", status.header[i]);
      }
      if (status.header.size() > kColumnsNamed) header += ", ...";
      std::string skipped;
      if (status.footer_rows > 0) {
        skipped +=
            fmt::format(" and the report's footer ({})", count_of(status.footer_rows, "line"));
      }
      return fmt::format("{} holds only a header row ({}){}: no deals", named(path), header,
                         skipped);
    }
    case InputShape::Records:
      break;
  }
  return fmt::format("{} holds no deals", named(path));
}

bool check_strict_input(const StrictInput& strict, const Schema& schema,
                        const std::vector<SourceSpec>& sources, const std::string& path,
                        const ReadStatus& status, std::uint64_t records,
                        const InvalidValues& invalid, std::ostream& err, bool color) {
  if (records == 0) {
    if (strict.allow_empty) return true;
    print_error(err, no_records_message(path, status),
                "an export without deals is taken for a broken one (exit 3); for a batch shard "
                "that may be empty, pass --allow-empty",
                color);
    return false;
  }
  const SourceSpec* source = nullptr;
  for (const SourceSpec& spec : sources) {
    if (!status.source.empty() && spec.name == status.source) source = &spec;
  }
  const bool table = !status.header.empty();
  std::vector<NodeIndex> node_of_slot(schema.frames()[0].width, kNoNode);
  for (NodeIndex n = 0; n < schema.nodes().size(); ++n) {
    if (schema.node(n).frame == 0) node_of_slot[schema.node(n).slot] = n;
  }
  bool ok = true;
  const std::vector<InvalidValues::Slot>& slots = invalid.slots();
  for (std::size_t i = 0; i < slots.size() && i < node_of_slot.size(); ++i) {
    const InvalidValues::Slot& slot = slots[i];
    if (slot.values < kMinValuesJudged || slot.invalid == 0 ||
        static_cast<double>(slot.invalid) <=
            strict.max_invalid * static_cast<double>(slot.values)) {
      continue;
    }
    const NodeIndex node = node_of_slot[i];
    if (node == kNoNode) continue;
    const SchemaNode& fact = schema.node(node);
    std::string column = fmt::format("fact `{}`", fact.path);
    std::string expected = expected_of(fact.type);
    std::string example;
    if (source != nullptr) {
      for (const SourceColumn& c : source->columns) {
        if (c.node != node) continue;
        column = fmt::format("column `{}` (fact `{}`)", c.header, fact.path);
        expected = describe_expected(c);
        example = format_example(c);
      }
    } else if (table) {
      column = fmt::format("column `{}`", fact.path);
    }
    std::string raw;
    for (std::size_t e = 0; e < slot.examples.size(); ++e) {
      raw += (e == 0 ? "" : ", ") + shown_raw(slot.examples[e], table);
    }
    print_error(err,
                fmt::format("{}: {} of {} values are not {}, such as {}", column, slot.invalid,
                            slot.values, expected, raw),
                fmt::format("more than --max-invalid {} of the column is invalid, so the export "
                            "or its format looks wrong{}; every deal was still evaluated, with "
                            "`{}` invalid",
                            strict.max_invalid,
                            example.empty() ? "" : fmt::format(" (expected like `{}`)", example),
                            fact.path),
                color);
    ok = false;
  }
  return ok;
}

}  // namespace dealgate::cli
