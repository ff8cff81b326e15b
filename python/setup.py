"""Builds the extension `dealgate._dealgate` with the project's CMake build, for pip.

    cd python && python3 -m pip install --no-build-isolation .

Configures a build of its own (Release, no tests, benchmarks or install rules) under setuptools'
build folder, or, with DEALGATE_BUILD_DIR set, builds the target in that configured tree (which
must have been configured for the same Python). DEALGATE_SETUPTOOLS_DIR moves setuptools' own
build and egg-info folders out of the source tree (the tests use it).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
VERSION = re.search(r"project\(dealgate VERSION (\S+)", (ROOT / "CMakeLists.txt").read_text())[1]


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("DEALGATE_BUILD_DIR")
        if not build:
            build = os.path.join(os.path.abspath(self.build_temp), "cmake")
            generator = ["-G", "Ninja"] if shutil.which("ninja") else []
            subprocess.check_call(
                ["cmake", "-S", str(ROOT), "-B", build, *generator, "-DCMAKE_BUILD_TYPE=Release",
                 "-DDEALGATE_BUILD_TESTS=OFF", "-DDEALGATE_BUILD_BENCH=OFF",
                 "-DDEALGATE_INSTALL=OFF", "-DDEALGATE_SHARED_VARIANT=OFF",
                 f"-DPython3_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", build, "--target", "_dealgate"])
        built = sorted(pathlib.Path(build, "python", "dealgate").glob("_dealgate*.so"))
        if not built:
            raise RuntimeError(f"the CMake build in {build} made no _dealgate module")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


options = {}
if os.environ.get("DEALGATE_SETUPTOOLS_DIR"):
    moved = os.environ["DEALGATE_SETUPTOOLS_DIR"]
    options = {"build": {"build_base": os.path.join(moved, "build")},
               "egg_info": {"egg_base": moved}}

setup(version=VERSION, ext_modules=[Extension("dealgate._dealgate", sources=[])],
      cmdclass={"build_ext": CMakeBuild}, options=options, zip_safe=False)
