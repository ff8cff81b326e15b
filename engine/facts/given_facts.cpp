#include "engine/facts/given_facts.hpp"

namespace dealgate {
namespace {

class GivenWriter {
 public:
  GivenWriter(const Schema& schema, Facts& facts) : schema_(schema), facts_(facts) {}

  // Frames are addressed by index, not pointer: filling a nested list grows the pool.
  struct Frame {
    bool top;
    std::size_t base;
  };

  FactValue& at(Frame frame, std::uint32_t slot) {
    return frame.top ? facts_.top[slot] : facts_.pool[frame.base + slot];
  }

  void fill(const ast::Expr& value, NodeIndex n, Frame frame) {
    const SchemaNode& node = schema_.node(n);
    FactValue v;
    v.state = FactState::Present;
    switch (node.type) {
      case ValueType::Bool:
        if (value.kind != ast::Expr::Kind::Bool) return;
        v.boolean = value.boolean;
        break;
      case ValueType::Number:
        if (value.kind == ast::Expr::Kind::Number) {
          v.number = value.number;
        } else if (value.kind == ast::Expr::Kind::Unary && value.args[0]->kind == ast::Expr::Kind::Number) {
          v.number = -value.args[0]->number;
        } else {
          return;
        }
        break;
      case ValueType::String:
        if (value.kind != ast::Expr::Kind::String) return;
        v.text = facts_.store(value.text);
        break;
      case ValueType::Date:
        if (value.kind == ast::Expr::Kind::Date) {
          v.date = days_from_civil(value.year, value.month, value.day);
        } else if (auto d = value.kind == ast::Expr::Kind::String ? parse_date_or_timestamp(value.text) : std::nullopt) {
          v.date = *d;
        } else {
          return;
        }
        break;
      case ValueType::Record:
        if (value.kind != ast::Expr::Kind::Record) return;
        at(frame, node.slot) = v;
        for (const ast::RecordField& field : value.fields) {
          NodeIndex child = schema_.find_field(n, field.key.name);
          if (child != kNoNode) fill(*field.value, child, frame);
        }
        return;
      case ValueType::List: {
        if (value.kind != ast::Expr::Kind::List || node.element == kNoNode) return;
        const SchemaNode& element = schema_.node(node.element);
        ListRef list;
        list.count = static_cast<std::uint32_t>(value.args.size());
        list.width = schema_.frames()[element.frame].width;
        list.first = static_cast<std::uint32_t>(facts_.pool.size());
        facts_.pool.resize(facts_.pool.size() + static_cast<std::size_t>(list.count) * list.width);
        v.list = static_cast<std::uint32_t>(facts_.lists.size());
        facts_.lists.push_back(list);
        at(frame, node.slot) = v;
        for (std::uint32_t i = 0; i < list.count; ++i) {
          fill(*value.args[i], node.element, {false, list.first + static_cast<std::size_t>(i) * list.width});
        }
        return;
      }
    }
    at(frame, node.slot) = v;
  }

 private:
  const Schema& schema_;
  Facts& facts_;
};

}  // namespace

void facts_from_given(const Schema& schema, const ast::Expr& given, Facts& facts) {
  facts.clear(schema.frames()[0].width);
  if (given.kind != ast::Expr::Kind::Record) return;
  GivenWriter writer(schema, facts);
  for (const ast::RecordField& field : given.fields) {
    NodeIndex node = schema.find_field(kNoNode, field.key.name);
    if (node != kNoNode) writer.fill(*field.value, node, {true, 0});
  }
}

}  // namespace dealgate
