#!/usr/bin/python3
"""The same deals as a CRM's tabular export, for bench/inputs.sh.

    bench/tabular_deals.py deals.jsonl deals.csv            # every deal
    bench/tabular_deals.py deals.jsonl deals.xlsx --max N   # the first N deals, as a workbook

A header of fact paths (`value.price`), one row a deal: records flattened into dotted columns,
lists as one column holding a JSON array (the CSV layout of docs/cli.md), the undeclared CRM
fields kept as the columns an export would have. The columns are every path of the input, in the
order first seen; a deal that lacks one has an empty cell. The workbook is what a spreadsheet
export holds: one sheet, inline strings, numbers as numbers, booleans as booleans.
Only Debian's python3 and its standard library.
"""
import argparse
import csv
import json
import sys
import zipfile
from xml.sax.saxutils import escape


def flatten(record, prefix=""):
    for key, value in record.items():
        path = prefix + key
        if isinstance(value, dict):
            yield from flatten(value, path + ".")
        else:
            yield path, value


def deals(path, most):
    with open(path, encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if most is not None and count >= most:
                return
            if line.strip():
                yield dict(flatten(json.loads(line)))


def columns_of(path, most):
    seen = {}
    for deal in deals(path, most):
        for column in deal:
            seen.setdefault(column, None)
    return list(seen)


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def write_csv(source, target, most):
    columns = columns_of(source, most)
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for deal in deals(source, most):
            writer.writerow([cell_text(deal.get(c)) for c in columns])


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def xlsx_cell(ref, value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell_text(value))}</t></is></c>'


def write_xlsx(source, target, most):
    columns = columns_of(source, most)
    letters = [column_letters(i) for i in range(len(columns))]
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Deals" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            def put(text):
                sheet.write(text.encode("utf-8"))
            put('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetData>')
            put('<row r="1">' + "".join(
                xlsx_cell(f"{letters[i]}1", c) for i, c in enumerate(columns)) + "</row>")
            for number, deal in enumerate(deals(source, most), start=2):
                put(f'<row r="{number}">' + "".join(
                    xlsx_cell(f"{letters[i]}{number}", deal.get(c))
                    for i, c in enumerate(columns)) + "</row>")
            put("</sheetData></worksheet>")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="deals as JSON Lines (dealgate-gen-deals)")
    parser.add_argument("target", help="the .csv or .xlsx to write")
    parser.add_argument("--max", type=int, default=None, help="only the first MAX deals")
    args = parser.parse_args()
    if args.target.endswith(".xlsx"):
        write_xlsx(args.source, args.target, args.max)
    elif args.target.endswith(".csv"):
        write_csv(args.source, args.target, args.max)
    else:
        sys.exit(f"{args.target}: write a .csv or an .xlsx")


if __name__ == "__main__":
    main()
