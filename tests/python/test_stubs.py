"""_core.pyi matches the compiled module: mypy's stubtest compares every name, signature,
default and property (read-only or not) of the stub with the runtime."""

import re
import subprocess
import sys

import pytest

pytest.importorskip("mypy")

# What pybind11 does that a stub cannot say: its own metaclass, an __init__(*args, **kwargs)
# that refuses classes without a constructor, and methods attached in __init__.py whose
# first parameter (the instance) has the name of the thing rather than "self".
PYBIND11 = re.compile(r'metaclass differs|stub does not have \*args parameter "args"|'
                      r'stub parameter "self" differs from runtime parameter')


def test_stub_matches_the_runtime(tmp_path):
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nignore_missing_imports = True\n")  # pandas ships no stubs of its own
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", "parindex._core", "--mypy-config-file", str(config),
                          "--concise"], capture_output=True, text=True, cwd=tmp_path)
    problems = [line for line in run.stdout.splitlines() if line.startswith("parindex.") and not PYBIND11.search(line)]
    assert "not checking stubs" not in run.stdout + run.stderr, run.stdout + run.stderr
    assert problems == []
