// Binding `--param name=value` overrides to a plan's params.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "engine/eval/evaluator.hpp"
#include "base/suggest.hpp"

namespace dealgate {
namespace {

bool parse_number(std::string_view text, double& out) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  if (digits.empty()) return false;
  const char* begin = digits.data();
  if (*begin == '+') ++begin;
  auto [end, ec] = std::from_chars(begin, digits.data() + digits.size(), out);
  return ec == std::errc() && end == digits.data() + digits.size() && std::isfinite(out);
}

}  // namespace

std::shared_ptr<const ParamValues> bind_params(
    const Plan& plan, const std::vector<std::pair<std::string, std::string>>& overrides,
    std::string& error) {
  auto values = std::make_shared<ParamValues>();
  for (const PlanParam& p : plan.params) values->values.push_back(evaluate_constant(plan, p.default_value));
  for (const auto& [name, text] : overrides) {
    std::uint32_t index = plan.find_param(name);
    if (index == kNone) {
      std::vector<std::string> names;
      for (const PlanParam& p : plan.params) names.push_back(p.name);
      std::string hint = did_you_mean(name, names);
      if (hint.empty()) {
        hint = names.empty() ? "the rules declare no params"
                             : "the rules declare: " + fmt::format("{}", fmt::join(names, ", "));
      }
      error = fmt::format("unknown param `{}`; {}", name, hint);
      return nullptr;
    }
    const PlanParam& p = plan.params[index];
    Value& v = values->values[index];
    switch (p.type) {
      case Type::Kind::Number: {
        double n;
        if (!parse_number(text, n)) {
          error = fmt::format("param `{}` is a number, but `{}` is not one (write it like 3, 2.5 or 1_000)", name, text);
          return nullptr;
        }
        v = Value::of_number(n);
        break;
      }
      case Type::Kind::Bool:
        if (text != "true" && text != "false") {
          error = fmt::format("param `{}` is a bool: write `{}=true` or `{}=false`, not `{}`", name, name, name, text);
          return nullptr;
        }
        v = Value::of_bool(text == "true");
        break;
      case Type::Kind::Date: {
        auto d = parse_date(text);
        if (!d) {
          error = fmt::format("param `{}` is a date: write it as YYYY-MM-DD, not `{}`", name, text);
          return nullptr;
        }
        v = Value::of_date(*d);
        break;
      }
      case Type::Kind::String:
        v = Value::of_string(values->texts.emplace_back(text));
        break;
      default:
        error = fmt::format("param `{}` cannot be set from the command line", name);
        return nullptr;
    }
  }
  return values;
}

}  // namespace dealgate
