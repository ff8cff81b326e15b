// Values → slots: the one place where a value of a declared type becomes a fact in Facts, for every
// reader. A JSON record (one deal) is converted by the schema with simdjson's On-Demand API; a
// table row (CSV, an XLSX sheet: engine/facts/csv_facts.hpp) is stored cell by cell, each cell
// already read as a value of its column's type (engine/facts/cell_value.hpp), with no JSON in
// between. Internal to engine/: only .cpp files include it (it pulls in simdjson.h); the public
// entry points are engine/facts/json_facts.hpp and engine/facts/csv_facts.hpp.
//
// Conversion, per declared path and by its declared type (spec §6):
//   null or absent        → Missing (a missing record leaves its whole subtree Missing)
//   bool                  ← true/false
//   number                ← a JSON number (a string such as "12" is Invalid)
//   string                ← a JSON string
//   date                  ← a string holding `YYYY-MM-DD` or an ISO timestamp (date part used)
//   list<T>               ← an array; each element converted as T in its own frame; a bad element
//                           is an Invalid element, the list itself stays Present
//   record                ← an object; anything else makes the record slot and every slot below
//                           it in the same frame Invalid, all with the record's raw JSON as text
// Anything else of the wrong JSON type is Invalid, with its raw JSON text (`"abc"`, `{"a":1}`)
// kept in Facts::strings. Undeclared keys are ignored. Duplicate keys: the last one wins (an
// earlier record or list value is replaced as a whole). Keys are compared as written and only
// unescaped when that finds nothing and they hold an escape (`"\u0069d"` is `id`).
//
// Validation: every value is checked as JSON, the values of undeclared keys included (unless
// `validate_ignored` is off: then they are only skipped by bracket counting, as On-Demand does,
// and a bad literal or a mismatched bracket inside them goes unnoticed); stage 1 has checked UTF-8
// and that strings are closed. A number outside the range of a double (`1e400`) is invalid JSON,
// as simdjson has it. Nesting deeper than `max_depth` is an error. A record that is not valid
// JSON, or not an object, leaves `error` set and `facts` all Missing.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/facts/cell_value.hpp"
#include "engine/facts/facts.hpp"
#include "engine/facts/field_table.hpp"
#include "engine/schema/schema.hpp"

namespace dealgate {

namespace od = simdjson::ondemand;

// "invalid JSON: ..." in plain words for a simdjson error code.
std::string describe_json_error(simdjson::error_code error);

class FactsConverter {
 public:
  FactsConverter(const Schema& schema, std::string id_field, std::size_t max_depth,
                 bool validate_ignored);

  // One record: `len` bytes at `data`, readable up to `data + capacity` (capacity ≥ len +
  // simdjson::SIMDJSON_PADDING; the bytes after `len` may hold anything). Fills `facts`, sets
  // `id_json` to the raw JSON of the id field (`null` when absent) and returns true; or sets
  // `error` and returns false.
  bool read(const char* data, std::size_t len, std::size_t capacity, Facts& facts,
            std::string& id_json, std::string& error);

  // A JSON array of records: calls `emit()` once per element, in order, after filling
  // `facts`/`id_json`/`error` as `read` does (an element that is not an object is an error
  // record). An element larger than `max_element_bytes` is an error record. When the array itself
  // is broken, emits one more error record for the position where reading stopped and returns.
  void read_array(const char* data, std::size_t len, std::size_t capacity,
                  std::size_t max_element_bytes, Facts& facts, std::string& id_json,
                  std::string& error, const std::function<void()>& emit);

  // A table row, cell by cell: begin_cells starts a record in `facts` (all Missing); store_cell
  // puts the value of a non-empty cell into the slot of `node`, which is never inside a list (a
  // list is one column), and makes the records around it Present. The value's kind fits the
  // node's type (read_plain_cell and the checked formats of a source see to that). A JSON cell
  // (a list or record) is converted like that value in a JSON record; one that is not JSON does not
  // fit (store_unfit_cell). Returns false, with `error` set, only when a JSON cell cannot be
  // converted at all (nested deeper than `max_depth`): the row is then an error record.
  void begin_cells(Facts& facts);
  bool store_cell(const CellValue& value, NodeIndex node, std::string& error);
  // A cell that does not fit its column: the fact is Invalid (a record with its whole subtree),
  // the cell kept as a JSON string for explanations, as the JSON reader keeps a string where a
  // number belongs.
  void store_unfit_cell(NodeIndex node, std::string_view cell);

