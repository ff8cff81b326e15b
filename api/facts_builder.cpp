// FactsBuilder: facts set by path, typed against the schema, written out as one JSON object that
// the engine's reader then reads like any deal.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "api/core.hpp"
#include "base/json_writer.hpp"

namespace dealgate::v1 {
namespace detail {

struct BuilderNode {
  using Elements = std::vector<std::unique_ptr<FactsBuilder>>;
  using Entry = std::variant<Scalar, std::vector<Scalar>, Elements>;
  NodeIndex record = kNoNode;          // the record this builder fills; kNoNode: the deal itself
  std::map<NodeIndex, Entry> entries;  // by schema node, at any depth within the record
  std::optional<std::pair<std::string, Scalar>> id;
  bool detached = false;  // made by a failed add(): takes nothing
};

}  // namespace detail

namespace {

const Schema& schema_of(const std::shared_ptr<const detail::RuleSetImpl>& rules) {
  return rules->plan->schema;
}

const char* kind_name(const Scalar& value) {
  switch (value.value().index()) {
    case 0:
      return "null";
    case 1:
      return "a bool";
    case 2:
      return "a number";
    case 3:
      return "a string";
    default:
      return "a date";
  }
}

// Whether `value` may stand for a fact of `type`; sets `why` when not.
bool fits(const Scalar& value, ValueType type, std::string& why) {
  const auto& v = value.value();
  switch (type) {
    case ValueType::Bool:
      if (std::holds_alternative<bool>(v)) return true;
      break;
    case ValueType::Number:
      if (const double* n = std::get_if<double>(&v)) {
        if (std::isfinite(*n)) return true;
        why = "a number must be finite";
        return false;
      }
      break;
    case ValueType::String:
      if (std::holds_alternative<std::string>(v)) return true;
      break;
    case ValueType::Date:
      if (const Date* d = std::get_if<Date>(&v)) {
        if (is_valid_date(d->year, d->month, d->day)) return true;
        why = fmt::format("{:04}-{:02}-{:02} is not a day of the calendar", d->year, d->month,
                          d->day);
        return false;
      }
      if (const std::string* s = std::get_if<std::string>(&v)) {
        if (parse_date_or_timestamp(*s)) return true;
        why = fmt::format("`{}` is not a date (YYYY-MM-DD or an ISO-8601 timestamp)", *s);
        return false;
      }
      break;
    default:
      break;
  }
  why = fmt::format("it is declared {}, and {} does not fit", value_type_word(type),
                    kind_name(value));
  return false;
}

void scalar_json(JsonWriter& json, const Scalar& value) {
  const auto& v = value.value();
  if (std::holds_alternative<std::nullptr_t>(v)) {
    json.null();
  } else if (const bool* b = std::get_if<bool>(&v)) {
    json.boolean(*b);
  } else if (const double* n = std::get_if<double>(&v)) {
    json.raw(fmt::format("{}", *n));
  } else if (const std::string* s = std::get_if<std::string>(&v)) {
    json.string(*s);
  } else {
    json.string(std::get<Date>(v).to_string());
  }
}

}  // namespace

// ─── Date ────────────────────────────────────────────────────────────────────────────────────

std::optional<Date> Date::parse(std::string_view text) {
  const auto day = parse_date(text);
  if (!day) return std::nullopt;
  Date d;
  civil_from_days(*day, d.year, d.month, d.day);
  return d;
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// ─── FactsBuilder ────────────────────────────────────────────────────────────────────────────

FactsBuilder::FactsBuilder(const RuleSet& rules)
    : FactsBuilder(detail::Access::impl(rules), kNoNode, std::string(),
                   std::make_shared<std::vector<std::string>>()) {}

FactsBuilder::FactsBuilder(std::shared_ptr<const detail::RuleSetImpl> rules,
                           std::uint32_t record_node, std::string prefix,
                           std::shared_ptr<std::vector<std::string>> errors)
    : rules_(std::move(rules)),
      node_(std::make_unique<detail::BuilderNode>()),
      prefix_(std::move(prefix)),
      errors_(std::move(errors)) {
  node_->record = record_node;
}

FactsBuilder::~FactsBuilder() = default;
FactsBuilder::FactsBuilder(FactsBuilder&&) noexcept = default;
FactsBuilder& FactsBuilder::operator=(FactsBuilder&&) noexcept = default;

void FactsBuilder::fail(std::string message) {
  errors_->push_back(std::move(message));
}

namespace {

// The schema node `path` names below `record`, or kNoNode with `error` set.
NodeIndex resolve(const Schema& schema, NodeIndex record, std::string_view prefix,
                  std::string_view path, std::string& error) {
  NodeIndex at = record;
  std::string_view rest = path;
  while (true) {
    const std::size_t dot = rest.find('.');
    const std::string_view segment = rest.substr(0, dot);
    const NodeIndex found = schema.find_field(at, segment);
    if (found == kNoNode) {
      std::vector<std::string> names;
      for (NodeIndex f : at == kNoNode ? schema.top_fields() : schema.node(at).fields) {
        names.push_back(schema.node(f).name);
      }
      const std::string where =
          prefix.empty() ? std::string("the deal") : fmt::format("an element of `{}`", prefix);
      std::string hint = did_you_mean(segment, names);
      if (hint.empty()) hint = fmt::format("{} has: {}", where, fmt::join(names, ", "));
      error = fmt::format("`{}` is not a declared fact; {}", path, hint);
      return kNoNode;
    }
    if (dot == std::string_view::npos) return found;
    const SchemaNode& node = schema.node(found);
    if (node.type != ValueType::Record) {
      error = fmt::format("`{}` is a {}, it has no field `{}`", node.name,
                          value_type_word(node.type), rest.substr(dot + 1));
      return kNoNode;
    }
    at = found;
    rest.remove_prefix(dot + 1);
  }
}

}  // namespace

NodeIndex FactsBuilder::node_at(std::string_view path) {
  if (node_->detached) return kNoNode;
  std::string error;
  const NodeIndex node = resolve(schema_of(rules_), node_->record, prefix_, path, error);
  if (node == kNoNode) fail(std::move(error));
  return node;
}

FactsBuilder& FactsBuilder::set(std::string_view path, Scalar value) {
  const NodeIndex node = node_at(path);
  if (node == kNoNode) return *this;
  const Schema& schema = schema_of(rules_);
  std::string error;
  const ValueType type = schema.node(node).type;
  const bool is_null = std::holds_alternative<std::nullptr_t>(value.value());
  if (type == ValueType::Record) {
    fail(fmt::format("`{}` is a record; set its fields one by one (`{}.<field>`)", path, path));
    return *this;
  }
  if (type == ValueType::List && !is_null) {
    fail(fmt::format("`{}` is a list; give it a list of values, or add() its records", path));
    return *this;
  }
  if (!is_null && !fits(value, type, error)) {
    fail(fmt::format("`{}`: {}", path, error));
    return *this;
  }
  node_->entries.insert_or_assign(node, std::move(value));
  return *this;
}

FactsBuilder& FactsBuilder::set(std::string_view path, std::vector<Scalar> values) {
  const NodeIndex node = node_at(path);
  if (node == kNoNode) return *this;
  const Schema& schema = schema_of(rules_);
  const SchemaNode& list = schema.node(node);
  if (list.type != ValueType::List) {
    fail(fmt::format("`{}` is a {}, not a list", path, value_type_word(list.type)));
    return *this;
  }
  const ValueType element = schema.node(list.element).type;
  if (element == ValueType::Record || element == ValueType::List) {
    fail(fmt::format("`{}` is a list of {}s; add() its elements one by one", path,
                     value_type_word(element)));
    return *this;
  }
  std::string error;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!fits(values[i], element, error)) {
      fail(fmt::format("`{}` element {}: {}", path, i + 1, error));
      return *this;
    }
  }
  node_->entries.insert_or_assign(node, std::move(values));
  return *this;
}

