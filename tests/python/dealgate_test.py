#!/usr/bin/env python3
"""Tests the `dealgate` Python module (python/) against the `dealgate` program.

    PYTHONPATH=build/python python3 dealgate_test.py DEALGATE_BINARY SOURCE_DIR
"""

import ast
import datetime
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BINARY, SOURCE = sys.argv[1], sys.argv[2]
import dealgate  # noqa: E402

RULES = os.path.join(SOURCE, "rules")
DEALS = os.path.join(SOURCE, "examples", "deals.jsonl")
DEALS_CSV = os.path.join(SOURCE, "examples", "deals.csv")
TODAY = "2026-11-26"

try:
    import pandas
except ImportError:  # python3-pandas is optional for the module
    pandas = None


def program(*args):
    """The records `dealgate eval --format jsonl` writes, as bytes."""
    run = subprocess.run([BINARY, "eval", RULES, "--format", "jsonl", "--today", TODAY] +
                         list(args), capture_output=True)
    assert run.returncode in (0, 1, 3), run.stderr
    assert run.stdout
    return run.stdout


def records(data):
    return [json.loads(line) for line in data.splitlines()]


class Records(unittest.TestCase):
    """The module's records are the program's, byte for byte in content."""

    @classmethod
    def setUpClass(cls):
        cls.rules = dealgate.RuleSet.load(RULES)
        with open(DEALS, "rb") as f:
            cls.deals = f.read()

    def test_jsonl_bytes_and_dicts_equal_the_program(self):
        expected = program("--facts", DEALS, "--param", "min_roi=4")
        evaluator = self.rules.evaluator(today=TODAY, params={"min_roi": 4})
        self.assertEqual(evaluator.evaluate_jsonl_bytes(self.deals), expected)
        self.assertEqual(evaluator.evaluate_jsonl(self.deals), records(expected))
        self.assertEqual(evaluator.evaluate_jsonl(self.deals.decode()), records(expected))
        self.assertEqual((evaluator.summary.records, evaluator.summary.code), (45, 1))

    def test_dicts_in_give_the_programs_records(self):
        expected = records(program("--facts", DEALS, "--gate", "enter_delivery"))
        deals = [json.loads(line) for line in self.deals.splitlines()]
        evaluator = self.rules.evaluator(today=TODAY, gates=["enter_delivery"])
        self.assertEqual(evaluator.evaluate_many(deals), expected)
        self.assertEqual(evaluator.evaluate_many(iter(deals)), expected)  # any iterable
        for deal, record in zip(deals, expected):
            record["line"] = 1  # one deal on its own is line 1
            self.assertEqual(evaluator.evaluate(deal), record)

    def test_csv_and_frames_give_the_programs_records(self):
        expected = program("--facts", DEALS_CSV)
        evaluator = self.rules.evaluator(today=TODAY)
        with open(DEALS_CSV, "rb") as f:
            self.assertEqual(evaluator.evaluate_csv_bytes(f.read()), expected)
        if pandas is None:
            self.skipTest("python3-pandas is not installed: DataFrames not tested")
        as_text = pandas.read_csv(DEALS_CSV, dtype=str, keep_default_na=False)
        inferred = pandas.read_csv(DEALS_CSV)  # numbers, bools and NaN as pandas reads them
        for frame in (as_text, inferred):
            out = evaluator.evaluate_frame(frame)
            self.assertEqual(list(out.index), list(frame.index))
            for (_, row), record in zip(out.iterrows(), records(expected)):
                self.assertEqual(row["id"], record["id"])
                self.assertEqual(row["line"], record["line"])
                self.assertEqual(row["stage"], record["stage"])
                for gate, result in record["gates"].items():
                    self.assertEqual(row[gate], result["status"])
                    self.assertEqual(row[gate + ".failed"], result["failed"])
                    self.assertEqual(row[gate + ".milestones"], result["milestones"])
        empty = evaluator.evaluate_frame(as_text.iloc[:0])
        self.assertEqual(len(empty), 0)
        self.assertIn("enter_delivery.missing", empty.columns)

    def test_python_values_are_written_as_json_facts(self):
        evaluator = self.rules.evaluator(today=TODAY)
        as_text = {"id": "V", "last_customer_contact": "2026-11-20", "amount": 5,
                   "solution": {"parameters": [{"name": "uptime", "confirmed": True}]}}
        as_python = dict(as_text, last_customer_contact=datetime.date(2026, 11, 20),
                         amount=5.0, solution={"parameters": ({"name": "uptime",
                                                               "confirmed": True},)})
        self.assertEqual(evaluator.evaluate(as_python), evaluator.evaluate(as_text))
        nan = evaluator.evaluate({"id": "V", "amount": float("nan")})
        self.assertEqual(nan, evaluator.evaluate({"id": "V"}))  # NaN is missing


