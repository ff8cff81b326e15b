#include "engine/eval/eval_context.hpp"

#include "engine/eval/evaluator.hpp"

#include <charconv>
#include <iterator>

namespace dealgate {

void append_number(std::string& out, double number) {
  if (number == 0) {  // also -0
    out += '0';
  } else if (std::isnan(number)) {
    out += "NaN";
  } else if (std::isinf(number)) {
    out += number > 0 ? "Infinity" : "-Infinity";
  } else if (std::fabs(number) < 1e15 && number == std::trunc(number)) {
    // A whole number: its digits, as the shortest form below would give them, without fmt.
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits,
                                         static_cast<long long>(number));
    out.append(digits, static_cast<std::size_t>(end - digits));
  } else {
    fmt::format_to(std::back_inserter(out), "{}", number);
  }
}

std::string format_number(double number) {
  std::string out;
  append_number(out, number);
  return out;
}

namespace evaluation {

void render_to(Context& ctx, const Value& v, std::string& out, std::uint32_t max_elements) {
  switch (v.kind) {
    case Value::Kind::Bool: out += v.boolean ? "true" : "false"; return;
    case Value::Kind::Number: append_number(out, v.number); return;
    case Value::Kind::String: out += v.text; return;
    case Value::Kind::Date: out += format_date(v.date); return;
    case Value::Kind::Unknown: out += "<unknown>"; return;
    case Value::Kind::FactList: case Value::Kind::ExprList: {
      out += '[';
      const std::uint32_t size = ctx.list_size(v);
      for (std::uint32_t i = 0; i < size; ++i) {
        if (i == max_elements) {
          out += fmt::format(", ... {} more", size - i);
          break;
        }
        if (i) out += ", ";
        if (v.kind == Value::Kind::FactList && ctx.plan.schema.node(v.element).type == ValueType::Record) {
          out += "{...}";
          continue;
        }
        Value item = ctx.element_value(v, i);
        if (item.is_unknown()) {
          out += "<missing>";
        } else {
          render_to(ctx, item, out, max_elements);
        }
      }
      out += ']';
      return;
    }
  }
}

std::string render(Context& ctx, const Value& v, std::uint32_t max_elements) {
  std::string out;
  render_to(ctx, v, out, max_elements);
  return out;
}

}  // namespace evaluation
}  // namespace dealgate
