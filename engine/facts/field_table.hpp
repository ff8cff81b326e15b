// Field-name look-up for one record of the schema (or the top level), on raw JSON keys: the bytes
// after a key's opening quote, followed by at least SIMDJSON_PADDING readable bytes. Keys are
// compared as they are written, without unescaping or even measuring them; the JSON reader
// unescapes a key and asks again (find_name) only when a key with an escape matched nothing.
//
// A table belongs to one reader, and so to one thread: besides the declared names it remembers
// the keys of the last object read through it.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "engine/schema/schema.hpp"

namespace dealgate {

class FieldTable {
 public:
  // The table of `fields` (a record's fields, or the top-level ones), named as in `nodes`.
  void build(const std::vector<SchemaNode>& nodes, const std::vector<NodeIndex>& fields);

  // The field whose name the raw key at `raw` spells, in a document ending at `end`.
  NodeIndex find(const char* raw, const char* end) const;
  // The field named `name` (an unescaped key).
  NodeIndex find_name(std::string_view name) const;

  // Records of one export spell their keys in the same order. recall() answers for the key at
  // `position` of an object when it is the key met there in the previous object (true, with
  // `node` set, kNoNode for an undeclared key); remember() records what find() said instead.
  bool recall(std::size_t position, const char* raw, const char* end, NodeIndex& node) const;
  void remember(std::size_t position, const char* raw, NodeIndex node);

 private:
  struct Entry {
    NodeIndex node = kNoNode;
    std::uint32_t quoted_size = 0;  // name.size() + 1: the name and its closing quote; 0: unused
    // The name and its closing quote, zero-padded to whole words, and which bytes of each word
    // count: whole words of a raw key can always be read. Longer names are compared with memcmp
    // past the last word.
    static constexpr std::size_t kWords = 3;
    std::uint64_t words[kWords] = {};
    std::uint64_t masks[kWords] = {};
    std::string_view name;  // into the schema (declared names only)
  };
  static constexpr std::size_t kRecentKeys = 64;

  static std::uint64_t load_word(const char* p);
  static Entry make_entry(std::string_view name, NodeIndex node);
  static bool matches(const Entry& entry, const char* raw, const char* end);
  static bool matches_long(const Entry& entry, const char* raw, const char* end);
  std::size_t index(std::uint32_t prefix) const { return (prefix * multiplier_) >> shift_; }

  // Collision-free for the declared names when it can be (the multiplier is chosen when the
  // table is built), so that a look-up is one hash and one compare.
  std::vector<Entry> slots_;  // power-of-two size; node kNoNode when empty
  std::uint32_t multiplier_ = 0;
  unsigned shift_ = 0;
  bool collision_free_ = false;  // every name in its home slot
  std::vector<Entry> recent_;    // by position in the last object read through the table
};

// recall() and what it needs are here, to be inlined into the reader's loop over keys.

inline std::uint64_t FieldTable::load_word(const char* p) {
  std::uint64_t word = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&word, p, 8);
  } else {
    for (int i = 0; i < 8; ++i) word |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  return word;
}

// All three words are compared, without branching: names are mostly short, and a loop over "as
// many words as the name has" mispredicted on every other key.
inline bool FieldTable::matches(const Entry& entry, const char* raw, const char* end) {
  const std::uint64_t diff = ((load_word(raw) & entry.masks[0]) ^ entry.words[0]) |
                             ((load_word(raw + 8) & entry.masks[1]) ^ entry.words[1]) |
                             ((load_word(raw + 16) & entry.masks[2]) ^ entry.words[2]);
  if (diff != 0) return false;
  return entry.quoted_size <= 8 * Entry::kWords || matches_long(entry, raw, end);
}

inline bool FieldTable::recall(std::size_t position, const char* raw, const char* end,
                               NodeIndex& node) const {
  if (position >= recent_.size()) return false;
  const Entry& entry = recent_[position];
  if (entry.quoted_size == 0 || !matches(entry, raw, end)) return false;
  node = entry.node;
  return true;
}

}  // namespace dealgate
