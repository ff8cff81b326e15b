#include "engine/eval_context.hpp"

#include "engine/evaluator.hpp"

namespace dealgate {

std::string format_number(double number) {
  if (number == 0) return "0";  // also -0
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", number);
}

namespace evaluation {

std::string render(Context& ctx, const Value& v) {
  switch (v.kind) {
    case Value::Kind::Bool: return v.boolean ? "true" : "false";
    case Value::Kind::Number: return format_number(v.number);
    case Value::Kind::String: return std::string(v.text);
    case Value::Kind::Date: return format_date(v.date);
    case Value::Kind::Unknown: return "<unknown>";
    case Value::Kind::FactList: case Value::Kind::ExprList: {
      std::string out = "[";
      std::uint32_t size = ctx.list_size(v);
      for (std::uint32_t i = 0; i < size; ++i) {
        if (i) out += ", ";
        if (v.kind == Value::Kind::FactList && ctx.plan.schema.node(v.element).type == ValueType::Record) {
          out += "{...}";
          continue;
        }
        Value item = ctx.element_value(v, i);
        out += item.is_unknown() ? "<missing>" : render(ctx, item);
      }
      return out + "]";
    }
  }
  return "";
}

}  // namespace evaluation
}  // namespace dealgate
