#!/usr/bin/env python3
"""docs/cli.md "Help texts" copies `dealgate ... --help`; each copy must equal the program's output,
so the listings cannot drift from the options again. Usage: help_texts_test.py DEALGATE CLI_MD"""
import re
import subprocess
import sys


def normalised(text):
    # Trailing white space and trailing blank lines are invisible in Markdown; nothing else differs.
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def main():
    dealgate, cli_md = sys.argv[1], sys.argv[2]
    text = open(cli_md, encoding="utf-8").read()
    section = text.partition("## Help texts\n")[2]
    listings = re.findall(r"```\n\$ (dealgate[^\n]*--help)\n(.*?)\n```", section, flags=re.S)
    if not listings:
        print(f"{cli_md}: no `$ dealgate ... --help` listings under \"## Help texts\"")
        return 1
    failed = 0
    for command, copied in listings:
        out = subprocess.run([dealgate] + command.split()[1:], capture_output=True, text=True).stdout
        if normalised(out) != normalised(copied):
            failed += 1
            print(f"{cli_md}: the listing of `{command}` differs from the program's output:")
            for line in __import__("difflib").unified_diff(
                    normalised(copied).splitlines(), normalised(out).splitlines(), "docs", "program",
                    lineterm=""):
                print("  " + line)
    print(f"{len(listings) - failed} of {len(listings)} help listings equal the program's output")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
