#include "engine/facts/facts_convert.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "base/enum_words.hpp"
#include "base/json_writer.hpp"

namespace dealgate {

using simdjson::error_code;
using simdjson::SUCCESS;

namespace {

// Whether the raw key at `raw` has an escape sequence before its closing quote (stage 1 has
// checked that the string is closed).
bool has_escape(const char* raw) {
  while (*raw != '"' && *raw != '\\') ++raw;
  return *raw == '\\';
}

// Whether the raw key at `raw` (inside a document ending at `end`) is exactly `name`.
bool raw_equals(const char* raw, const char* end, std::string_view name) {
  const std::size_t n = name.size();
  return static_cast<std::size_t>(end - raw) > n && raw[n] == '"' &&
         std::memcmp(raw, name.data(), n) == 0;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

const char* type_name(od::json_type type) {
  static constexpr const char* kNames[] = {"an array", "an object", "a number",
                                           "a string", "a boolean", "null"};
  return enum_word<od::json_type::array, od::json_type::null>(type, kNames, "a value");
}

// A bad literal: which one it tried to be.
error_code atom_error(std::string_view raw) {
  if (!raw.empty() && raw[0] == 't') return simdjson::T_ATOM_ERROR;
  if (!raw.empty() && raw[0] == 'f') return simdjson::F_ATOM_ERROR;
  return simdjson::N_ATOM_ERROR;
}

std::string_view token_of(od::value& value) {
  return value.raw_json_token();
}
std::string_view token_of(od::document& doc) {
  return doc.raw_json_token().value_unsafe();
}

// Checks a number, string, bool or null: a value, or a whole document (a scalar document cannot
// be read as a value).
template <class Value>
error_code validate_scalar(Value& value, od::json_type type) {
  switch (type) {
    case od::json_type::number: {
      double d;
      return value.get_double().get(d) == SUCCESS ? SUCCESS : simdjson::NUMBER_ERROR;
    }
    case od::json_type::string: {
      std::string_view s;
      return value.get_string().get(s);
    }
    case od::json_type::boolean: {
      bool b;
      return value.get_bool().get(b) == SUCCESS ? SUCCESS : atom_error(token_of(value));
    }
    case od::json_type::null: {
      bool is_null = false;
      return value.is_null().get(is_null) == SUCCESS && is_null ? SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case od::json_type::object:
    case od::json_type::array:
      break;
  }
  return SUCCESS;
}

// Reads `value` with the getter of a T: false when it is not a T (the getter then consumed
// nothing); else true, with `e` the getter's error or what `then` made of the T.
template <class T, class Get, class Then>
inline bool read_as(od::value& value, error_code& e, Get get, Then then) {
  T got;
  e = get(value).get(got);
  if (e == simdjson::INCORRECT_TYPE) return false;
  if (e == SUCCESS) e = then(got);
  return true;
}

// The slot writes every reader shares: a value of the declared type makes the fact Present.
void put_bool(FactValue& slot, bool b) {
  slot.state = FactState::Present;
  slot.boolean = b;
}
void put_number(FactValue& slot, double d) {
  slot.state = FactState::Present;
  slot.number = d;
}
void put_date(FactValue& slot, DayNumber day) {
  slot.state = FactState::Present;
  slot.date = day;
  slot.text = TextRef{};
}
void put_string(Facts& facts, FactValue& slot, std::string_view s) {
  slot.state = FactState::Present;
  slot.text = facts.store(s);
}

}  // namespace

std::string describe_json_error(error_code error) {
  const char* what = nullptr;
  switch (error) {
    case simdjson::TAPE_ERROR:
      what = "improper structure (a missing or extra comma, colon, brace or bracket)";
      break;
    case simdjson::DEPTH_ERROR:
      what = "nested too deeply";
      break;
    case simdjson::STRING_ERROR:
      what = "a string with an invalid escape";
      break;
    case simdjson::T_ATOM_ERROR:
      what = "an invalid literal (expected `true`)";
      break;
    case simdjson::F_ATOM_ERROR:
      what = "an invalid literal (expected `false`)";
      break;
    case simdjson::N_ATOM_ERROR:
      what = "an invalid literal (expected `null`)";
      break;
    case simdjson::NUMBER_ERROR:
      what = "an invalid number, or one out of range";
      break;
    case simdjson::UTF8_ERROR:
      what = "the text is not valid UTF-8";
      break;
    case simdjson::EMPTY:
      what = "no JSON value";
      break;
    case simdjson::UNESCAPED_CHARS:
      what = "a control character inside a string";
      break;
    case simdjson::UNCLOSED_STRING:
      what = "a string that is not closed";
      break;
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      what = "an object or array that is not closed";
      break;
    case simdjson::TRAILING_CONTENT:
      what = "more text after the end of the value";
      break;
    case simdjson::CAPACITY:
      what = "too large for the parser";
      break;
    case simdjson::MEMALLOC:
      what = "out of memory";
      break;
    case simdjson::INCORRECT_TYPE:
      what = "an unexpected value";
      break;
    default:
      return std::string("invalid JSON: ") + simdjson::error_message(error);
  }
  return std::string("invalid JSON: ") + what;
}

FactsConverter::FactsConverter(const Schema& schema, std::string id_field, std::size_t max_depth,
                               bool validate_ignored)
    : schema_(schema),
      id_field_(std::move(id_field)),
      max_depth_(max_depth),
      validate_ignored_(validate_ignored) {
  const std::vector<SchemaNode>& nodes = schema.nodes();
  tables_.resize(nodes.size() + 1);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type == ValueType::Record) tables_[i].build(nodes, nodes[i].fields);
  }
  tables_.back().build(nodes, schema.top_fields());
  id_node_ = tables_.back().find_name(id_field_);

