#include "engine/plan.hpp"

#include <algorithm>

namespace dealgate {

TypeRef Type::make(Kind kind) {
  auto t = std::make_shared<Type>();
  t->kind = kind;
  return t;
}

TypeRef Type::list_of(TypeRef element) {
  auto t = std::make_shared<Type>();
  t->kind = Kind::List;
  t->element = std::move(element);
  return t;
}

TypeRef Type::record_at(NodeIndex node) {
  auto t = std::make_shared<Type>();
  t->kind = Kind::Record;
  t->record = node;
  return t;
}

std::string type_name(const Type& type, const Schema* schema) {
  switch (type.kind) {
    case Type::Kind::Bool: return "bool";
    case Type::Kind::Number: return "number";
    case Type::Kind::String: return "string";
    case Type::Kind::Date: return "date";
    case Type::Kind::List: return "list<" + type_name(*type.element, schema) + ">";
    case Type::Kind::EmptyList: return "an empty list";
    case Type::Kind::Error: return "an invalid expression";
    case Type::Kind::Record: {
      if (!schema || type.record == kNoNode) return "a record";
      std::string out = "{ ";
      bool first = true;
      for (NodeIndex f : schema->node(type.record).fields) {
        if (!first) out += ", ";
        first = false;
        const SchemaNode& n = schema->node(f);
        out += n.name;
      }
      return out + " }";
    }
  }
  return "?";
}

bool same_type(const Type& a, const Type& b) {
  if (a.kind == Type::Kind::Error || b.kind == Type::Kind::Error) return true;
  if (a.kind == Type::Kind::EmptyList) return b.kind == Type::Kind::List || b.kind == Type::Kind::EmptyList;
  if (b.kind == Type::Kind::EmptyList) return a.kind == Type::Kind::List;
  if (a.kind != b.kind) return false;
  if (a.kind == Type::Kind::List) return same_type(*a.element, *b.element);
  if (a.kind == Type::Kind::Record) return a.record == b.record;
  return true;
}

std::uint64_t expression_weight(const std::vector<ExprNode>& nodes, ExprIndex root) {
  // An explicit stack: expressions may be 1024 levels tall.
  std::uint64_t weight = 0;
  std::vector<ExprIndex> pending{root};
  while (!pending.empty()) {
    const ExprNode& n = nodes[pending.back()];
    pending.pop_back();
    weight += 1 + n.text.size();
    pending.insert(pending.end(), n.args.begin(), n.args.end());
  }
  return weight;
}

std::string_view Plan::source_of(const Span& span) const {
  if (span.file >= source_texts.size()) return {};
  std::string_view text = source_texts[span.file];
  if (span.begin > text.size() || span.end < span.begin) return {};
  return text.substr(span.begin, span.end - span.begin);
}

BlockIndex Plan::find_block(std::string_view name) const {
  for (BlockIndex i = 0; i < blocks.size(); ++i) {
    if (blocks[i].name == name) return i;
  }
  return kNone;
}

std::uint32_t Plan::find_param(std::string_view name) const {
  for (std::uint32_t i = 0; i < params.size(); ++i) {
    if (params[i].name == name) return i;
  }
  return kNone;
}

}  // namespace dealgate

namespace dealgate {

std::uint32_t PlanStages::phase_of(std::string_view stage) const {
  auto at = std::lower_bound(mapping.begin(), mapping.end(), stage,
                             [](const auto& entry, std::string_view key) { return entry.first < key; });
  return at != mapping.end() && at->first == stage ? at->second : kUnmapped;
}

}  // namespace dealgate
