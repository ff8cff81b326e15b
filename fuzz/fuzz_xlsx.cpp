// libFuzzer target: arbitrary bytes as an .xlsx workbook, read by the XLSX row source
// (cli/xlsx_rows.cpp). Bytes that begin like a zip archive (`PK`) are the whole workbook, which
// exercises libzip and the checks of the archive's parts; any other bytes are the XML of the
// first sheet, put into a well-formed workbook here, since random bytes rarely survive
// decompression. Either way reading ends with rows or an error message, never a crash or a hang.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "cli/xlsx_rows.hpp"

namespace {

// A workbook around `sheet`, built in memory: stored, not compressed, so the fuzzer's bytes reach
// expat as they are.
std::string workbook_with_sheet(const std::string& sheet) {
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
       R"(<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/styles.xml",
       R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>)"
       R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)"},
      {"xl/sharedStrings.xml", "<sst><si><t>id</t></si><si><r><t>a</t></r></si></sst>"},
      {"xl/worksheets/sheet1.xml", sheet},
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = buffer != nullptr ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  zip_error_fini(&error);
  if (zip == nullptr) std::abort();
  zip_source_keep(buffer);
  for (const auto& [name, text] : entries) {
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), source, 0);
    if (index < 0) std::abort();
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(zip) != 0) std::abort();
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    char chunk[4096];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0)
      bytes.append(chunk, static_cast<std::size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  const bool archive = size >= 2 && data[0] == 'P' && data[1] == 'K';
  const std::string workbook = archive ? input : workbook_with_sheet(input);
  dealgate::cli::XlsxOptions options;
  options.max_row_bytes = 4096;  // the error row for a long row, reachable by small inputs
  std::size_t rows = 0;
  const std::string error = dealgate::cli::read_xlsx_rows_from_memory(
      workbook, "fuzz.xlsx", options, [&](const dealgate::CsvRow& row) {
        ++rows;
        for (std::string_view cell : row.cells) {
          if (cell.size() > workbook.size() + 64) std::abort();  // a cell only from the input
        }
      });
  (void)error;
  (void)rows;
  return 0;
}
