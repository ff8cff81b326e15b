"""dealgate on a Dask cluster: JSON Lines shards, a CSV export, or the program as a filter.

Each function returns a lazy Dask collection whose partitions are the inputs' partitions, in
order; `.compute()` (or `client.compute`) runs it. `line` in each record counts within its
partition: join results to deals on `id`. Pin `today` so retried tasks give the same results.
The workers need the `dealgate` module (or, for gate_with_program, the program) installed.
"""
import subprocess

import dask.bag
import dask.dataframe

import dealgate


def gate_jsonl(shards, rules_path, today, params=None):
    """JSON Lines files (paths or a glob) → a bag of SPEC §7 records (dicts), a partition a file."""
    # Compiled here once; the evaluator pickles as its rule texts and options to the workers.
    evaluator = dealgate.RuleSet.load(rules_path).evaluator(today=today, params=params)
    deals = dask.bag.read_text(shards, files_per_partition=1)
    return deals.map_partitions(lambda lines: evaluator.evaluate_jsonl("".join(lines)))


def gate_csv(path, rules_path, today, params=None, blocksize="64MB"):
    """A CSV export (header of fact paths) → a Dask DataFrame of results, one row per deal, with
    the input's index: `id`, `line`, `error`, `stage`, `waivers`, and per gate its status and lists."""
    evaluator = dealgate.RuleSet.load(rules_path).evaluator(today=today, params=params)
    # Cells as text, exactly as in the file: the CSV reader converts them by their declared types.
    deals = dask.dataframe.read_csv(path, dtype=str, keep_default_na=False, blocksize=blocksize)
    return deals.map_partitions(evaluator.evaluate_frame, meta=evaluator.evaluate_frame(deals._meta))


def gate_with_program(shards, rules_path, today, program="dealgate"):
    """The same as gate_jsonl through `dealgate eval` run once per partition: a bag of JSON
    lines (text), byte-equal to what the program writes for each partition."""
    command = [program, "eval", rules_path, "--facts", "-", "--format", "jsonl", "--allow-empty",
               "--today", today]

    def run(lines):
        done = subprocess.run(command, input="".join(lines).encode(), capture_output=True)
        if done.returncode > 1:  # 1 only means some gate did not pass: that is data
            raise RuntimeError(f"dealgate eval exited {done.returncode}: {done.stderr.decode()}")
        return done.stdout.decode().splitlines()

    return dask.bag.read_text(shards, files_per_partition=1).map_partitions(run)