class BadInput(unittest.TestCase):
    def setUp(self):
        self.rules = dealgate.RuleSet.load(RULES)

    def test_compile_errors_raise_with_their_diagnostics(self):
        with self.assertRaises(dealgate.CompileError) as caught:
            dealgate.RuleSet.from_source("facts { amount: number }\ngate g { require amont > 1 }\n",
                                         "bad.gate")
        [d] = caught.exception.errors
        self.assertEqual((d.severity, d.code, d.file, d.line, d.column),
                         ("error", "unknown-name", "bad.gate", 2, 18))
        self.assertIn("amount", d.help + d.message)
        self.assertIn("bad.gate:2:18: error:", str(caught.exception))
        self.assertIn("^", d.rendered)
        with self.assertRaises(dealgate.CompileError) as missing:
            dealgate.RuleSet.load("/no/such/rules")
        self.assertEqual(missing.exception.diagnostics[0].code, "unreadable-rules")
        self.assertEqual(missing.exception.diagnostics[0].line, 0)

    def test_bad_options_raise_with_a_hint(self):
        with self.assertRaisesRegex(dealgate.OptionsError, "did you mean `enter_delivery`"):
            self.rules.evaluator(gates=["enter_delivry"])
        with self.assertRaisesRegex(dealgate.OptionsError, "min_roi"):
            self.rules.evaluator(params={"min_roi": "lots"})
        with self.assertRaisesRegex(dealgate.OptionsError, "YYYY-MM-DD"):
            self.rules.evaluator(today="26/11/2026")

    def test_bad_records_are_error_records_and_the_run_goes_on(self):
        evaluator = self.rules.evaluator(today=TODAY)
        out = evaluator.evaluate_many([{"id": "A"}, ["not", "a", "dict"], {"id": "B", "x": object()},
                                       {"id": "C"}])
        self.assertEqual([r["line"] for r in out], [1, 2, 3, 4])
        self.assertEqual([r.get("id") for r in out], ["A", None, None, "C"])
        self.assertIn("mapping", out[1]["error"])
        self.assertIn("object", out[2]["error"])
        self.assertEqual((evaluator.summary.records, evaluator.summary.unreadable,
                          evaluator.summary.code), (4, 2, 3))
        lines = evaluator.evaluate_jsonl(b'{"id":"A"}\n{"id":\n{"id":"C"}\n')
        self.assertEqual([r.get("id") for r in lines], ["A", None, "C"])
        self.assertEqual(lines[1]["line"], 2)
        self.assertEqual(evaluator.evaluate('{"id": ')["line"], 1)
        self.assertIn("error", evaluator.evaluate('{"id": '))
        with self.assertRaises(TypeError):
            evaluator.evaluate_jsonl(42)

    def test_csv_header_problems_are_warnings(self):
        evaluator = self.rules.evaluator(today=TODAY)
        with self.assertWarnsRegex(dealgate.CsvHeaderWarning, "`crm_owner`"):
            out = evaluator.evaluate_csv("id,crm_owner\nD1,Ann\n")
        self.assertEqual(out[0]["id"], "D1")
        self.assertEqual(out[0]["line"], 2)


class Runtime(unittest.TestCase):
    def setUp(self):
        self.rules = dealgate.RuleSet.load(RULES)
        with open(DEALS, "rb") as f:
            self.many = f.read() * 400  # 18,000 deals: tens of milliseconds

    def test_the_gil_is_released_while_evaluating(self):
        evaluator = self.rules.evaluator(today=TODAY)
        evaluator.evaluate_jsonl_bytes(b'{"id":"warm"}')
        stamps, stop = [], threading.Event()

        def tick():
            while not stop.is_set():
                stamps.append(time.perf_counter())

        thread = threading.Thread(target=tick)
        thread.start()
        try:
            start = time.perf_counter()
            evaluator.evaluate_jsonl_bytes(self.many)
            end = time.perf_counter()
        finally:
            stop.set()
            thread.join()
        # Holding the GIL for the call, the other thread could not run in its middle third.
        third = (end - start) / 3
        inside = [t for t in stamps if start + third < t < end - third]
        self.assertGreater(len(inside), 100, f"the call took {end - start:.3f} s")

    def test_threads_may_share_one_evaluator(self):
        evaluator = self.rules.evaluator(today=TODAY)
        single = evaluator.evaluate_jsonl_bytes(self.many)
        outputs = [None] * 4

        def work(i):
            outputs[i] = evaluator.evaluate_jsonl_bytes(self.many)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(outputs, [single] * 4)

    def test_rules_and_evaluators_pickle_without_their_files(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "t.gate")
            with open(path, "w") as f:
                f.write("facts { n: number }\ngate big { require n > 10 }\n")
            evaluator = dealgate.RuleSet.load(folder).evaluator(today=TODAY, gates="big")
            data = pickle.dumps(evaluator)
        copy = pickle.loads(data)  # the file is gone: the rule texts travelled
        self.assertEqual(copy.today, TODAY)
        self.assertEqual(copy.evaluate({"n": 12})["gates"]["big"]["status"], "pass")
        self.assertEqual(copy.rules.files, [path])

    def test_introspection_and_version(self):
        self.assertEqual(self.rules.gates, ["complete_sale", "relationship_built", "enter_delivery"])
        self.assertEqual(self.rules.facts["value.confirmed"], "bool")
        self.assertIn("min_roi", self.rules.params)
        version = subprocess.run([BINARY, "--version"], capture_output=True, text=True).stdout
        self.assertEqual(version.split(), ["dealgate", dealgate.__version__])


class Stubs(unittest.TestCase):
    """python/dealgate/__init__.pyi declares every public name and method of the module."""

    def test_every_public_name_has_a_stub(self):
        stub = os.path.join(os.path.dirname(dealgate.__file__), "__init__.pyi")
        with open(stub) as f:
            tree = ast.parse(f.read())
        declared = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                declared[node.name] = {n.name if hasattr(n, "name") else n.target.id
                                       for n in node.body
                                       if isinstance(n, (ast.FunctionDef, ast.AnnAssign))}
            elif isinstance(node, ast.FunctionDef):
                declared[node.name] = set()
            elif isinstance(node, ast.ImportFrom):
                declared.update({a.asname or a.name: None for a in node.names})
        for name in dealgate.__all__:
            self.assertIn(name, declared)
            value = getattr(dealgate, name)
            if isinstance(value, type) and declared[name] is not None:
                public = {n for n in vars(value) if not n.startswith("_")}
                if name == "BatchSummary":
                    public = set(value.__slots__)
                self.assertLessEqual(public, declared[name], name)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