  // Room for typical records up front, and a depth limit above ours: simdjson's own limit is only
  // asserted (in builds without NDEBUG), ours is checked before descending.
  // (A failure here shows up again, as an error record, when the first record is read.)
  const simdjson::error_code reserved = parser_.allocate(std::size_t{64} << 10, max_depth_ + 8);
  (void)reserved;

  // A list whose element frame holds lists must know its length before filling its elements,
  // because the nested lists append to the pool after the reserved region.
  list_nests_lists_.assign(nodes.size(), false);
  auto holds_list = [&](auto& self, NodeIndex n) -> bool {
    if (nodes[n].type == ValueType::List) return true;
    for (NodeIndex f : nodes[n].fields) {
      if (self(self, f)) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type == ValueType::List && nodes[i].element != kNoNode) {
      list_nests_lists_[i] = holds_list(holds_list, nodes[i].element);
    }
  }
}

void FactsConverter::begin_record(Facts& facts, std::string& error) {
  facts.clear(schema_.frames()[0].width);
  error.clear();
  id_raw_ = "null";
  facts_ = &facts;
}

bool FactsConverter::read(const char* data, std::size_t len, std::size_t capacity, Facts& facts,
                          std::string& id_json, std::string& error) {
  begin_record(facts, error);
  od::document doc;
  error_code e = parser_.iterate(data, len, capacity).get(doc);
  doc_ = &doc;
  end_ = data + len;
  if (e == SUCCESS) e = read_root(doc, error);
  doc_ = nullptr;
  if (e != SUCCESS) error = describe_json_error(e);
  if (!error.empty()) facts.clear(schema_.frames()[0].width);
  id_json.assign(id_raw_);
  return error.empty();
}

void FactsConverter::read_array(const char* data, std::size_t len, std::size_t capacity,
                                std::size_t max_element_bytes, Facts& facts, std::string& id_json,
                                std::string& error, const std::function<void()>& emit) {
  const std::uint32_t top_width = schema_.frames()[0].width;
  begin_record(facts, error);
  od::document doc;
  od::array array;
  error_code e = parser_.iterate(data, len, capacity).get(doc);
  doc_ = &doc;
  end_ = data + len;
  if (e == SUCCESS) e = doc.get_array().get(array);
  if (e != SUCCESS) {
    error = describe_json_error(e);
    id_json = "null";
    emit();
    doc_ = nullptr;
    return;
  }
  for (auto element_result : array) {
    begin_record(facts, error);
    od::value element;
    e = std::move(element_result).get(element);
    if (e == SUCCESS) {
      const char* start = element.raw_json_token().data();
      e = read_element(element, error);
      if (e == SUCCESS &&
          static_cast<std::size_t>(current_location(end_) - start) > max_element_bytes) {
        error =
            "record is larger than the limit of " + std::to_string(max_element_bytes) + " bytes";
      }
    }
    if (e != SUCCESS) error = describe_json_error(e);
    if (!error.empty()) facts.clear(top_width);
    id_json.assign(id_raw_);
    emit();
    if (e != SUCCESS) {  // the array cannot be followed past a broken element
      doc_ = nullptr;
      return;
    }
  }
  if (doc.current_location().error() == SUCCESS) {
    begin_record(facts, error);
    error = describe_json_error(simdjson::TRAILING_CONTENT);
    id_json = "null";
    emit();
  }
  doc_ = nullptr;
}

error_code FactsConverter::read_root(od::document& doc, std::string& error) {
  od::json_type type;
  error_code e = doc.type().get(type);
  if (e != SUCCESS) return e;
  if (type == od::json_type::object) {
    od::object object;
    e = doc.get_object().get(object);
    if (e == SUCCESS) e = convert_fields(object, tables_.back(), Frame{&facts_->top, 0}, 1, true);
  } else if (type == od::json_type::array) {
    od::array array;
    e = doc.get_array().get(array);
    if (e == SUCCESS) e = validate_elements(array, 2);
  } else {
    e = validate_scalar(doc, type);
  }
  if (e != SUCCESS) return e;
  if (doc.current_location().error() == SUCCESS) return simdjson::TRAILING_CONTENT;
  if (type != od::json_type::object) {
    error = std::string("record is not a JSON object (it is ") + type_name(type) + ")";
  }
  return SUCCESS;
}

error_code FactsConverter::read_element(od::value& element, std::string& error) {
  od::json_type type;
  error_code e = element.type().get(type);
  if (e != SUCCESS) return e;
  if (type != od::json_type::object) {
    e = validate(element, 1);
    if (e == SUCCESS) {
      error = std::string("record is not a JSON object (it is ") + type_name(type) + ")";
    }
    return e;
  }
  od::object object;
  e = element.get_object().get(object);
  if (e != SUCCESS) return e;
  return convert_fields(object, tables_.back(), Frame{&facts_->top, 0}, 1, true);
}

error_code FactsConverter::convert_fields(od::object& object, FieldTable& table, Frame frame,
                                          std::size_t depth, bool top) {
  std::size_t position = 0;  // where this key stood in the previous object
  for (auto field_result : object) {
    od::field field;
    error_code e = std::move(field_result).get(field);
    if (e != SUCCESS) return e;
    // Keys are matched on their raw bytes; only a key that matched nothing and holds an escape
    // sequence (`"\u0069d"`) is unescaped and matched again.
    // Records of one export spell their keys in the same order: the key at this position in the
    // previous record is checked first, then the one after it (this record lacks a key: a fact
    // left empty), and only a different key is looked up (and remembered).
    const char* key = field.key().raw();
    od::value& value = field.value();
    NodeIndex node = kNoNode;
    bool plain_key = true;
    if (!table.recall(position, key, end_, node)) {
      if (table.recall(position + 1, key, end_, node)) {
        ++position;
      } else {
        node = table.find(key, end_);
        plain_key = node != kNoNode || !has_escape(key);
        table.remember(position, key, node);
      }
    }
    ++position;
    // A declared id field is recognised by its node, without comparing the key again.
    bool is_id = top && (id_node_ != kNoNode ? node == id_node_ : raw_equals(key, end_, id_field_));
    if (node == kNoNode && !is_id && !plain_key) {
      std::string_view text;
      e = field.unescaped_key().get(text);
      if (e != SUCCESS) return e;
      node = table.find_name(text);
      is_id = top && text == id_field_;
    }
    if (is_id) {
      od::json_type type;
      e = value.type().get(type);
      if (e != SUCCESS) return e;
      const std::string_view token = value.raw_json_token();
      e = node != kNoNode ? convert_value(value, node, frame, depth + 1)
                          : validate(value, depth + 1);
      if (e != SUCCESS) return e;
      id_raw_ = text_read(token, type);
      continue;
    }
    if (node != kNoNode) {
      e = convert_value(value, node, frame, depth + 1);
    } else if (validate_ignored_) {
      e = skip_ignored(value, depth + 1);
    }
    if (e != SUCCESS) return e;
  }
  return SUCCESS;
}

// The value usually has the declared type: this is the one place that reads a value of its
// declared type. A getter that fails consumes nothing (a string, object or array only once it is
// known to be one), so when this returns false convert_value sees the value afresh and decides
// between null, invalid and broken JSON. Returns true when it dealt with the value, with `e` set.
inline bool FactsConverter::try_declared(od::value& value, NodeIndex node, Frame frame,
                                         std::size_t depth, error_code& e) {
  const SchemaNode& n = schema_.node(node);
  switch (n.type) {
    case ValueType::Bool: {
      bool b;
      if (value.get_bool().get(b) != SUCCESS) return false;
      put_bool(frame[n.slot], b);
      return true;
    }
    case ValueType::Number: {
      double d;
      if (value.get_double().get(d) != SUCCESS) return false;
      put_number(frame[n.slot], d);
      return true;
    }
    case ValueType::String:
      return read_as<std::string_view>(
          value, e, [](od::value& v) { return v.get_string(); },
          [&](std::string_view s) {
            put_string(*facts_, frame[n.slot], s);
            return SUCCESS;
          });
    case ValueType::Date: {
      const std::string_view raw = value.raw_json_token();
      return read_as<std::string_view>(
          value, e, [](od::value& v) { return v.get_string(); },
          [&](std::string_view s) {
            store_date(s, raw, frame[n.slot]);
            return SUCCESS;
          });
    }
    case ValueType::Record:
      return read_as<od::object>(
          value, e, [](od::value& v) { return v.get_object(); },
          [&](od::object& object) { return convert_record(object, node, frame, depth); });
    case ValueType::List:
      return read_as<od::array>(
          value, e, [](od::value& v) { return v.get_array(); },
          [&](od::array& array) { return convert_list(array, node, frame, depth); });
  }
  return false;
}

// A date, or a timestamp whose date part is used; anything else is an invalid fact, kept as
// written (`raw`) for explanations.
void FactsConverter::store_date(std::string_view text, std::string_view raw, FactValue& slot) {
  if (std::optional<DayNumber> day = parse_date_or_timestamp(text)) {
    put_date(slot, *day);
  } else {
    slot.state = FactState::Invalid;
    slot.text = facts_->store(trim_right(raw));
  }
}

error_code FactsConverter::convert_record(od::object& object, NodeIndex node, Frame frame,
                                          std::size_t depth) {
  const SchemaNode& n = schema_.node(node);
  // A duplicate key: the earlier value is replaced as a whole.
  if (frame[n.slot].state != FactState::Missing) {
    set_subtree(node, frame, FactState::Missing, TextRef{});
  }
  frame[n.slot].state = FactState::Present;
  return convert_fields(object, tables_[node], frame, depth, false);
}

// An undeclared value is skipped, but checked to be valid JSON. Strings and numbers are most of
// them: a string without a backslash needs no more checking than stage 1 gave it (closed, valid
// UTF-8, no control characters), so it is not unescaped.
inline error_code FactsConverter::skip_ignored(od::value& value, std::size_t depth) {
  if (depth > max_depth_) return simdjson::DEPTH_ERROR;
  const std::string_view token = value.raw_json_token();
  if (!token.empty() && token[0] == '"' &&
      std::memchr(token.data(), '\\', token.size()) == nullptr) {
    od::raw_json_string raw;
    return value.get_raw_json_string().get(raw);
  }
  double d;
  if (value.get_double().get(d) == SUCCESS) return SUCCESS;
  return validate(value, depth);
}

error_code FactsConverter::convert_value(od::value& value, NodeIndex node, Frame frame,
                                         std::size_t depth) {
  if (depth > max_depth_) return simdjson::DEPTH_ERROR;
  if (error_code e = SUCCESS; try_declared(value, node, frame, depth, e)) return e;
  const SchemaNode& n = schema_.node(node);
  od::json_type type;
  error_code e = value.type().get(type);
  if (e != SUCCESS) return e;
  if (type == od::json_type::null) {
    bool is_null = false;
    if (value.is_null().get(is_null) != SUCCESS || !is_null) return simdjson::N_ATOM_ERROR;
    set_subtree(node, frame, FactState::Missing, TextRef{});
    return SUCCESS;
  }
  // The declared getter failed on a value that is not null: either it has another JSON type (an
  // invalid fact), or it is a broken literal of the declared one (`tru`, `1e400`): broken JSON.
  if (n.type == ValueType::Bool && type == od::json_type::boolean) {
    return atom_error(value.raw_json_token());
  }
  if (n.type == ValueType::Number && type == od::json_type::number) return simdjson::NUMBER_ERROR;
  return invalid(value, type, node, frame, depth);
}

error_code FactsConverter::convert_list(od::array& array, NodeIndex node, Frame frame,
                                        std::size_t depth) {
  error_code e = SUCCESS;
  const OpenList list = open_list(node);
  Facts& facts = *facts_;
  const bool reserve = list_nests_lists_[node];
  if (reserve) {
    std::size_t count = 0;
    e = array.count_elements().get(count);
    if (e != SUCCESS) return e;
    facts.pool.resize(list.first + count * list.width);
  }
  const NodeIndex element_node = schema_.node(node).element;
  std::uint32_t count = 0;
  for (auto element_result : array) {
    od::value element;
    e = std::move(element_result).get(element);
    if (e != SUCCESS) return e;
    if (!reserve) facts.pool.resize(facts.pool.size() + list.width);
    e = convert_value(element, element_node, element_frame(facts, list, count), depth + 1);
    if (e != SUCCESS) return e;
    ++count;
  }
  close_list(list, count, frame[schema_.node(node).slot]);
  return SUCCESS;
}

FactsConverter::OpenList FactsConverter::open_list(NodeIndex node) {
  const NodeIndex element_node = schema_.node(node).element;
  const std::uint32_t width = schema_.frames()[schema_.node(element_node).frame].width;
  const auto index = static_cast<std::uint32_t>(facts_->lists.size());
  facts_->lists.push_back(ListRef{});
  return OpenList{index, facts_->pool.size(), width};
}

void FactsConverter::close_list(const OpenList& list, std::uint32_t count, FactValue& slot) {
  facts_->lists[list.index] = ListRef{static_cast<std::uint32_t>(list.first), count, list.width};
  slot.state = FactState::Present;
  slot.list = list.index;
  slot.text = TextRef{};
}

error_code FactsConverter::invalid(od::value& value, od::json_type type, NodeIndex node,
                                   Frame frame, std::size_t depth) {
  std::string_view raw;
  error_code e = raw_text(value, type, depth, raw);
  if (e != SUCCESS) return e;
  mark_invalid(node, frame, facts_->store(raw));
  return SUCCESS;
}

void FactsConverter::mark_invalid(NodeIndex node, Frame frame, TextRef text) {
  if (schema_.node(node).type == ValueType::Record) {
    set_subtree(node, frame, FactState::Invalid, text);
  } else {
    FactValue& slot = frame[schema_.node(node).slot];
    slot.state = FactState::Invalid;
    slot.text = text;
  }
}

error_code FactsConverter::raw_text(od::value& value, od::json_type type, std::size_t depth,
                                    std::string_view& text) {
  const std::string_view token = value.raw_json_token();
  error_code e = validate(value, depth);
  if (e != SUCCESS) return e;
  text = text_read(token, type);
  return SUCCESS;
}

std::string_view FactsConverter::text_read(std::string_view token, od::json_type type) {
  if (type == od::json_type::object || type == od::json_type::array) {
    return trim_right(std::string_view(
        token.data(), static_cast<std::size_t>(current_location(end_) - token.data())));
  }
  return trim_right(token);
}

error_code FactsConverter::validate(od::value& value, std::size_t depth) {
  if (depth > max_depth_) return simdjson::DEPTH_ERROR;
  od::json_type type;
  error_code e = value.type().get(type);
  if (e != SUCCESS) return e;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      e = value.get_object().get(object);
      if (e != SUCCESS) return e;
      for (auto field_result : object) {
        od::field field;
        e = std::move(field_result).get(field);
        if (e != SUCCESS) return e;
        if (has_escape(field.key().raw())) {  // check its escapes
          std::string_view key;
          e = field.unescaped_key().get(key);
          if (e != SUCCESS) return e;
        }
        e = validate(field.value(), depth + 1);
        if (e != SUCCESS) return e;
      }
      return SUCCESS;
    }
    case od::json_type::array: {
      od::array array;
      e = value.get_array().get(array);
      return e == SUCCESS ? validate_elements(array, depth + 1) : e;
    }
    default:
      return validate_scalar(value, type);
  }
}

