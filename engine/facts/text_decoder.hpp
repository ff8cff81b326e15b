// The text encodings CRM exports arrive in, turned into UTF-8 before the CSV parser sees them:
//   * UTF-8, with or without a byte order mark: passed through (the parser skips the mark);
//   * UTF-16 little or big endian with its byte order mark (Excel's "Unicode text", Salesforce's
//     and HubSpot's spreadsheet exports on Windows): decoded, the mark dropped;
//   * Windows-1252 (what Excel writes as "CSV" on Windows in Western Europe and the Americas): not
//     detectable from its first bytes, so it is handled per cell instead: a cell that is not valid
//     UTF-8 is read as Windows-1252 (decode_windows_1252), since valid UTF-8 is almost never
//     accidental, while an accented name in Windows-1252 is never valid UTF-8.
// Incremental: feed() takes chunks of any size (a code unit or a surrogate pair may be split).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dealgate {

enum class TextEncoding : std::uint8_t { Utf8, Utf16Le, Utf16Be };

class TextDecoder {
 public:
  // Appends the UTF-8 text of `bytes` to `out`.
  void feed(std::string_view bytes, std::string& out);
  // The end of the input: an odd trailing byte of UTF-16 becomes U+FFFD. Resets for a new input.
  void finish(std::string& out);
  TextEncoding encoding() const { return encoding_; }

 private:
  void decode_utf16(std::string& out);

  bool decided_ = false;
  TextEncoding encoding_ = TextEncoding::Utf8;
  std::string held_;  // bytes not yet decoded: the start of the input, or a split code unit
};

// Appends `bytes` read as Windows-1252 to `out` as UTF-8. The five bytes the code page leaves
// undefined (0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD.
void decode_windows_1252(std::string_view bytes, std::string& out);

}  // namespace dealgate
