// The static types of the rule language and the indices that name a rule set's parts: what the
// checker computes and the plan keeps. In a header of their own so that the checker, which needs
// them, does not depend on the plan, which is built from the checker's output.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "engine/schema/schema.hpp"

namespace dealgate {

using BlockIndex = std::uint32_t;
using ConditionIndex = std::uint32_t;
using ExprIndex = std::uint32_t;
inline constexpr std::uint32_t kNone = 0xffffffffu;

// A static type as the checker sees it. Lists carry their element type.
struct Type {
  enum class Kind : std::uint8_t { Bool, Number, String, Date, List, Record, EmptyList, Error };
  Kind kind = Kind::Error;
  std::shared_ptr<const Type> element;  // List
  NodeIndex record = kNoNode;           // Record: the schema node describing it

  static std::shared_ptr<const Type> make(Kind kind);
  static std::shared_ptr<const Type> list_of(std::shared_ptr<const Type> element);
  static std::shared_ptr<const Type> record_at(NodeIndex node);
};
using TypeRef = std::shared_ptr<const Type>;
std::string type_name(const Type& type, const Schema* schema = nullptr);
bool same_type(const Type& a, const Type& b);

}  // namespace dealgate
