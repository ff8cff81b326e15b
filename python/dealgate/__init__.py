"""dealgate: evaluate CRM deal records against `.gate` rules from Python.

    import dealgate
    rules = dealgate.RuleSet.load("rules/")               # raises dealgate.CompileError
    gate = rules.evaluator(today="2026-11-26", params={"min_roi": 4})
    record = gate.evaluate({"id": "D1", "stage": "Solution Design"})
    record["gates"]["enter_delivery"]["status"]            # "pass", "fail" or "unknown"

Every record is the SPEC §7 JSON Lines record of `dealgate eval --format jsonl` as a dict: the
engine renders the same bytes as the program, and they are read back with `json.loads`. The
engine runs with the GIL released. A RuleSet and an Evaluator pickle (as their rule texts and
options), so they travel to Dask or multiprocessing workers. pandas is optional: only
`evaluate_frame` and `records_to_frame` need it.
"""
from __future__ import annotations

import datetime as _datetime
import json as _json
import math as _math
import os as _os
import warnings as _warnings
from collections.abc import Iterable as _Iterable, Mapping as _Mapping

from . import _dealgate

__all__ = ["RuleSet", "Evaluator", "Diagnostic", "BatchSummary", "CompileError", "OptionsError",
           "CsvHeaderWarning", "version", "records_to_frame"]
__version__ = _dealgate.version()
Diagnostic = _dealgate.Diagnostic


def version() -> str:
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _dealgate.version()


class CompileError(Exception):
    """The rules did not compile. `diagnostics` holds every Diagnostic, errors and warnings."""

    def __init__(self, diagnostics):
        self.diagnostics = list(diagnostics)
        self.errors = [d for d in self.diagnostics if d.severity == "error"]
        super().__init__("\n".join(d.rendered for d in self.diagnostics))


class OptionsError(ValueError):
    """The options do not fit the rules: an unknown gate or param, a bad value or date."""


class CsvHeaderWarning(UserWarning):
    """A CSV column that is ignored (it names no declared fact, ...), as `dealgate eval` warns."""


class BatchSummary:
    """What a batch came to; `code` is the exit code `dealgate eval` would give."""

    __slots__ = ("records", "not_passed", "unreadable", "error", "code")

    def __init__(self, records, not_passed, unreadable, error, code):
        self.records, self.not_passed, self.unreadable = records, not_passed, unreadable
        self.error, self.code = error, code

    def __repr__(self):
        return (f"BatchSummary(records={self.records}, not_passed={self.not_passed}, "
                f"unreadable={self.unreadable}, code={self.code})")


def _paths(paths) -> list[str]:
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    return [_os.fsdecode(p) for p in paths]


class RuleSet:
    """A compiled rule set: immutable, shared freely between threads."""

    def __init__(self, compiled, diagnostics, sources, strict):
        self._compiled = compiled
        self.diagnostics = list(diagnostics)  # the warnings (a rule set with errors is not made)
        self._sources = sources
        self._strict = strict

    @classmethod
    def load(cls, paths, *, strict: bool = False) -> "RuleSet":
        """Compiles `.gate` files or folders (searched recursively, in sorted path order), one path
        or a list, as `dealgate check` does. Raises CompileError; `strict` makes warnings errors."""
        compiled, diagnostics = _dealgate.RuleSet.compile_files(_paths(paths), strict)
        if compiled is None:
            raise CompileError(diagnostics)
        # Kept so the rule set can be pickled to a worker that may not see these files.
        sources = []
        for name in compiled.files():
            with open(name, encoding="utf-8", errors="surrogateescape") as f:
                sources.append((name, f.read()))
        return cls(compiled, diagnostics, sources, strict)

    @classmethod
    def from_source(cls, text: str, name: str = "<source>", *, strict: bool = False) -> "RuleSet":
        """Compiles rule text held in memory; `name` stands for its file name in diagnostics."""
        return cls.from_sources([(name, text)], strict=strict)

    @classmethod
    def from_sources(cls, sources, *, strict: bool = False) -> "RuleSet":
        """Compiles several (name, text) pairs as one rule set, in the order given."""
        sources = [(str(name), str(text)) for name, text in sources]
        compiled, diagnostics = _dealgate.RuleSet.compile_sources(sources, strict)
        if compiled is None:
            raise CompileError(diagnostics)
        return cls(compiled, diagnostics, sources, strict)

    def __reduce__(self):
        return (_from_sources, (self._sources, self._strict))

    @property
    def title(self) -> str:
        return self._compiled.title

    @property
    def gates(self) -> list[str]:
        """The gates' names, in declaration order."""
        return [g.name for g in self._compiled.gates()]

    @property
    def milestones(self) -> list[str]:
        return [b.name for b in self._compiled.milestones()]

    @property
    def phases(self) -> list[str]:
        return self._compiled.phases()

    @property
    def params(self) -> dict[str, tuple[str, str]]:
        """name → (type, default as written)."""
        return {name: (kind, default) for name, kind, default in self._compiled.params()}

    @property
    def facts(self) -> dict[str, str]:
        """Every declared fact path → its type ("number", "list", ...), schema order."""
        return dict(self._compiled.facts())

    @property
    def files(self) -> list[str]:
        return self._compiled.files()

    def evaluator(self, *, today=None, params=None, gates=None, id_field="id") -> "Evaluator":
        """An Evaluator with these options; raises OptionsError when they do not fit the rules."""
        return Evaluator(self, today=today, params=params, gates=gates, id_field=id_field)

    # One-off conveniences; make an evaluator() to evaluate many times with the same options.
    def evaluate(self, record, **options) -> dict:
        return self.evaluator(**options).evaluate(record)

    def evaluate_many(self, records, **options) -> list[dict]:
        return self.evaluator(**options).evaluate_many(records)

    def evaluate_jsonl(self, data, **options) -> list[dict]:
        return self.evaluator(**options).evaluate_jsonl(data)

    def evaluate_frame(self, frame, **options):
        return self.evaluator(**options).evaluate_frame(frame)


