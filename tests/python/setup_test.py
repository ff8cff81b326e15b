#!/usr/bin/env python3
"""`pip install --no-build-isolation .` in python/, offline, into a temporary folder; then the
installed package (extension, stubs, py.typed) imports and evaluates from there.

    python3 setup_test.py BUILD_DIR SOURCE_DIR

The build step is python/setup.py's own (cmake --build of target _dealgate), pointed at the
configured BUILD_DIR with DEALGATE_BUILD_DIR so that CI does not compile the library twice.
"""
import os
import subprocess
import sys
import tempfile
import unittest

BUILD, SOURCE = sys.argv[1], sys.argv[2]


class PipInstall(unittest.TestCase):
    def test_pip_installs_the_package_from_the_tree(self):
        leftovers = [os.path.join(SOURCE, "python", n) for n in ("build", "dealgate.egg-info")]
        before = [os.path.exists(p) for p in leftovers]
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, "site")
            env = dict(os.environ, DEALGATE_BUILD_DIR=BUILD,
                       DEALGATE_SETUPTOOLS_DIR=os.path.join(folder, "setuptools"),
                       PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            os.makedirs(env["DEALGATE_SETUPTOOLS_DIR"])
            run = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation",
                                  "--no-deps", "--target", target, "."],
                                 cwd=os.path.join(SOURCE, "python"), env=env,
                                 capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            installed = os.listdir(os.path.join(target, "dealgate"))
            for name in ("__init__.py", "__init__.pyi", "_dealgate.pyi", "py.typed"):
                self.assertIn(name, installed)
            self.assertTrue(any(n.startswith("_dealgate") and n.endswith(".so") for n in installed))
            script = ("import dealgate, sys\n"
                      "assert dealgate.__file__.startswith(sys.argv[1]), dealgate.__file__\n"
                      "rules = dealgate.RuleSet.load(sys.argv[2])\n"
                      "r = rules.evaluate({'id': 'P'}, today='2026-11-26')\n"
                      "print(dealgate.__version__, r['id'], r['gates']['enter_delivery']['status'])\n")
            env = dict(os.environ, PYTHONPATH=target)
            check = subprocess.run([sys.executable, "-c", script, target,
                                    os.path.join(SOURCE, "rules")],
                                   env=env, capture_output=True, text=True, cwd=folder)
            self.assertEqual(check.returncode, 0, check.stderr)
            self.assertEqual(check.stdout.split()[1:], ["P", "unknown"])
            meta = [n for n in os.listdir(target) if n.endswith(".dist-info")]
            self.assertEqual(meta, [f"dealgate-{check.stdout.split()[0]}.dist-info"])
            # Nothing of this build was left in the source tree.
            self.assertEqual([os.path.exists(p) for p in leftovers], before)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
