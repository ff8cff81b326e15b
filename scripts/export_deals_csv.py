#!/usr/bin/env python3
"""Writes examples/deals.csv, the CSV export of examples/deals.jsonl, the way a CRM report would.

    python3 scripts/export_deals_csv.py > examples/deals.csv

One column per fact path (`diagnosis.causes.confirmed`), in the order the paths first appear; a
list is one column holding the JSON array; null is an empty cell; booleans are `true`/`false`.

A CSV cell has no type, so one thing in the JSON example cannot be exported as it is: deal
D-2026-0187's amount, written as the string "420000" (a type error the JSON reader reports). Its
counterpart here is a number formatted as text the way a spreadsheet with a grouping locale writes
it, `420 000`, which is not a number either, so both files give that deal the same results.
"""
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def flatten(prefix, value, out):
    if isinstance(value, dict):
        for key, inner in value.items():
            flatten(prefix + [key], inner, out)
    else:
        out[".".join(prefix)] = value


def cell(path, value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if path == "amount" and isinstance(value, str):
        return f"{int(value):,}".replace(",", " ")
    return str(value)


def main():
    deals = []
    columns = []
    for line in (ROOT / "examples" / "deals.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        flat = {}
        flatten([], json.loads(line), flat)
        deals.append(flat)
        for path in flat:
            if path not in columns:
                columns.append(path)
    writer = csv.writer(sys.stdout, lineterminator="\r\n")
    writer.writerow(columns)
    for flat in deals:
        writer.writerow([cell(path, flat.get(path)) for path in columns])


if __name__ == "__main__":
    main()
