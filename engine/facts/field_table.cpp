#include "engine/facts/field_table.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

namespace dealgate {
namespace {

// Field names are hashed on their first four bytes with the closing quote (`id"` for `id`),
// which a raw key (the bytes after its opening quote, padded) gives without scanning for its end.
std::uint32_t key_prefix(const char* raw) {
  std::uint32_t word = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&word, raw, 4);
  } else {
    for (int i = 0; i < 4; ++i)
      word |= std::uint32_t{static_cast<unsigned char>(raw[i])} << (8 * i);
  }
  // Keep the bytes up to the first quote (a name of up to three bytes ends there): find it with
  // the zero-byte trick on word ^ '""""'.
  const std::uint32_t x = word ^ 0x22222222u;
  const std::uint32_t quotes = (x - 0x01010101u) & ~x & 0x80808080u;
  if (quotes != 0) {
    const int at = std::countr_zero(quotes) / 8;  // byte index of the first quote
    if (at < 3) word &= (std::uint32_t{1} << (8 * (at + 1))) - 1;
  }
  return word;
}
std::uint32_t name_prefix(std::string_view name) {
  char quoted[4] = {'"', '"', '"', '"'};
  std::memcpy(quoted, name.data(), std::min<std::size_t>(name.size(), 4));
  if (name.size() < 4) quoted[name.size()] = '"';
  return key_prefix(quoted);
}

}  // namespace

void FieldTable::build(const std::vector<SchemaNode>& nodes, const std::vector<NodeIndex>& fields) {
  // Names that share their first four bytes (`stage`, `stages`) cannot be told apart by the
  // hash: they are found by probing. The others should land alone in their slot, so multipliers
  // (and, for small tables, sizes) are tried until only those unavoidable collisions are left.
  std::vector<std::uint32_t> prefixes;
  for (NodeIndex f : fields) prefixes.push_back(name_prefix(nodes[f].name));
  std::sort(prefixes.begin(), prefixes.end());
  const auto unavoidable =
      static_cast<std::size_t>(prefixes.end() - std::unique(prefixes.begin(), prefixes.end()));
  const std::uint32_t attempts = fields.size() <= 256 ? 256 : 1;
  std::size_t size = 4;
  while (size < fields.size() * 2) size *= 2;
  for (std::uint32_t attempt = 0; attempt < attempts; ++attempt) {
    if (attempt > 0 && attempt % 64 == 0) size *= 2;
    multiplier_ = (0x9E3779B1u + attempt * 0x6A09E667u) | 1u;
    shift_ = 32 - static_cast<unsigned>(std::countr_zero(size));
    slots_.assign(size, Entry{});
    std::size_t collisions = 0;
    for (NodeIndex f : fields) {
      const std::string& name = nodes[f].name;
      std::size_t i = index(name_prefix(name));
      if (slots_[i].node != kNoNode) ++collisions;
      while (slots_[i].node != kNoNode) i = (i + 1) & (size - 1);
      slots_[i] = make_entry(name, f);
    }
    collision_free_ = collisions == 0;
    if (collisions <= unavoidable) return;
  }
}

FieldTable::Entry FieldTable::make_entry(std::string_view name, NodeIndex node) {
  Entry entry;
  entry.node = node;
  entry.name = name;
  entry.quoted_size = static_cast<std::uint32_t>(name.size() + 1);
  char quoted[8 * Entry::kWords] = {};
  const std::size_t stored = std::min(name.size() + 1, sizeof quoted);
  std::memcpy(quoted, name.data(), std::min(name.size(), sizeof quoted));
  if (name.size() < sizeof quoted) quoted[name.size()] = '"';
  for (std::size_t w = 0; w < Entry::kWords; ++w) {
    entry.words[w] = load_word(quoted + 8 * w);
    const std::size_t used = std::min<std::size_t>(8, stored > 8 * w ? stored - 8 * w : 0);
    entry.masks[w] = used == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * used)) - 1;
  }
  return entry;
}

void FieldTable::remember(std::size_t position, const char* raw, NodeIndex node) {
  if (position >= kRecentKeys) return;
  if (position >= recent_.size()) recent_.resize(position + 1);
  Entry& entry = recent_[position];
  if (node != kNoNode) {  // a declared name: its entry is made already
    for (const Entry& declared : slots_) {
      if (declared.node == node) {
        entry = declared;
        return;
      }
    }
  }
  entry = Entry{};
  std::size_t length = 0;
  while (raw[length] != '"' && raw[length] != '\\') ++length;
  // Keys with an escape are matched the slow way; an undeclared key is remembered only as far
  // as its words hold it, since its bytes do not outlive the record.
  if (raw[length] == '\\' || length + 1 > 8 * Entry::kWords) return;
  entry = make_entry(std::string_view(raw, length), kNoNode);
}

bool FieldTable::matches_long(const Entry& entry, const char* raw, const char* end) {
  constexpr std::size_t kStored = 8 * Entry::kWords;
  return static_cast<std::size_t>(end - raw) >= entry.quoted_size &&
         std::memcmp(raw + kStored, entry.name.data() + kStored, entry.quoted_size - 1 - kStored) ==
             0 &&
         raw[entry.quoted_size - 1] == '"';
}

NodeIndex FieldTable::find(const char* raw, const char* end) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = index(key_prefix(raw));
  if (collision_free_) {
    const Entry& entry = slots_[i];
    return entry.node != kNoNode && matches(entry, raw, end) ? entry.node : kNoNode;
  }
  for (;; i = (i + 1) & mask) {
    const Entry& entry = slots_[i];
    if (entry.node == kNoNode) return kNoNode;
    if (matches(entry, raw, end)) return entry.node;
  }
}

NodeIndex FieldTable::find_name(std::string_view name) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = index(name_prefix(name));; i = (i + 1) & mask) {
    const Entry& entry = slots_[i];
    if (entry.node == kNoNode || entry.name == name) return entry.node;
  }
}

}  // namespace dealgate