error_code FactsConverter::validate_elements(od::array& array, std::size_t depth) {
  for (auto element_result : array) {
    od::value element;
    error_code e = std::move(element_result).get(element);
    if (e == SUCCESS) e = validate(element, depth);
    if (e != SUCCESS) return e;
  }
  return SUCCESS;
}

void FactsConverter::set_subtree(NodeIndex node, Frame frame, FactState state, TextRef text) {
  const SchemaNode& n = schema_.node(node);
  FactValue& slot = frame[n.slot];
  slot.state = state;
  slot.text = text;
  if (n.type == ValueType::Record) {
    for (NodeIndex f : n.fields) set_subtree(f, frame, state, text);
  }
}

void FactsConverter::begin_cells(Facts& facts) {
  facts.clear(schema_.frames()[0].width);
  facts_ = &facts;
}

bool FactsConverter::store_cell(const CellValue& value, NodeIndex node, std::string& error) {
  const SchemaNode& n = schema_.node(node);
  mark_records_present(n.parent);
  FactValue& slot = facts_->top[n.slot];
  switch (value.kind) {
    case CellValue::Kind::Bool:
      put_bool(slot, value.boolean);
      break;
    case CellValue::Kind::Number:
      put_number(slot, value.number);
      break;
    case CellValue::Kind::Date:
      put_date(slot, value.date);
      break;
    case CellValue::Kind::Text:
      put_string(*facts_, slot, value.text);
      break;
    case CellValue::Kind::Items:
      store_items(value, node);
      break;
    case CellValue::Kind::Json:
      return store_json_cell(value.text, node, error);
  }
  return true;
}

