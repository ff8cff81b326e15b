// The `source` declarations: each column fills a declared fact (not a field inside a list), in a
// format that fits the fact's type; a column name and a fact appear once per source; a date
// pattern names year, month and day; a source's name is unique. Builds the SourceSpec the readers
// apply (engine/schema/source_spec.hpp).
#include <fmt/format.h>

#include <map>

#include "base/enum_words.hpp"
#include "base/suggest.hpp"
#include "engine/check/checker_internal.hpp"
#include "engine/check/source_constant.hpp"

namespace dealgate::checking {

namespace {

using Format = ast::SourceLine::Format;

std::string dotted(const std::vector<ast::Ident>& path) {
  std::string out;
  for (const ast::Ident& segment : path) out += (out.empty() ? "" : ".") + segment.name;
  return out;
}

// The type a format fills, or nothing for Plain (any type).
std::optional<ValueType> format_type(Format f) {
  switch (f) {
    case Format::Money:
    case Format::Number:
    case Format::Percent:
      return ValueType::Number;
    case Format::Date:
      return ValueType::Date;
    case Format::Bool:
      return ValueType::Bool;
    case Format::List:
      return ValueType::List;
    case Format::Plain:
      break;
  }
  return std::nullopt;
}

// The readers' name for each format, in the order of ast::SourceLine::Format.
CellFormat cell_format(Format f) {
  static constexpr CellFormat kCells[] = {
      CellFormat::Plain, CellFormat::Money, CellFormat::Number, CellFormat::Percent,
      CellFormat::Date,  CellFormat::Bool,  CellFormat::List};
  return enum_lookup<Format::Plain, Format::List>(f, kCells, CellFormat::Plain);
}

}  // namespace

void Checker::check_sources() {
  const Schema& schema = out_.schema;
  std::map<std::string, Span> names;
  for (const ast::SourceDecl* decl : out_.source_decls) {
    auto [first, inserted] = names.emplace(decl->name.name, decl->name.span);
    if (!inserted) {
      diag_.add({Severity::Error,
                 "duplicate-source",
                 fmt::format("a source named `{}` is already declared", decl->name.name),
                 decl->name.span,
                 "give each export its own name; `--source NAME` picks one",
                 {{first->second, "first declared here"}}});
      continue;
    }
    SourceSpec spec;
    spec.name = decl->name.name;
    if (decl->label) spec.label = decl->label->text;
    std::map<std::string, Span> columns;
    std::map<NodeIndex, Span> filled;
    bool ok = true;
    // The fact a column or constant fills, or kNoNode after a diagnostic.
    auto target = [&](const ast::SourceLine& line) -> NodeIndex {
      const std::string name = dotted(line.fact);
      NodeIndex node = schema.find_path(name);
      if (node == kNoNode) {
        std::vector<std::string> candidates;
        for (const SchemaNode& n : schema.nodes()) {
          if (n.path.find('[') == std::string::npos) candidates.push_back(n.path);
        }
        std::string help = did_you_mean(name, candidates);
        if (help.empty()) help = fmt::format("declare it in `facts {{ {}: string }}`", name);
        diag_.error("unknown-fact", line.fact_span,
                    fmt::format("`{}` is not a declared fact", name), help);
        return kNoNode;
      }
      const SchemaNode& n = schema.node(node);
      if (n.path.find('[') != std::string::npos) {
        diag_.add(
            {Severity::Error,
             "source-fact-in-list",
             fmt::format("`{}` is a field inside a list; a column fills a fact of the deal", name),
             line.fact_span,
             "a list is one column: a JSON array, or `as list \";\"` for a list<string>",
             {{n.span, "declared here"}}});
        return kNoNode;
      }
      auto [previous, fresh] = filled.emplace(node, line.fact_span);
      if (!fresh) {
        diag_.add({Severity::Error,
                   "duplicate-source-fact",
                   fmt::format("`{}` is filled twice in source `{}`", name, spec.name),
                   line.fact_span,
                   "one column (or constant) fills a fact; remove one of the lines",
                   {{previous->second, "first filled here"}}});
        return kNoNode;
      }
      fact_used_[node] = true;
      return node;
    };
    for (const ast::SourceLine& line : decl->lines) {
      if (line.kind == ast::SourceLine::Kind::Footer) {
        for (const ast::StringLiteral& start : line.footer) {
          if (start.text.empty()) {
            diag_.error("empty-footer", start.span, "a footer line cannot start with nothing",
                        "write the words the footer starts with, like `footer \"Grand Totals\"`");
            ok = false;
          } else {
            spec.footer.push_back(start.text);
          }
        }
        continue;
      }
      if (line.kind == ast::SourceLine::Kind::Constant) {
        NodeIndex node = target(line);
        if (node == kNoNode) {
          ok = false;
          continue;
        }
        const SchemaNode& n = schema.node(node);
        if (n.type == ValueType::List || n.type == ValueType::Record) {
          diag_.error("source-constant-type", line.fact_span,
                      fmt::format("`{}` is a {}; a constant gives one value", n.path,
                                  value_type_word(n.type)),
                      "give constants to a string, number, date or bool fact");
          ok = false;
          continue;
        }
        if (std::optional<ConstantProblem> problem = constant_problem(n.type, line.value.text)) {
          diag_.add({Severity::Error,
                     "source-constant-value",
                     problem->message,
                     line.value.span,
                     problem->help,
                     {{n.span, fmt::format("`{}` is declared as {} here", n.path,
                                           value_type_word(n.type))}}});
          ok = false;
          continue;
        }
        spec.constants.push_back({node, n.path, n.type, line.value.text});
        continue;
      }
      const std::string key = header_key(line.column.text);
      if (key.empty()) {
        diag_.error("empty-column", line.column.span, "the column name is empty",
                    "write the column's name as the export's header row has it");
        ok = false;
        continue;
      }
      auto [first_column, fresh] = columns.emplace(key, line.column.span);
      if (!fresh) {
        diag_.add({Severity::Error,
                   "duplicate-column",
                   fmt::format("column \"{}\" is mapped twice in source `{}`", line.column.text,
                               spec.name),
                   line.column.span,
                   "column names are compared without case and extra spaces; keep one line",
                   {{first_column->second, "first mapped here"}}});
        ok = false;
        continue;
      }
      NodeIndex node = target(line);
      if (node == kNoNode) {
        ok = false;
        continue;
      }
      const SchemaNode& n = schema.node(node);
      SourceColumn column;
      column.header = line.column.text;
      column.node = node;
      column.path = n.path;
      column.type = n.type;
      column.format = cell_format(line.format);
      if (line.pattern) column.pattern = line.pattern->text;
      std::optional<ValueType> wanted = format_type(line.format);
      bool fits = !wanted || *wanted == n.type;
      if (fits && line.format == Format::List) {
        const SchemaNode* element = n.element == kNoNode ? nullptr : &schema.node(n.element);
        fits = element != nullptr && element->type == ValueType::String;
      }
      if (!fits) {
        diag_.add(
            {Severity::Error,
             "source-format-type",
             fmt::format("`as {}` fills a {}, but `{}` is declared as {}",
                         ast::format_word(line.format),
                         line.format == Format::List ? "list<string>" : value_type_word(*wanted),
                         n.path, value_type_word(n.type)),
             line.format_span,
             "money, number and percent fill numbers; date a date; bool a bool; list a "
             "list<string>",
             {{n.span, "declared here"}}});
        ok = false;
        continue;
      }
      if (line.format == Format::Date) {
        std::string error;
        std::optional<DatePattern> pattern = parse_date_pattern(column.pattern, error);
        if (!pattern) {
          diag_.error("date-pattern", line.pattern->span,
                      fmt::format("\"{}\" is not a date pattern: {}", column.pattern, error),
                      "write it as the export does, like \"MM/DD/YYYY\", \"DD.MM.YYYY\", "
                      "\"YYYY-MM-DD HH:mm\" or \"ISO\"");
          ok = false;
          continue;
        }
        column.date = std::move(*pattern);
      } else if (line.format == Format::List) {
        if (column.pattern.empty()) {
          diag_.error("list-separator", line.pattern->span, "the list separator is empty",
                      "write the character between the items, like `as list \";\"`");
          ok = false;
          continue;
        }
        column.separator = column.pattern;
      } else if (line.pattern) {
        std::optional<NumberPattern> pattern = parse_number_pattern(column.pattern);
        if (!pattern) {
          diag_.error("number-pattern", line.pattern->span,
                      fmt::format("\"{}\" is not a sample number", column.pattern),
                      "write a sample with the export's separators: \"1,234.56\", \"1.234,56\", "
                      "\"1 234,56\" or \"1'234.56\"");
          ok = false;
          continue;
        }
        column.number = *pattern;
      }
      spec.columns.push_back(std::move(column));
    }
    if (ok) out_.sources.push_back(std::move(spec));
  }
}

}  // namespace dealgate::checking
