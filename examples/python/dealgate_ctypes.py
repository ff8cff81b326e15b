#!/usr/bin/env python3
"""Calling dealgate's C API (include/dealgate/dealgate.h) from Python with ctypes.

    python3 dealgate_ctypes.py RULES... --facts DEALS.jsonl [--today YYYY-MM-DD]
                               [--param NAME=VALUE]... [--gate NAME]...

writes the SPEC §7 record of every deal to standard output, as
`dealgate eval RULES --facts DEALS --format jsonl` does, and exits with the same code.

The library is libdealgate.so: set DEALGATE_LIBRARY to its path, or install it where the dynamic
loader looks (ctypes.util.find_library("dealgate")). Only the standard library is used.
"""

import argparse
import ctypes
import ctypes.util
import json
import os
import sys

DG_OK, DG_NOT_PASSED, DG_USAGE, DG_INPUT, DG_INTERNAL = range(5)


class _Options(ctypes.Structure):
    """struct dg_options."""

    _fields_ = [
        ("today", ctypes.c_char_p),
        ("params", ctypes.POINTER(ctypes.c_char_p)),
        ("n_params", ctypes.c_size_t),
        ("gates", ctypes.POINTER(ctypes.c_char_p)),
        ("n_gates", ctypes.c_size_t),
        ("id_field", ctypes.c_char_p),
    ]


def _strings(values):
    """A C array of char* and its length (the array keeps the encoded bytes alive)."""
    encoded = [v.encode("utf-8") for v in values]
    return (ctypes.c_char_p * max(len(encoded), 1))(*encoded), len(encoded)


class CompileError(Exception):
    """The rules did not compile; `diagnostics` is the list from the C API's error JSON."""

    def __init__(self, report):
        super().__init__(report.get("text") or report.get("error") or "the rules do not compile")
        self.diagnostics = report.get("diagnostics", [])


class Library:
    """The loaded libdealgate.so with its signatures declared."""

    def __init__(self, path=None):
        path = path or os.environ.get("DEALGATE_LIBRARY") or ctypes.util.find_library("dealgate")
        if not path:
            raise OSError("libdealgate.so not found: set DEALGATE_LIBRARY to its path")
        lib = ctypes.CDLL(path)
        # Strings the library hands out are received as void* so they can be given back to
        # dg_free_string (a c_char_p result would be copied and the pointer lost).
        out_string = ctypes.POINTER(ctypes.c_void_p)
        lib.dg_version.restype = ctypes.c_char_p
        lib.dg_version.argtypes = []
        lib.dg_compile_files.restype = ctypes.c_void_p
        lib.dg_compile_files.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                         out_string]
        lib.dg_compile_source.restype = ctypes.c_void_p
        lib.dg_compile_source.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                                          out_string]
        lib.dg_ruleset_info.restype = ctypes.c_void_p
        lib.dg_ruleset_info.argtypes = [ctypes.c_void_p]
        for name in ("dg_evaluate", "dg_evaluate_lines"):
            fn = getattr(lib, name)
            fn.restype = ctypes.c_int
            fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                           ctypes.POINTER(_Options), out_string]
        lib.dg_free_string.restype = None
        lib.dg_free_string.argtypes = [ctypes.c_void_p]
        lib.dg_ruleset_free.restype = None
        lib.dg_ruleset_free.argtypes = [ctypes.c_void_p]
        self.lib = lib

    def version(self):
        return self.lib.dg_version().decode("utf-8")

    def take_string(self, pointer):
        """Copies a library string into Python and frees it; None for NULL."""
        if not pointer:
            return None
        try:
            return ctypes.string_at(pointer).decode("utf-8")
        finally:
            self.lib.dg_free_string(pointer)


class RuleSet:
    """A compiled rule set (dg_ruleset*). Immutable; safe to share between threads."""

    def __init__(self, library, handle, warnings):
        self._library = library
        self._handle = handle
        self.warnings = warnings

    @classmethod
    def compile_files(cls, library, paths):
        array, n = _strings(paths)
        error = ctypes.c_void_p()
        handle = library.lib.dg_compile_files(array, n, ctypes.byref(error))
        return cls._finish(library, handle, library.take_string(error.value))

    @classmethod
    def compile_source(cls, library, name, text):
        data = text.encode("utf-8")
        error = ctypes.c_void_p()
        handle = library.lib.dg_compile_source(name.encode("utf-8"), data, len(data),
                                               ctypes.byref(error))
        return cls._finish(library, handle, library.take_string(error.value))

    @classmethod
    def _finish(cls, library, handle, report_text):
        report = json.loads(report_text) if report_text else {}
        if not handle:
            raise CompileError(report)
        return cls(library, handle, report.get("diagnostics", []))

    def info(self):
        return json.loads(self._library.take_string(self._library.lib.dg_ruleset_info(self._handle)))

    def _call(self, fn, data, today, params, gates, id_field):
        options = _Options()
        options.today = today.encode("utf-8") if today else None
        params_array, options.n_params = _strings(f"{k}={v}" for k, v in (params or {}).items())
        gates_array, options.n_gates = _strings(gates or [])
        options.params = params_array
        options.gates = gates_array
        options.id_field = id_field.encode("utf-8") if id_field else None
        out = ctypes.c_void_p()
        code = fn(self._handle, data, len(data), ctypes.byref(options), ctypes.byref(out))
        return code, self._library.take_string(out.value) or ""

    def evaluate(self, deal, today=None, params=None, gates=None, id_field=None):
        """One deal (a dict, or JSON text) → (code, record dict)."""
        text = deal if isinstance(deal, str) else json.dumps(deal)
        code, out = self._call(self._library.lib.dg_evaluate, text.encode("utf-8"), today, params,
                               gates, id_field)
        return code, json.loads(out)

    def evaluate_lines(self, data, today=None, params=None, gates=None, id_field=None):
        """A buffer of JSON Lines (bytes or str) → (code, JSON Lines text, one line a record)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        return self._call(self._library.lib.dg_evaluate_lines, data, today, params, gates, id_field)

    def close(self):
        if self._handle:
            self._library.lib.dg_ruleset_free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rules", nargs="+", help=".gate files or folders")
    parser.add_argument("--facts", required=True, help="a JSON Lines file")
    parser.add_argument("--today", help="YYYY-MM-DD (default: today in UTC)")
    parser.add_argument("--param", action="append", default=[], help="NAME=VALUE")
    parser.add_argument("--gate", action="append", default=[], help="a gate to report")
    args = parser.parse_args(argv)

    library = Library()
    try:
        rules = RuleSet.compile_files(library, args.rules)
    except CompileError as error:
        sys.stderr.write(str(error))
        return DG_USAGE
    params = dict(p.split("=", 1) for p in args.param)
    with rules, open(args.facts, "rb") as f:
        gates = [g["name"] for g in rules.info()["gates"]]
        code, out = rules.evaluate_lines(f.read(), today=args.today, params=params,
                                         gates=args.gate)
    if code == DG_USAGE:
        sys.stderr.write(json.loads(out)["error"] + "\n")
        return code
    sys.stdout.write(out)
    sys.stderr.write(f"dealgate {library.version()}: gates {', '.join(gates)}; "
                     f"{out.count(chr(10))} records\n")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
