#!/usr/bin/env python3
"""Each folder includes only itself and the folders below it (docs/architecture.md).

Reads every #include "..." of the project's own headers in the C++ sources and fails, naming the
file, line and the folder it reached, on an include that goes upward or sideways. Run by CTest.
"""
import pathlib
import re
import sys

# folder -> the folders it may include besides itself. Keep in step with docs/architecture.md.
ALLOWED = {
    "base": set(),
    "grammar": {"base"},
    "engine/schema": {"base", "grammar"},
    "engine/facts": {"base", "grammar", "engine/schema"},
    "engine/check": {"base", "grammar", "engine/schema"},
    "engine/plan": {"base", "grammar", "engine/schema"},
    "engine/eval": {"base", "grammar", "engine/schema", "engine/facts", "engine/plan"},
    "engine/compile": {"base", "grammar", "engine/schema", "engine/facts", "engine/check",
                       "engine/plan", "engine/eval"},
    "engine/run": {"base", "grammar", "engine/schema", "engine/facts", "engine/check",
                   "engine/plan", "engine/eval", "engine/compile"},
}
ENGINE = {f for f in ALLOWED if f.startswith("engine/")}
BELOW_PROGRAMS = {"base", "grammar"} | ENGINE
ALLOWED["api"] = BELOW_PROGRAMS | {"include"}
ALLOWED["lsp"] = BELOW_PROGRAMS
ALLOWED["history"] = BELOW_PROGRAMS
ALLOWED["cli"] = BELOW_PROGRAMS | {"lsp", "history"}
ALLOWED["python"] = {"include"}  # the Python module: the public API only

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def folder_of(path: str) -> str:
    parts = path.split("/")
    if parts[0] == "engine" and len(parts) > 2:
        return "engine/" + parts[1]
    if parts[0] == "dealgate":  # <dealgate/...> written with quotes: the public headers
        return "include"
    return parts[0]


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    checked = 0
    for folder, allowed in ALLOWED.items():
        base = root / folder
        if not base.is_dir():
            continue
        for source in sorted(base.glob("*.[ch]pp")):
            checked += 1
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = folder_of(match.group(1))
                if target not in ALLOWED and target != "include":
                    continue  # a header of the build tree or a library's
                if target != folder and target not in allowed:
                    problems.append(f"{source.relative_to(root)}:{number}: {folder}/ includes "
                                    f"{match.group(1)}, but may include only "
                                    f"{', '.join(sorted(allowed)) or 'itself'}")
    if len(sys.argv) > 2 and sys.argv[2] == "--expect-violation":
        # The test of the test: a planted upward include must be caught.
        return 0 if problems else 1
    for p in problems:
        print(p)
    print(f"{checked} files checked, {len(problems)} includes against the layers")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