void FactsConverter::store_unfit_cell(NodeIndex node, std::string_view cell) {
  mark_records_present(schema_.node(node).parent);
  const auto offset = static_cast<std::uint32_t>(facts_->strings.size());
  append_json_string(facts_->strings, cell);
  const auto length = static_cast<std::uint32_t>(facts_->strings.size() - offset);
  mark_invalid(node, Frame{&facts_->top, 0}, TextRef{offset, length});
}

// A record holding a cell that is not empty is there, as a JSON object with that key would be.
void FactsConverter::mark_records_present(NodeIndex record) {
  for (; record != kNoNode; record = schema_.node(record).parent) {
    facts_->top[schema_.node(record).slot].state = FactState::Present;
  }
}

// A list<string> written as items between separators: each item a string element.
void FactsConverter::store_items(const CellValue& value, NodeIndex node) {
  const OpenList list = open_list(node);
  const std::uint32_t slot = schema_.node(schema_.node(node).element).slot;
  std::uint32_t count = 0;
  for_each_item(value, [&](std::string_view item) {
    facts_->pool.resize(facts_->pool.size() + list.width);
    put_string(*facts_, element_frame(*facts_, list, count++)[slot], item);
  });
  close_list(list, count, facts_->top[schema_.node(node).slot]);
}

