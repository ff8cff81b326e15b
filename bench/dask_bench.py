#!/usr/bin/python3
"""Throughput of dealgate on a Dask cluster against the program, on the same deals.

    PYTHONPATH=build/python bench/dask_bench.py BUILD_DIR [N] [SHARDS] [RUNS]

Generates N deals (default 1,000,000) with dealgate-gen-deals, cut into SHARDS JSON Lines files
(default 16), then times, RUNS times each (default 3), medians printed:
  cli-1, cli-2      `dealgate eval --format jsonl --threads 1|2` over the whole file, to a file
  dask-bytes        the module on the cluster, partition a shard: evaluate_jsonl_bytes, each
                    partition's records written by the worker to a file of its own
  dask-dicts        the recipe's gate_jsonl (dicts), counted by enter_delivery's status on the
                    workers (a bag of a million dicts is too big to gather)
  dask-program      the recipe's gate_with_program (`dealgate eval` per partition), written by
                    the workers
The cluster: a scheduler and two single-threaded worker processes over TCP on 127.0.0.1 (the
machine has 2 cores). Checks that every Dask variant's records equal the program's once `line`
(which counts within a shard) is set aside.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
sys.path[:0] = [os.path.join(SOURCE, "examples", "python"), os.path.join(SOURCE, "tests", "python")]
import dask  # noqa: E402
import dask.bag  # noqa: E402
import dask_gates  # noqa: E402
from local_cluster import Cluster  # noqa: E402

import dealgate  # noqa: E402

BUILD = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
SHARDS = int(sys.argv[3]) if len(sys.argv) > 3 else 16
RUNS = int(sys.argv[4]) if len(sys.argv) > 4 else 3
RULES = os.path.join(SOURCE, "examples", "enterprise.gate")
TODAY = "2026-11-26"
PROGRAM = os.path.join(BUILD, "dealgate")
LINE = re.compile(rb'"line":\d+,?')


def without_lines(data):
    return LINE.sub(b"", data)


def write_partition(evaluator, folder):
    def run(lines, number):
        out = evaluator.evaluate_jsonl_bytes("".join(lines))
        name = os.path.join(folder, f"part-{number:05}.jsonl")
        with open(name, "wb") as f:
            f.write(out)
        return [len(out)]
    return run


def write_lines(folder):
    def run(lines, number):
        name = os.path.join(folder, f"part-{number:05}.jsonl")
        with open(name, "w") as f:
            f.write("".join(line + "\n" for line in lines))
        return [len(lines)]
    return run


def status(record):
    return record["gates"]["enter_delivery"]["status"] if "gates" in record else "error"


def reference_statuses(reference):
    counts = {}
    for line in reference.splitlines():
        key = status(json.loads(line))
        counts[key] = counts.get(key, 0) + 1
    return counts


def per_partition(bag, write):
    """One task per partition that writes it to a numbered file (the order of the inputs)."""
    return [dask.delayed(write)(part, number) for number, part in enumerate(bag.to_delayed())]


def parts(folder):
    out = b""
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            out += f.read()
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        deals = os.path.join(tmp, "deals.jsonl")
        with open(deals, "wb") as f:
            subprocess.run([os.path.join(BUILD, "bench", "dealgate-gen-deals"), str(N), "42"],
                           stdout=f, check=True)
        with open(deals, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        shard_dir = os.path.join(tmp, "shards")
        os.mkdir(shard_dir)
        for k in range(SHARDS):
            with open(os.path.join(shard_dir, f"shard-{k:03}.jsonl"), "wb") as f:
                f.writelines(lines[len(lines) * k // SHARDS:len(lines) * (k + 1) // SHARDS])
        del lines
        shards = os.path.join(shard_dir, "shard-*.jsonl")
        cli_out = os.path.join(tmp, "cli.jsonl")
        cluster = Cluster(tmp, [os.path.join(SOURCE, "examples", "python")])
        client = cluster.client
        times = {}
        reference = None
        try:
            def timed(name, run):
                start = time.perf_counter()
                result = run()
                times.setdefault(name, []).append(time.perf_counter() - start)
                return result

            for _ in range(RUNS):
                for threads in (1, 2):
                    def cli():
                        with open(cli_out, "wb") as f:
                            code = subprocess.run([PROGRAM, "eval", RULES, "--facts", deals,
                                                   "--format", "jsonl", "--today", TODAY,
                                                   "--threads", str(threads)], stdout=f,
                                                  stderr=subprocess.DEVNULL).returncode
                        assert code == 1, code
                    timed(f"cli-{threads}", cli)
                with open(cli_out, "rb") as f:
                    reference = without_lines(f.read())

                out_dir = tempfile.mkdtemp(dir=tmp)
                evaluator = dealgate.RuleSet.load(RULES).evaluator(today=TODAY)
                tasks = per_partition(dask.bag.read_text(shards, files_per_partition=1),
                                      write_partition(evaluator, out_dir))
                timed("dask-bytes", lambda: client.gather(client.compute(tasks)))
                assert without_lines(parts(out_dir)) == reference, "dask-bytes differs"

                dicts = dask_gates.gate_jsonl(shards, RULES, TODAY)
                statuses = timed("dask-dicts", lambda: dict(dicts.map(status).frequencies()
                                                            .compute()))
                assert statuses == reference_statuses(reference), "dask-dicts differs"
                expected = [json.loads(line) for line in reference.splitlines()[:1000]]
                assert [{k: v for k, v in r.items() if k != "line"} for r in dicts.take(1000)] \
                    == expected, "dask-dicts differs"

                out_dir = tempfile.mkdtemp(dir=tmp)
                bag = dask_gates.gate_with_program(shards, RULES, TODAY, program=PROGRAM)
                tasks = per_partition(bag, write_lines(out_dir))
                timed("dask-program", lambda: client.gather(client.compute(tasks)))
                assert without_lines(parts(out_dir)) == reference, "dask-program differs"
        finally:
            cluster.close()
        print(f"{N} deals in {SHARDS} shards, {RUNS} runs, medians; 2 workers x 1 thread")
        print(f"{'':14} {'seconds':>8} {'deals/s':>10}")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:14} {median:8.2f} {N / median:10.0f}   "
                  f"(runs: {', '.join(f'{v:.2f}' for v in values)})")
        print("every Dask variant's records equal the program's (line set aside; dicts: the "
              "status counts and the first 1000 records)")


if __name__ == "__main__":
    main()
