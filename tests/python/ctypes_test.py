#!/usr/bin/env python3
"""Tests examples/python/dealgate_ctypes.py against libdealgate.so and the `dealgate` program.

    DEALGATE_LIBRARY=.../libdealgate.so python3 ctypes_test.py DEALGATE_BINARY SOURCE_DIR
"""

import os
import subprocess
import sys
import unittest

BINARY, SOURCE = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SOURCE, "examples", "python"))
import dealgate_ctypes as dg  # noqa: E402

EXAMPLE = os.path.join(SOURCE, "examples", "python", "dealgate_ctypes.py")
RULES = os.path.join(SOURCE, "rules")
DEALS = os.path.join(SOURCE, "examples", "deals.jsonl")


class CtypesExample(unittest.TestCase):
    def setUp(self):
        self.library = dg.Library()

    def test_script_output_equals_the_program(self):
        args = [RULES, "--facts", DEALS, "--today", "2026-11-26", "--param", "min_roi=4"]
        ours = subprocess.run([sys.executable, EXAMPLE] + args, capture_output=True)
        theirs = subprocess.run([BINARY, "eval"] + args + ["--format", "jsonl"],
                                capture_output=True)
        self.assertEqual(ours.returncode, theirs.returncode)
        self.assertTrue(theirs.stdout)
        self.assertEqual(ours.stdout, theirs.stdout)
        self.assertIn(b"gates complete_sale, relationship_built, enter_delivery", ours.stderr)

    def test_one_deal_and_its_options(self):
        with dg.RuleSet.compile_files(self.library, [RULES]) as rules:
            code, record = rules.evaluate({"id": "P1", "stage": "Solution Design"},
                                          today="2026-11-26", gates=["enter_delivery"])
            self.assertEqual(code, dg.DG_NOT_PASSED)
            self.assertEqual(record["id"], "P1")
            self.assertEqual(list(record["gates"]), ["enter_delivery"])
            self.assertEqual(record["gates"]["enter_delivery"]["status"], "unknown")
            code, record = rules.evaluate('{"id": ', today="2026-11-26")
            self.assertEqual(code, dg.DG_INPUT)
            self.assertEqual(record["line"], 1)
            code, record = rules.evaluate({}, params={"min_roi": "lots"})
            self.assertEqual(code, dg.DG_USAGE)
            self.assertIn("min_roi", record["error"])

    def test_compile_errors_come_back_as_diagnostics(self):
        with self.assertRaises(dg.CompileError) as caught:
            dg.RuleSet.compile_source(self.library, "bad.gate", "gate g { require nope }\n")
        self.assertEqual(caught.exception.diagnostics[0]["file"], "bad.gate")
        self.assertEqual(caught.exception.diagnostics[0]["line"], 1)
        self.assertIn("bad.gate:1:", str(caught.exception))
        with self.assertRaises(dg.CompileError):
            dg.RuleSet.compile_files(self.library, ["/no/such/rules"])

    def test_version(self):
        self.assertRegex(self.library.version(), r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