bool FactsConverter::store_json_cell(std::string_view json, NodeIndex node, std::string& error) {
  // A scalar On-Demand document cannot be read as a value, so the cell is read as the one element
  // of an array: `[` cell `]`.
  const std::size_t len = json.size() + 2;
  if (cell_json_.size() < len + simdjson::SIMDJSON_PADDING) {
    cell_json_.resize(len + simdjson::SIMDJSON_PADDING);
  }
  cell_json_[0] = '[';
  std::memcpy(cell_json_.data() + 1, json.data(), json.size());
  cell_json_[len - 1] = ']';
  Facts& facts = *facts_;
  const std::size_t pool = facts.pool.size(), lists = facts.lists.size();
  const std::size_t strings = facts.strings.size();
  const error_code e = convert_json_cell(len, node);
  if (e == SUCCESS) return true;
  if (e == simdjson::DEPTH_ERROR || e == simdjson::CAPACITY || e == simdjson::MEMALLOC) {
    error = describe_json_error(e);
    return false;
  }
  // Not JSON (found part way through, perhaps): undo what it stored, and keep the cell instead.
  facts.pool.resize(pool);
  facts.lists.resize(lists);
  facts.strings.resize(strings);
  set_subtree(node, Frame{&facts.top, 0}, FactState::Missing, TextRef{});
  store_unfit_cell(node, json);
  return true;
}

