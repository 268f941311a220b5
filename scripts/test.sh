#!/usr/bin/env bash
# Quick start 2: set up, build, and run every test: the C++ suite through ctest, then the
# Python package installed with `pip install .` and its pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j2)
.venv/bin/python -m pip install -q ".[test]"
.venv/bin/python -m pytest tests/python
