// A `source` declaration after checking: how the columns of one CRM export (a Salesforce report, a
// HubSpot deals export) become facts. Pure data, shared by the checker (which builds it), the plan
// (which holds it) and the readers of tabular input (engine/facts/source_mapping.hpp, which apply
// it to a header row and to cells).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/schema/schema.hpp"

namespace dealgate {

// How a column's cells are written in the export.
enum class CellFormat : std::uint8_t {
  Plain,    // as a CSV cell of the fact's type (engine/facts/csv_facts.hpp)
  Money,    // `$1,200,000.00`, `USD 640,000.00`, `1.200.000,00 €`: a number
  Number,   // `1,200,000.5`, `1.200.000,5`: a number with thousands separators
  Percent,  // `15.00%` or `15`: the number divided by 100 (0.15)
  Date,     // by a pattern: `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYY-MM-DD HH:mm`, `ISO`
  Bool,     // TRUE/FALSE, Y/N, yes/no, 1/0, checked/unchecked, on/off, in any case
  List,     // `a;b;c` into list<string>, split on a separator
};

// The separators of a number written with thousands separators, read from a sample such as
// `1,234.56` (the default), `1.234,56`, `1 234,56` or `1'234.56`.
struct NumberPattern {
  char group = ',';  // 0: no grouping in the sample
  char decimal = '.';
};
// The pattern a sample describes, or nothing when it is not such a sample.
std::optional<NumberPattern> parse_number_pattern(std::string_view sample);

// A date pattern, compiled: a sequence of fields and literal characters.
struct DatePattern {
  enum class Piece : std::uint8_t {
    Year,
    Month,
    Day,
    Hour24,
    Hour12,
    Minute,
    Second,
    Meridiem,
    Zone,
    Fraction,
    Literal
  };
  struct Part {
    Piece piece = Piece::Literal;
    char literal = 0;
  };
  bool iso = false;  // `ISO`: YYYY-MM-DD, optionally with a time (`T` or a space) and a zone
  std::vector<Part> parts;
};
// Compiles `MM/DD/YYYY` and the like (YYYY MM M DD D HH H hh h mm ss A Z .SSS, anything else is
// literal), or sets `error` to what is wrong with it.
std::optional<DatePattern> parse_date_pattern(std::string_view text, std::string& error);

// One column of a source.
struct SourceColumn {
  std::string header;  // as the export writes it: `Close Date`
  NodeIndex node = kNoNode;
  std::string path;  // the fact it fills: `close_date`
  ValueType type = ValueType::String;
  CellFormat format = CellFormat::Plain;
  std::string pattern;  // as written: `MM/DD/YYYY`, `1.234,56`, `;`
  NumberPattern number;
  DatePattern date;
  std::string separator;  // List
};

// A fact every record of the source gets, whatever its columns say: `currency = "USD"`.
struct SourceConstant {
  NodeIndex node = kNoNode;
  std::string path;
  ValueType type = ValueType::String;
  std::string text;  // read like a plain cell of the fact's type
};

struct SourceSpec {
  std::string name;   // `salesforce`, for --source
  std::string label;  // `Salesforce opportunity report (Export Details)`, or empty
  std::vector<SourceColumn> columns;
  std::vector<SourceConstant> constants;
  // A row whose first cell starts with one of these begins the report's footer: it and every row
  // after it are skipped and counted, not read as deals.
  std::vector<std::string> footer;
};

// How a header cell is compared with a source's column names: trimmed, runs of spaces as one,
// case ignored, so `Close  Date` and `close date` find `Close Date`.
std::string header_key(std::string_view cell);

}  // namespace dealgate