 private:
  // A frame of slots: frame 0 is Facts::top, list element frames live in Facts::pool. Held as
  // vector + base index because the pool may grow (and move) while nested lists are converted.
  struct Frame {
    std::vector<FactValue>* values;
    std::size_t base;
    FactValue& operator[](std::uint32_t slot) const { return (*values)[base + slot]; }
  };
  void begin_record(Facts& facts, std::string& error);
  simdjson::error_code read_root(od::document& doc, std::string& error);
  simdjson::error_code read_element(od::value& element, std::string& error);
  simdjson::error_code convert_fields(od::object& object, FieldTable& table, Frame frame,
                                      std::size_t depth, bool top);
  simdjson::error_code convert_value(od::value& value, NodeIndex node, Frame frame,
                                     std::size_t depth);
  bool try_declared(od::value& value, NodeIndex node, Frame frame, std::size_t depth,
                    simdjson::error_code& e);
  simdjson::error_code skip_ignored(od::value& value, std::size_t depth);
  void store_date(std::string_view text, std::string_view raw, FactValue& slot);
  simdjson::error_code convert_record(od::object& object, NodeIndex node, Frame frame,
                                      std::size_t depth);
  simdjson::error_code convert_list(od::array& array, NodeIndex node, Frame frame,
                                    std::size_t depth);
  // Reads past `value` checking it is valid JSON, and returns its raw text (trimmed).
  simdjson::error_code raw_text(od::value& value, od::json_type type, std::size_t depth,
                                std::string_view& text);
  // The raw text of a value just read past, from its first token: a scalar's token, or an
  // object or array up to where reading stopped (trimmed).
  std::string_view text_read(std::string_view token, od::json_type type);
  simdjson::error_code validate(od::value& value, std::size_t depth);
  simdjson::error_code validate_elements(od::array& array, std::size_t depth);
  simdjson::error_code invalid(od::value& value, od::json_type type, NodeIndex node, Frame frame,
                               std::size_t depth);
  void set_subtree(NodeIndex node, Frame frame, FactState state, TextRef text);
  void mark_invalid(NodeIndex node, Frame frame, TextRef text);
  // A list being filled: its ListRef is reserved first, its elements go to the pool after `first`.
  struct OpenList {
    std::uint32_t index;
    std::size_t first;
    std::uint32_t width;
  };
  OpenList open_list(NodeIndex node);
  static Frame element_frame(Facts& facts, const OpenList& list, std::uint32_t i) {
    return Frame{&facts.pool, list.first + std::size_t{i} * list.width};
  }
  void close_list(const OpenList& list, std::uint32_t count, FactValue& slot);
  void mark_records_present(NodeIndex record);
  void store_items(const CellValue& value, NodeIndex node);
  bool store_json_cell(std::string_view json, NodeIndex node, std::string& error);
  simdjson::error_code convert_json_cell(std::size_t len, NodeIndex node);
  const char* current_location(const char* fallback);

  const Schema& schema_;
  std::string id_field_;
  NodeIndex id_node_ = kNoNode;  // the id field when the schema declares it at the top level
  std::size_t max_depth_;
  bool validate_ignored_;
  std::vector<FieldTable> tables_;      // by node index (records only), then the top level last
  std::vector<bool> list_nests_lists_;  // by node index: a list whose element frame holds lists
  od::parser parser_;
  od::document* doc_ = nullptr;  // the document being read, for current_location()
  const char* end_ = nullptr;    // the end of its text
  Facts* facts_ = nullptr;
  std::string_view id_raw_;      // the id field's raw JSON in the current record
  std::vector<char> cell_json_;  // a JSON cell as the one element of an array, padded
};

}  // namespace dealgate
