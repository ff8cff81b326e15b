#include "engine/check/source_constant.hpp"

#include <fmt/format.h>

#include "base/calendar.hpp"
#include "base/plain_values.hpp"

namespace dealgate::checking {

std::optional<ConstantProblem> constant_problem(ValueType type, std::string_view text) {
  switch (type) {
    case ValueType::Bool:
      if (parse_csv_bool(text)) return std::nullopt;
      return ConstantProblem{fmt::format("`{}` is not a bool", text),
                             "write true or false (yes, no, 1 and 0 read too)"};
    case ValueType::Number:
      if (parse_csv_number(text)) return std::nullopt;
      return ConstantProblem{
          fmt::format("`{}` is not a number", text),
          "write a plain number like \"0.25\" or \"1200000\": no thousands separators, currency "
          "or percent sign"};
    case ValueType::Date:
      if (parse_date_or_timestamp(trim_blanks(text))) return std::nullopt;
      return ConstantProblem{fmt::format("`{}` is not a date", text),
                             "write it as YYYY-MM-DD, like \"2026-12-15\""};
    case ValueType::String:
    case ValueType::List:
    case ValueType::Record:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace dealgate::checking
