"""A Dask cluster on this machine for tests and benchmarks: a scheduler and worker processes over
TCP on 127.0.0.1, started by Cluster() and stopped by close(). Workers run without a nanny, so a
killed worker stays dead and the scheduler must move its tasks.
"""
import os
import subprocess
import sys
import time

import distributed


class Cluster:
    def __init__(self, folder, python_path=(), workers=2):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            list(python_path) + os.environ.get("PYTHONPATH", "").split(os.pathsep)))
        scheduler_file = os.path.join(folder, "scheduler.json")
        common = ["--no-dashboard", "--host", "127.0.0.1"]
        self.logs = open(os.path.join(folder, "cluster.log"), "w")
        start = [sys.executable, "-m"]
        self.scheduler = subprocess.Popen(
            start + ["distributed.cli.dask_scheduler", "--port", "0", "--scheduler-file",
                     scheduler_file] + common, env=env, stdout=self.logs, stderr=self.logs)
        deadline = time.monotonic() + 30
        while not os.path.exists(scheduler_file):
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise RuntimeError("the scheduler did not start; see " + self.logs.name)
            time.sleep(0.1)
        # No nanny: a killed worker stays dead, so its tasks must move to the other one.
        self.workers = [subprocess.Popen(
            start + ["distributed.cli.dask_worker", "--scheduler-file", scheduler_file,
                     "--nthreads", "1", "--no-nanny"] + common,
            env=env, stdout=self.logs, stderr=self.logs) for _ in range(workers)]
        self.client = distributed.Client(scheduler_file=scheduler_file, timeout=30)
        self.client.wait_for_workers(workers, timeout=30)

    def close(self):
        self.client.close()
        for process in self.workers + [self.scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in self.workers + [self.scheduler]:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.logs.close()
