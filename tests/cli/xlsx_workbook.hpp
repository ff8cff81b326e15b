// Writes small .xlsx workbooks for tests, part by part, with libzip: each test states the exact
// XML a spreadsheet program would write (sparse references, styles, shared strings), rather than
// depending on one writer's habits.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace dealgate::testing {

struct XlsxSheet {
  std::string name;
  std::string rows;  // the <row> elements of <sheetData>
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;
  std::vector<std::string> shared_strings;  // each an <si> item's XML, such as `<t>Acme</t>`
  std::string number_formats;               // <numFmt> elements
  std::vector<int> cell_formats = {0};      // the numFmtId of each cell style (`s="1"` → [1])
  bool date1904 = false;
};

inline std::string xlsx_sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

inline void write_zip(const std::string& path,
                      const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("cannot create " + path);
  for (const auto& [name, text] : entries) {
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("cannot add " + name);
  }
  if (zip_close(zip) != 0) throw std::runtime_error("cannot write " + path);
}

inline void write_xlsx(const std::string& path, const XlsxBook& book) {
  const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  const std::string rns =
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  std::string workbook = "<workbook " + ns + " " + rns + ">" +
                         (book.date1904 ? R"(<workbookPr date1904="1"/>)" : "") + "<sheets>";
  std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t i = 0; i < book.sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += R"(<sheet name=")" + book.sheets[i].name + R"(" sheetId=")" + n + R"(" r:id="rId)" +
                n + R"("/>)";
    rels +=
        R"(<Relationship Id="rId)" + n +
        R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet)" +
        n + R"(.xml"/>)";
    entries.emplace_back("xl/worksheets/sheet" + n + ".xml", xlsx_sheet_xml(book.sheets[i].rows));
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  std::string styles = "<styleSheet " + ns + ">";
  if (!book.number_formats.empty()) styles += "<numFmts>" + book.number_formats + "</numFmts>";
  styles += "<cellXfs>";
  for (int format : book.cell_formats)
    styles += R"(<xf numFmtId=")" + std::to_string(format) + R"("/>)";
  styles += "</cellXfs></styleSheet>";
  std::string strings = "<sst " + ns + ">";
  for (const std::string& item : book.shared_strings) strings += "<si>" + item + "</si>";
  strings += "</sst>";
  entries.emplace_back("xl/workbook.xml", workbook);
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels);
  entries.emplace_back("xl/styles.xml", styles);
  entries.emplace_back("xl/sharedStrings.xml", strings);
  write_zip(path, entries);
}

}  // namespace dealgate::testing
