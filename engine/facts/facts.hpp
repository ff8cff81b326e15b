// One deal's facts, laid out by the schema's slots. A reader fills it; the evaluator only reads it.
// All storage is reused across deals: `clear()` keeps capacity, so a long run stops allocating.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/calendar.hpp"

namespace dealgate {

enum class FactState : std::uint8_t {
  Missing,  // key absent or null
  Invalid,  // present, but its JSON type does not fit the schema; `text` keeps what it was
  Present,
};

// A text range in Facts::strings.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

struct FactValue {
  FactState state = FactState::Missing;
  union {
    bool boolean;
    double number;
    DayNumber date;
    std::uint32_t list;  // index into Facts::lists
  };
  TextRef text;  // String: the value; Invalid: the offending JSON, for explanations

  FactValue() : number(0) {}
};

// A list's elements are `count` consecutive groups of `width` values in Facts::pool, one group per
// element laid out as the element's frame.
struct ListRef {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  std::uint32_t width = 1;
};

struct Facts {
  std::vector<FactValue> top;    // frame 0, sized to the schema's frame 0 width
  std::vector<FactValue> pool;   // list elements of every list in the deal
  std::vector<ListRef> lists;
  std::string strings;           // backing store for every TextRef

  void clear(std::uint32_t top_width) {
    top.assign(top_width, FactValue{});
    pool.clear();
    lists.clear();
    strings.clear();
  }
  std::string_view text(const FactValue& v) const {
    return std::string_view(strings).substr(v.text.offset, v.text.length);
  }
  const FactValue* element(const ListRef& list, std::uint32_t i) const {
    return pool.data() + list.first + static_cast<std::size_t>(i) * list.width;
  }
  TextRef store(std::string_view s) {
    TextRef ref{static_cast<std::uint32_t>(strings.size()), static_cast<std::uint32_t>(s.size())};
    strings.append(s);
    return ref;
  }
};

}  // namespace dealgate