FactsBuilder& FactsBuilder::add(std::string_view list_path) {
  if (node_->detached) return *this;
  const Schema& schema = schema_of(rules_);
  std::string error;
  const NodeIndex node = resolve(schema, node_->record, prefix_, list_path, error);
  std::string problem;
  if (node == kNoNode) {
    problem = std::move(error);
  } else if (schema.node(node).type != ValueType::List) {
    problem =
        fmt::format("`{}` is a {}, not a list", list_path, value_type_word(schema.node(node).type));
  } else if (schema.node(schema.node(node).element).type != ValueType::Record) {
    problem = fmt::format("`{}` is a list of {}s; set it with a list of values", list_path,
                          value_type_word(schema.node(schema.node(node).element).type));
  }
  const std::string prefix =
      prefix_.empty() ? std::string(list_path) : fmt::format("{}.{}", prefix_, list_path);
  if (!problem.empty()) {
    fail(std::move(problem));
    // A detached element, so chained calls have somewhere to go: it ignores what it is given
    // (the problem is reported once, here) and is never written out.
    auto& spare = std::get<detail::BuilderNode::Elements>(
        node_->entries.try_emplace(kNoNode, detail::BuilderNode::Elements{}).first->second);
    spare.push_back(
        std::unique_ptr<FactsBuilder>(new FactsBuilder(rules_, kNoNode, prefix, errors_)));
    spare.back()->node_->detached = true;
    return *spare.back();
  }
  auto [it, inserted] = node_->entries.try_emplace(node, detail::BuilderNode::Elements{});
  if (!std::holds_alternative<detail::BuilderNode::Elements>(it->second)) {
    it->second = detail::BuilderNode::Elements{};  // a null set before is replaced by the list
  }
  auto& elements = std::get<detail::BuilderNode::Elements>(it->second);
  elements.push_back(std::unique_ptr<FactsBuilder>(
      new FactsBuilder(rules_, schema.node(node).element, prefix, errors_)));
  return *elements.back();
}

