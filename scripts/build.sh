#!/usr/bin/env bash
# Configures and builds the C++ library, the CLI and the tests in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Python module is built too (pybind11 from the .venv that scripts/setup.sh made), so
# that `cmake --install` installs the Python package beside the C++ library.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARINDEX_PYTHON=ON -DPython_EXECUTABLE="$PWD/.venv/bin/python" \
  -Dpybind11_DIR="$(.venv/bin/python -m pybind11 --cmakedir)" >/dev/null
cmake --build build -j2
