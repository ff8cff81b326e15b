// The facts schema of a rule set, merged from its `facts` blocks and laid out as slots: every
// declared path gets a slot number in a frame, so evaluating a deal reads facts by index.
//
// Frame 0 holds the deal's top-level paths (records included: `value` and `value.price` both have
// a slot). Each `list<T>` starts a new frame for one element: slot 0 is the element itself and, for
// a list of records, its fields follow (`stakeholders[].role`).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/source.hpp"

namespace dealgate {

enum class ValueType : std::uint8_t { Bool, Number, String, Date, List, Record };

// The type as the rule language writes it: `bool`, `number`, `string`, `date`, `list`, `record`.
const char* value_type_word(ValueType type);

using NodeIndex = std::uint32_t;
inline constexpr NodeIndex kNoNode = std::numeric_limits<NodeIndex>::max();

struct SchemaNode {
  std::string name;   // the last segment: `price`
  std::string path;   // the full path: `value.price`, `stakeholders[].role`
  ValueType type = ValueType::Bool;
  std::uint32_t frame = 0;         // which frame the slot lives in
  std::uint32_t slot = 0;          // index within that frame
  std::vector<NodeIndex> fields;   // Record: its fields, in declaration order
  NodeIndex element = kNoNode;     // List: the element node (slot 0 of a new frame)
  NodeIndex parent = kNoNode;      // the enclosing record or list; kNoNode at the top
  Span span;                       // where it was declared
};

struct SchemaFrame {
  std::uint32_t width = 0;     // slots in the frame
  NodeIndex owner = kNoNode;   // the list node whose elements use this frame; kNoNode for frame 0
};

class Schema {
 public:
  Schema();

  const std::vector<SchemaNode>& nodes() const { return nodes_; }
  const SchemaNode& node(NodeIndex i) const { return nodes_[i]; }
  const std::vector<SchemaFrame>& frames() const { return frames_; }
  // Top-level fields in declaration order.
  const std::vector<NodeIndex>& top_fields() const { return top_fields_; }
  // A field of a record node (or of the top level, with kNoNode); kNoNode when absent.
  NodeIndex find_field(NodeIndex record, std::string_view name) const;
  // A top-level dotted path such as `value.price`; kNoNode when not declared.
  NodeIndex find_path(std::string_view dotted) const;
  // Every declared path that a reader may fill, for "did you mean" suggestions.
  std::vector<std::string> all_paths() const;

  // Building (used by the checker). `parent` is a record node or kNoNode for the top level.
  NodeIndex add_field(NodeIndex parent, std::string name, ValueType type, Span span);
  // Makes `list` a list whose elements have `type`; returns the element node.
  NodeIndex set_element(NodeIndex list, ValueType type, Span span);

 private:
  NodeIndex add_node(SchemaNode node);

  std::vector<SchemaNode> nodes_;
  std::vector<SchemaFrame> frames_;
  std::vector<NodeIndex> top_fields_;
};

}  // namespace dealgate
