#!/usr/bin/env bash
# Installs what parindex needs on a Debian machine (run as root), and a Python virtual
# environment in .venv with the build and test packages. Safe to run again: it installs
# only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The JDK and Maven run the C interface's Java example (examples/java) in the test suite; the JDK
# also runs the local Spark session of tests/python/test_spark.py.
packages=(g++ cmake ninja-build nlohmann-json3-dev libboost-date-time-dev libgtest-dev
          python3 python3-venv python3-dev python3-pip openjdk-17-jdk-headless maven)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "pybind11>=2.10" "scikit-build-core>=0.8" "pandas>=1.5" "pytest>=7" "jsonschema>=4.18"
# The notebooks' run (nbclient, ipykernel), the charts (matplotlib), the stub check (mypy's
# stubtest) and the dossier sources (pyarrow, polars, DuckDB, Spark) in tests/python;
# `pip install .[test]` asks for the same.
.venv/bin/python -m pip install -q "matplotlib>=3.6" "nbclient>=0.7" "nbformat>=5.7" "ipykernel>=6" "mypy>=1.5" \
  "pyarrow>=14" "polars>=1.0" "duckdb>=1.1" "pyspark>=3.4"
