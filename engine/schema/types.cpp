#include "engine/schema/types.hpp"

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
    case Type::Kind::Bool:
      return "bool";
    case Type::Kind::Number:
      return "number";
    case Type::Kind::String:
      return "string";
    case Type::Kind::Date:
      return "date";
    case Type::Kind::List:
      return "list<" + type_name(*type.element, schema) + ">";
    case Type::Kind::EmptyList:
      return "an empty list";
    case Type::Kind::Error:
      return "an invalid expression";
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
  if (a.kind == Type::Kind::EmptyList)
    return b.kind == Type::Kind::List || b.kind == Type::Kind::EmptyList;
  if (b.kind == Type::Kind::EmptyList) return a.kind == Type::Kind::List;
  if (a.kind != b.kind) return false;
  if (a.kind == Type::Kind::List) return same_type(*a.element, *b.element);
  if (a.kind == Type::Kind::Record) return a.record == b.record;
  return true;
}

}  // namespace dealgate