def _from_sources(sources, strict):
    return RuleSet.from_sources(sources, strict=strict)


def _param_text(value) -> str:
    # As `--param` takes them: true/false, numbers without a needless ".0", dates YYYY-MM-DD.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return ",".join(_param_text(v) for v in value)
    return str(value)


def _date_text(value) -> str:
    return value.isoformat()[:10] if isinstance(value, (_datetime.date, _datetime.datetime)) \
        else str(value)


def _json_default(value):
    # What json.dumps cannot write itself: dates (also pandas Timestamps), numpy scalars and
    # arrays, sets. Anything else is an error the caller sees as an error record.
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()[:10] if not isinstance(value, _datetime.datetime) \
            else value.isoformat()
    if hasattr(value, "item") and callable(value.item) and not hasattr(value, "__len__"):
        return value.item()  # numpy scalar
    if hasattr(value, "tolist"):
        return value.tolist()  # numpy array
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"a value of type {type(value).__name__} cannot be a fact")


def _encode(record) -> str:
    """One record as one JSON line. A record that is not a mapping, or holds a value that is not
    JSON, raises TypeError or ValueError; NaN is not JSON either, so it is missing (null)."""
    if not isinstance(record, _Mapping):
        raise TypeError(f"a deal record is a mapping (a dict), not {type(record).__name__}")
    return _json.dumps(_nan_to_none(record), default=_json_default, allow_nan=False,
                       ensure_ascii=False, separators=(",", ":"))


