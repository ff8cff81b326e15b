// A value during evaluation. Unknown is a value like any other; where it came from is recovered
// only when a condition ends unknown (see evaluator.cpp), so the common path carries no reasons.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/calendar.hpp"

namespace dealgate {

struct Value {
  enum class Kind : std::uint8_t {
    Unknown,
    Bool,
    Number,
    String,
    Date,
    FactList,  // a list fact: `list` indexes Facts::lists, `element` is the schema element node
    ExprList,  // a list literal in the rules: `list` is its plan node
  };
  Kind kind = Kind::Unknown;
  union {
    bool boolean;
    double number;
    DayNumber date;
    std::uint32_t list;
  };
  std::uint32_t element = 0;
  std::string_view text;  // String: points into the facts or the plan, both outlive the value

  Value() : number(0) {}
  static Value unknown() { return Value(); }
  static Value of_bool(bool b) { Value v; v.kind = Kind::Bool; v.boolean = b; return v; }
  static Value of_number(double n) { Value v; v.kind = Kind::Number; v.number = n; return v; }
  static Value of_date(DayNumber d) { Value v; v.kind = Kind::Date; v.date = d; return v; }
  static Value of_string(std::string_view s) { Value v; v.kind = Kind::String; v.text = s; return v; }

  bool is_unknown() const { return kind == Kind::Unknown; }
  bool is_true() const { return kind == Kind::Bool && boolean; }
  bool is_false() const { return kind == Kind::Bool && !boolean; }
};

}  // namespace dealgate
