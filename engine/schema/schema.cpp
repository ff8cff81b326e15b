#include "engine/schema/schema.hpp"

#include "base/enum_words.hpp"

namespace dealgate {

const char* value_type_word(ValueType type) {
  static constexpr const char* kWords[] = {"bool", "number", "string", "date", "list", "record"};
  return enum_word<ValueType::Bool, ValueType::Record>(type, kWords);
}

Schema::Schema() {
  frames_.push_back({0, kNoNode});
}

NodeIndex Schema::find_field(NodeIndex record, std::string_view name) const {
  const std::vector<NodeIndex>& fields = record == kNoNode ? top_fields_ : nodes_[record].fields;
  for (NodeIndex f : fields) {
    if (nodes_[f].name == name) return f;
  }
  return kNoNode;
}

NodeIndex Schema::find_path(std::string_view dotted) const {
  NodeIndex at = kNoNode;
  while (true) {
    std::size_t dot = dotted.find('.');
    at = find_field(at, dotted.substr(0, dot));
    if (at == kNoNode || dot == std::string_view::npos) return at;
    if (nodes_[at].type != ValueType::Record) return kNoNode;
    dotted.remove_prefix(dot + 1);
  }
}

std::vector<std::string> Schema::all_paths() const {
  std::vector<std::string> paths;
  for (const SchemaNode& n : nodes_) {
    if (!n.name.empty()) paths.push_back(n.path);
  }
  return paths;
}

NodeIndex Schema::add_node(SchemaNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<NodeIndex>(nodes_.size() - 1);
}

NodeIndex Schema::add_field(NodeIndex parent, std::string name, ValueType type, Span span) {
  SchemaNode node;
  node.path = parent == kNoNode ? name : nodes_[parent].path + "." + name;
  node.name = std::move(name);
  node.type = type;
  node.parent = parent;
  node.frame = parent == kNoNode ? 0 : nodes_[parent].frame;
  node.slot = frames_[node.frame].width++;
  node.span = span;
  NodeIndex index = add_node(std::move(node));
  (parent == kNoNode ? top_fields_ : nodes_[parent].fields).push_back(index);
  return index;
}

NodeIndex Schema::set_element(NodeIndex list, ValueType type, Span span) {
  frames_.push_back({1, list});
  SchemaNode element;
  element.path = nodes_[list].path + "[]";
  element.type = type;
  element.parent = list;
  element.frame = static_cast<std::uint32_t>(frames_.size() - 1);
  element.slot = 0;
  element.span = span;
  NodeIndex index = add_node(std::move(element));
  nodes_[list].element = index;
  return index;
}

}  // namespace dealgate
