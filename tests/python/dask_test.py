#!/usr/bin/env python3
"""dealgate on a real Dask cluster: a scheduler and two worker processes over TCP on 127.0.0.1,
started and stopped here, running the recipe of docs/embedding.md (examples/python/dask_gates.py,
checked to be the very text of the doc). Every result must equal a single `dealgate eval` run,
record for record and in order (`line` counted per partition, so renumbered by partition offset);
and when a worker is killed mid-run, Dask's retry must still give the same records.

    PYTHONPATH=build/python python3 dask_test.py DEALGATE_BINARY SOURCE_DIR    (exit 77: skipped)
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest

BINARY, SOURCE = sys.argv[1], sys.argv[2]
try:
    import dask.bag  # noqa: F401
    import dask.dataframe  # noqa: F401
    import distributed
except ImportError as missing:
    print(f"SKIP: Dask distributed is not installed (Debian: python3-distributed): {missing}")
    sys.exit(77)

EXAMPLES = os.path.join(SOURCE, "examples", "python")
sys.path[:0] = [EXAMPLES, os.path.dirname(os.path.abspath(__file__))]
import dask_gates  # noqa: E402
from local_cluster import Cluster  # noqa: E402

RULES = os.path.join(SOURCE, "rules")
TODAY = "2026-11-26"
SHARDS = 8


def program_records(facts):
    run = subprocess.run([BINARY, "eval", RULES, "--facts", facts, "--format", "jsonl",
                          "--today", TODAY], capture_output=True)
    assert run.returncode == 1, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def renumbered(partitions):
    """Partitions of records as one list, `line` made to count across partitions."""
    out, offset = [], 0
    for records in partitions:
        for record in records:
            out.append(dict(record, line=record["line"] + offset))
        offset += len(records)
    return out


class DaskCluster(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        folder = cls.folder.name
        with open(os.path.join(SOURCE, "examples", "deals.jsonl")) as f:
            lines = f.read().splitlines(keepends=True) * 20  # 900 deals
        cls.whole = os.path.join(folder, "deals.jsonl")
        with open(cls.whole, "w") as f:
            f.writelines(lines)
        # Shards of uneven sizes, named so their sorted order is the input order.
        cls.shards, start = [], 0
        for k in range(SHARDS):
            end = len(lines) * (k + 1) ** 2 // SHARDS ** 2
            cls.shards.append(os.path.join(folder, f"shard-{k:02}.jsonl"))
            with open(cls.shards[-1], "w") as f:
                f.writelines(lines[start:end])
            start = end
        with open(os.path.join(SOURCE, "examples", "deals.csv")) as f:
            header, *rows = f.read().splitlines(keepends=True)
        cls.csv = os.path.join(folder, "deals.csv")
        with open(cls.csv, "w") as f:
            f.writelines([header] + rows * 20)
        cls.expected = program_records(cls.whole)
        cls.cluster = Cluster(folder, [EXAMPLES])
        cls.client = cls.cluster.client

    @classmethod
    def tearDownClass(cls):
        cls.cluster.close()
        cls.folder.cleanup()

    def partitions(self, bag):
        return self.client.gather(self.client.compute(bag.to_delayed()))

    def test_a_bag_of_json_lines_shards(self):
        bag = dask_gates.gate_jsonl(os.path.join(self.folder.name, "shard-*.jsonl"), RULES, TODAY)
        self.assertEqual(bag.npartitions, SHARDS)
        self.assertEqual(renumbered(self.partitions(bag)), self.expected)

    def test_the_program_as_a_partition_filter(self):
        bag = dask_gates.gate_with_program(self.shards, RULES, TODAY, program=BINARY)
        lines = self.partitions(bag)
        records = [[json.loads(line) for line in part] for part in lines]
        self.assertEqual(renumbered(records), self.expected)

    def test_an_empty_partition_gives_no_records(self):
        # A shard without lines, as a split or a partition may be: no records, not a failed task
        # (the program needs --allow-empty for it; the library path needs nothing).
        empty = os.path.join(self.folder.name, "empty.jsonl")
        open(empty, "w").close()
        first = program_records(self.shards[0])
        for bag in (dask_gates.gate_jsonl([empty, self.shards[0]], RULES, TODAY),
                    dask_gates.gate_with_program([empty, self.shards[0]], RULES, TODAY,
                                                 program=BINARY)):
            parts = [[json.loads(r) if isinstance(r, str) else r for r in part]
                     for part in self.partitions(bag)]
            self.assertEqual(len(parts), 2)
            self.assertEqual(parts[0], [])
            self.assertEqual(parts[1], first)

    def test_a_dataframe_over_csv(self):
        expected = program_records(self.csv)
        frame = dask_gates.gate_csv(self.csv, RULES, TODAY, blocksize="200kB")
        self.assertGreater(frame.npartitions, 2)
        parts = self.client.gather(self.client.compute(frame.to_delayed()))
        rows = [row for part in parts for _, row in part.iterrows()]
        self.assertEqual(len(rows), len(expected))
        for part in parts:  # each partition is read as a CSV of its own: the header is line 1
            self.assertEqual(list(part["line"]), list(range(2, len(part) + 2)))
        for row, record in zip(rows, expected):
            self.assertEqual((row["id"], row["stage"], row["waivers"], row["error"]),
                             (record["id"], record["stage"], record["waivers"], None))
            for gate, result in record["gates"].items():
                got = {"status": row[gate], "milestones": row[gate + ".milestones"]}
                for field in result:
                    if field not in got:
                        got[field] = row[f"{gate}.{field}"]
                self.assertEqual(got, result)

    def test_a_worker_killed_mid_run_is_retried(self):
        def slowly(records):
            time.sleep(0.4)  # long enough that the kill lands while tasks are running
            return records

        bag = dask_gates.gate_jsonl(self.shards, RULES, TODAY).map_partitions(slowly)
        futures = self.client.compute(bag.to_delayed())
        deadline = time.monotonic() + 30
        victim = None
        while victim is None and time.monotonic() < deadline:
            busy = [w for w, keys in self.client.processing().items() if keys]
            if busy and any(f.done() for f in futures):
                victim = busy[0]
            time.sleep(0.05)
        self.assertIsNotNone(victim, "no worker was busy to be killed")
        pid = self.client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        self.assertEqual(renumbered(self.client.gather(futures)), self.expected)
        self.assertNotIn(victim, self.client.scheduler_info()["workers"])


class TheDocumentedRecipe(unittest.TestCase):
    def test_the_doc_shows_the_tested_file_verbatim(self):
        with open(os.path.join(SOURCE, "docs", "embedding.md")) as f:
            doc = f.read()
        block = re.search(r"<!-- test: dask-recipe \(examples/python/dask_gates.py[^\n]*-->\n"
                          r"```python\n(.*?)```\n", doc, re.S)
        self.assertIsNotNone(block, "docs/embedding.md has no dask-recipe block")
        with open(os.path.join(EXAMPLES, "dask_gates.py")) as f:
            self.assertEqual(block.group(1), f.read())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
