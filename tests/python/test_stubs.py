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


# stubtest cannot see the parameters of pybind11's functions (they have no inspectable
# signature), so they are compared here with the signature pybind11 writes in each docstring.
def _split(params: str) -> list:
    out, depth, current = [], 0, ""
    for ch in params:
        depth += ch in "[({"
        depth -= ch in "])}"
        if ch == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    return [p for p in out + [current.strip()] if p]


def _runtime_signatures(obj, name: str) -> list:
    """Each overload's parameters as (name, has a default), from pybind11's docstring."""
    signatures = []
    for line in (obj.__doc__ or "").splitlines():
        match = re.match(rf"^(?:\d+\. )?{re.escape(name)}\((.*)\) -> ", line)
        if match:
            params = [p for p in _split(match.group(1)) if p not in ("*", "/")]
            signatures.append([(p.split(":")[0].split("=")[0].strip(), "=" in p) for p in params])
    return signatures


def _stub_signatures():
    import ast
    from pathlib import Path

    import parindex

    tree = ast.parse((Path(parindex.__file__).parent / "_core.pyi").read_text(encoding="utf-8"))

    def params(fn: ast.FunctionDef) -> list:
        args = fn.args.posonlyargs + fn.args.args
        defaults = [False] * (len(args) - len(fn.args.defaults)) + [True] * len(fn.args.defaults)
        out = [(a.arg, d) for a, d in zip(args, defaults)]
        out += [(a.arg, d is not None) for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults)]
        return out

    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, None, params(node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not any(
                        isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list):
                    yield item.name, node.name, params(item)


def test_stub_parameters_match_pybind11_signatures():
    from parindex import _core

    checked, wrong = 0, []
    for name, cls, stub in _stub_signatures():
        owner = getattr(_core, cls) if cls else _core
        obj = owner.__dict__.get(name) if cls else getattr(_core, name, None)
        obj = getattr(obj, "__func__", obj)  # a staticmethod's function
        if obj is None or not type(obj).__name__.startswith("builtin") or name.startswith("_"):
            continue  # Python-level (stubtest compares those) or private
        runtime = _runtime_signatures(obj, name)
        if not runtime:
            continue
        if cls and not isinstance(owner.__dict__.get(name), staticmethod):
            stub = stub[1:]
            runtime = [r[1:] for r in runtime]
        checked += 1
        if stub not in runtime:
            wrong.append(f"{cls + '.' if cls else ''}{name}: stub {stub}, runtime {runtime}")
    assert checked > 40 and wrong == []
