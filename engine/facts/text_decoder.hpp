// The text encodings CRM exports arrive in, turned into UTF-8 before a reader parses them
// (engine/facts/input_source.hpp decodes with it, for the CSV and the JSON reader alike).
// TextEncoding::Auto, the default, tells them apart as well as their bytes allow:
//   * UTF-8, with or without a byte order mark: passed through (the readers skip the mark);
//   * UTF-16 little or big endian with its byte order mark (Excel's "Unicode text", Salesforce's
//     and HubSpot's spreadsheet exports on Windows, PowerShell's Out-File): decoded, the mark
//     dropped;
//   * Windows-1252 (what Excel writes as "CSV" on Windows in Western Europe and the Americas): not
//     detectable from its first bytes, so the CSV reader handles it per cell instead: a cell that
//     is not valid UTF-8 is read as Windows-1252 (decode_windows_1252), since valid UTF-8 is almost
//     never accidental, while an accented name in Windows-1252 is never valid UTF-8.
// A forced encoding (`--encoding`) decodes the whole input so, for what detection cannot see:
// UTF-16 without a byte order mark (a leading one is dropped), Windows-1252 whose bytes happen to
// be valid UTF-8 (`Ã©` is two Windows-1252 letters, and one `é` in UTF-8), or UTF-8 that must never
// be taken for Windows-1252 (a bad byte then becomes U+FFFD, see repair_utf8). Incremental: feed()
// takes chunks of any size (a code unit or a surrogate pair may be split).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dealgate {

enum class TextEncoding : std::uint8_t { Auto, Utf8, Utf16Le, Utf16Be, Windows1252 };

class TextDecoder {
 public:
  explicit TextDecoder(TextEncoding encoding = TextEncoding::Auto);

  // Appends the UTF-8 text of `bytes` to `out`.
  void feed(std::string_view bytes, std::string& out);
  // The end of the input: an odd trailing byte of UTF-16 becomes U+FFFD. Resets for a new input.
  void finish(std::string& out);
  // What the input is read as: the forced encoding, or what Auto found (Auto until it has seen
  // two bytes).
  TextEncoding encoding() const { return encoding_; }
  // From now on every byte fed comes out unchanged (the input is UTF-8), so a caller may stop
  // feeding and read straight.
  bool passes_through() const { return decided_ && encoding_ == TextEncoding::Utf8; }

 private:
  void decode_utf16(std::string& out);
  void start();

  TextEncoding forced_;
  bool decided_ = false;
  bool at_start_ = true;  // a forced UTF-16's leading byte order mark is still to be dropped
  TextEncoding encoding_ = TextEncoding::Auto;
  std::string held_;  // bytes not yet decoded: the start of the input, or a split code unit
};

// Appends `bytes` read as Windows-1252 to `out` as UTF-8. The five bytes the code page leaves
// undefined (0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD.
void decode_windows_1252(std::string_view bytes, std::string& out);

// Appends `bytes` to `out` with every ill-formed UTF-8 sequence (each maximal subpart, as the
// Unicode standard recommends) replaced by U+FFFD.
void repair_utf8(std::string_view bytes, std::string& out);

}  // namespace dealgate
