// JSON text written by hand, one way: the one string escaper of the project and a small streaming
// writer for objects and arrays. Every JSON the program, the library and the language server emit
// goes through here, so a string is escaped the same way everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dealgate {

// Whether `text` holds a byte a JSON string must escape: `"`, `\` or a control character.
bool json_needs_escape(std::string_view text);

// `text` escaped for the inside of a JSON string: `\"`, `\\`, `\n`, `\r`, `\t`, other control
// characters as `\u00XX`. Every other byte is kept as it is, so UTF-8 passes through and bytes that
// are not UTF-8 are not mended here (the readers reject them earlier, or they came from the user).
std::string json_escape(std::string_view text);

// Appends `text` as a JSON string, quotes included; no copy when nothing needs escaping (the
// common case on the record hot path).
void append_json_string(std::string& out, std::string_view text);

// Writes one JSON value into a string: commas between members and elements are placed by the
// writer, so callers only say what comes next. It checks nothing else (keys inside arrays, unclosed
// objects): the callers are the program's own renderers. Nesting deeper than 64 is not supported.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The next member's key; its value follows.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  // A JSON string, or `null` when `text` is empty (optional fields of the records).
  JsonWriter& string_or_null(std::string_view text);
  JsonWriter& number(std::uint64_t n);
  JsonWriter& number(std::int64_t n);
  JsonWriter& number(std::uint32_t n) { return number(std::uint64_t{n}); }
  JsonWriter& number(int n) { return number(std::int64_t{n}); }
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  // JSON rendered elsewhere (a plan's pre-quoted names, a nested renderer's output), as written.
  JsonWriter& raw(std::string_view json);

  std::string& out() { return out_; }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void separate();

  std::string& out_;
  std::uint64_t has_items_ = 0;  // bit d: the container at depth d has a member already
  unsigned depth_ = 0;
  bool after_key_ = false;
};

}  // namespace dealgate