error_code FactsConverter::convert_json_cell(std::size_t len, NodeIndex node) {
  // As deep as the value would stand in a JSON record: the object, then the records around it.
  std::size_t depth = 2;
  for (NodeIndex up = schema_.node(node).parent; up != kNoNode; up = schema_.node(up).parent) {
    ++depth;
  }
  od::document doc;
  error_code e = parser_.iterate(cell_json_.data(), len, cell_json_.size()).get(doc);
  doc_ = &doc;
  end_ = cell_json_.data() + len;
  od::array array;
  if (e == SUCCESS) e = doc.get_array().get(array);
  std::size_t count = 0;
  if (e == SUCCESS) {
    for (auto element_result : array) {
      od::value element;
      e = std::move(element_result).get(element);
      if (e == SUCCESS && count++ > 0) e = simdjson::TAPE_ERROR;  // `1,2`: not one value
      if (e == SUCCESS) e = convert_value(element, node, Frame{&facts_->top, 0}, depth);
      if (e != SUCCESS) break;
    }
  }
  if (e == SUCCESS && count != 1) e = simdjson::EMPTY;
  if (e == SUCCESS && doc.current_location().error() == SUCCESS) e = simdjson::TRAILING_CONTENT;
  doc_ = nullptr;
  return e;
}

const char* FactsConverter::current_location(const char* fallback) {
  simdjson::simdjson_result<const char*> at = doc_->current_location();
  return at.error() == SUCCESS ? at.value_unsafe() : fallback;
}

}  // namespace dealgate