def _nan_to_none(value):
    if isinstance(value, float) and _math.isnan(value):
        return None
    if isinstance(value, _Mapping):
        return {str(k): _nan_to_none(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nan_to_none(v) for v in value]
    return value


def _error_record(line: int, message: str) -> dict:
    return {"line": line, "error": message}


def _records(data: bytes) -> list[dict]:
    return [_json.loads(line) for line in data.splitlines()]


class Evaluator:
    """Evaluates deals with one set of options. Safe to share between threads (calls on one
    Evaluator take turns; make one per thread to run them side by side)."""

    def __init__(self, rules: RuleSet, *, today=None, params=None, gates=None, id_field="id"):
        self.rules = rules
        self._options = dict(today=today, params=params, gates=gates, id_field=id_field)
        params = {str(k): _param_text(v) for k, v in (params or {}).items()}
        gates = [gates] if isinstance(gates, str) else list(gates or [])
        today = "" if today is None else _date_text(today)
        self._engine = _dealgate.Evaluator(rules._compiled, today, params, gates, id_field or "id")
        if not self._engine.ok:
            raise OptionsError(self._engine.error)
        self.gates = [g for g in rules.gates if not gates or g in gates]  # reported, in order
        self.summary = None  # the BatchSummary of the last batch call

    def __reduce__(self):
        return (_make_evaluator, (self.rules, self._options))

    @property
    def today(self) -> str:
        """The evaluation date in use, YYYY-MM-DD (today's UTC date when none was given)."""
        return self._engine.today

    def evaluate(self, record) -> dict:
        """One deal: a mapping (nested like the JSON), or one JSON object as str or bytes."""
        if isinstance(record, (str, bytes)):
            text = record
        else:
            try:
                text = _encode(record)
            except (TypeError, ValueError) as error:
                return _error_record(1, str(error))
        _code, out = self._engine.evaluate_jsonl(text)
        return _json.loads(out)

    def evaluate_many(self, records: _Iterable) -> list[dict]:
        """Many deals, one record each, in order; `line` is the 1-based position. An item that is
        not a mapping, or cannot be written as JSON, gets an error record and the rest go on."""
        lines, problems = [], {}
        for position, record in enumerate(records, 1):
            try:
                lines.append(_encode(record))
            except (TypeError, ValueError) as error:
                problems[position] = str(error)
                lines.append("")  # a blank line is counted but is no record
        records_out = self._run(self._engine.evaluate_lines_jsonl, "\n".join(lines))
        if not problems:
            return records_out
        merged, evaluated = [], iter(records_out)
        for position in range(1, len(lines) + 1):
            merged.append(_error_record(position, problems[position]) if position in problems
                          else next(evaluated))
        self.summary.records += len(problems)
        self.summary.unreadable += len(problems)
        self.summary.code = 3 if self.summary.code < 2 else self.summary.code
        return merged

    def evaluate_jsonl(self, data) -> list[dict]:
        """JSON Lines (or a JSON array, or one object) as bytes or str, read as
        `dealgate eval --facts` reads a file: one record per input record, in order."""
        return self._run(self._engine.evaluate_lines_jsonl, data)

    def evaluate_jsonl_bytes(self, data) -> bytes:
        """The same, as the bytes `dealgate eval --format jsonl` writes: the fastest path."""
        summary, out = self._engine.evaluate_lines_jsonl(data)
        self.summary = BatchSummary(*summary)
        return out

    def evaluate_csv(self, data) -> list[dict]:
        """A CSV export (a header row of fact paths), read as `dealgate eval --facts FILE.csv`
        reads it; `line` counts the header as line 1. Ignored columns give CsvHeaderWarnings."""
        return _records(self.evaluate_csv_bytes(data))

    def evaluate_csv_bytes(self, data) -> bytes:
        summary, out, header_warnings = self._engine.evaluate_csv_jsonl(data)
        self.summary = BatchSummary(*summary)
        for message in header_warnings:
            _warnings.warn(message, CsvHeaderWarning, stacklevel=3)
        return out

    def evaluate_frame(self, frame):
        """A pandas DataFrame whose columns are fact paths (`value.price`), as in a CSV export,
        one deal a row; returns records_to_frame() of the results, with the frame's index. The
        rows go through the CSV reader, so every cell is converted by its declared type exactly
        as in a CSV file; list and record cells hold Python lists and dicts, or JSON text."""
        return records_to_frame(self.evaluate_csv(_frame_to_csv(frame)), self.gates,
                                index=frame.index)

    def _run(self, call, data) -> list[dict]:
        summary, out = call(data)
        self.summary = BatchSummary(*summary)
        return _records(out)


def _make_evaluator(rules, options):
    return Evaluator(rules, **options)


def _frame_to_csv(frame) -> str:
    def cell(value):
        if isinstance(value, (list, tuple, dict)):
            return _json.dumps(_nan_to_none(value), default=_json_default, ensure_ascii=False)
        if isinstance(value, _datetime.datetime):
            return value.isoformat()
        if isinstance(value, _datetime.date):
            return value.isoformat()
        return value

    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(cell)
    return frame.to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S")


def records_to_frame(records, gates, index=None):
    """Records as a DataFrame, one row each: `id`, `line`, `error` (None when evaluated),
    `stage` (the stage audit, a dict) and `waivers` (a list), then for each gate `GATE` (its status) and `GATE.failed`, `.unknown`, `.missing`, `.invalid`,
    `.warnings`, `.messages`, `.waived` (lists) and `GATE.milestones` (a dict)."""
    import pandas

    fields = ("failed", "unknown", "missing", "invalid", "warnings", "messages", "waived")
    columns = ["id", "line", "error", "stage", "waivers"]
    for gate in gates:
        columns.append(gate)
        columns.extend(f"{gate}.{field}" for field in fields)
        columns.append(f"{gate}.milestones")
    rows = []
    for record in records:
        row = [record.get("id"), record["line"], record.get("error"), record.get("stage"),
               record.get("waivers")]
        results = record.get("gates", {})
        for gate in gates:
            result = results.get(gate)
            if result is None:
                row.extend([None] * (len(fields) + 2))
                continue
            row.append(result["status"])
            row.extend(result.get(field, []) for field in fields)
            row.append(result.get("milestones", {}))
        rows.append(row)
    return pandas.DataFrame(rows, columns=columns, index=index, dtype=object)