FactsBuilder& FactsBuilder::set_id(Scalar value, std::string_view field) {
  if (node_->detached) return *this;
  const Schema& schema = schema_of(rules_);
  if (node_->record != kNoNode) {
    fail("set_id() belongs on the deal, not on a list element");
    return *this;
  }
  if (schema.find_field(kNoNode, field) != kNoNode) set(field, value);
  node_->id.emplace(std::string(field), std::move(value));
  return *this;
}

void FactsBuilder::clear() {
  node_->entries.clear();
  node_->id.reset();
  errors_->clear();
}

std::string FactsBuilder::json() const {
  const Schema& schema = schema_of(rules_);
  std::string out;
  const detail::BuilderNode& data = *node_;
  // Writes the record `record` (kNoNode: the deal) with the fields that were set below it.
  auto write_record = [&](auto& self, NodeIndex record, std::string& to) -> void {
    JsonWriter json(to);
    json.begin_object();
    if (record == data.record && data.id && schema.find_field(record, data.id->first) == kNoNode) {
      json.key(data.id->first);
      scalar_json(json, data.id->second);
    }
    const auto& fields = record == kNoNode ? schema.top_fields() : schema.node(record).fields;
    for (NodeIndex f : fields) {
      const SchemaNode& node = schema.node(f);
      auto it = data.entries.find(f);
      if (it == data.entries.end()) {
        if (node.type != ValueType::Record) continue;
        std::string nested;
        self(self, f, nested);
        if (nested == "{}") continue;
        json.key(node.name).raw(nested);
        continue;
      }
      json.key(node.name);
      if (const Scalar* s = std::get_if<Scalar>(&it->second)) {
        scalar_json(json, *s);
      } else if (const auto* list = std::get_if<std::vector<Scalar>>(&it->second)) {
        json.begin_array();
        for (const Scalar& element : *list) scalar_json(json, element);
        json.end_array();
      } else {
        json.begin_array();
        for (const auto& element : std::get<detail::BuilderNode::Elements>(it->second))
          json.raw(element->json());
        json.end_array();
      }
    }
    json.end_object();
  };
  write_record(write_record, data.record, out);
  return out;
}

}  // namespace dealgate::v1
