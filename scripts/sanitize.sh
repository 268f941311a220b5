#!/usr/bin/env bash
# The sanitizer run (issue 12), after scripts/setup.sh: every test under clang 14.
#  1. AddressSanitizer + UndefinedBehaviorSanitizer: the whole C++ suite (GoogleTest, the C
#     interface's C suite, the command line's cases, the fuzz harnesses' smoke runs of
#     PARINDEX_FUZZ_SECONDS each), then the Python suite against the same instrumented module.
#  2. ThreadSanitizer: the concurrency tests (evaluation, dossier reading, calendars, Monte
#     Carlo on several threads at once).
# Usage: bash scripts/sanitize.sh [asan|tsan]...   (default: both). Build trees: build-asan/,
# build-tsan/. Any report fails the run (halt_on_error; UBSan does not recover).
set -euo pipefail
cd "$(dirname "$0")/.."
stages=("$@")
((${#stages[@]})) || stages=(asan tsan)

if ! command -v clang++-14 >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq clang-14 >/dev/null
fi
jobs="${SANITIZE_BUILD_JOBS:-2}"

configure() {  # DIR FLAGS EXTRA-CMAKE-ARGS...
  local dir=$1 flags=$2
  shift 2
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DPARINDEX_INSTALL=OFF "$@" >/dev/null
}

asan() {
  local flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  # The Python module uses the shared ASan runtime, preloaded into an uninstrumented python.
  configure build-asan "$flags" -DPARINDEX_FUZZ=ON -DPARINDEX_PYTHON=ON \
    -DPython_EXECUTABLE="$PWD/.venv/bin/python" -Dpybind11_DIR="$(.venv/bin/python -m pybind11 --cmakedir)"
  cmake --build build-asan -j"$jobs"
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  (cd build-asan && ctest --output-on-failure -j2)

  # Python: the leak checker is off (CPython keeps its arenas to the end by design).
  local runtime
  runtime="$(clang++-14 -print-file-name=libclang_rt.asan-x86_64.so)"
  local site
  site="$(mktemp -d)"
  trap 'rm -rf "$site"' RETURN
  mkdir "$site/parindex"
  ln -s "$PWD"/bindings/python/parindex/* "$site/parindex/"
  ln -s "$PWD"/build-asan/bindings/python/_core*.so "$site/parindex/"
  ln -s "$PWD/data" "$site/parindex/data"
  # The tests that run the command line get the instrumented one, without the preloaded
  # runtime (it carries its own, and two ASan runtimes in one process abort).
  printf '#!/bin/sh\nunset LD_PRELOAD\nexec "%s" "$@"\n' "$PWD/build-asan/parindex" > "$site/parindex-cli"
  chmod +x "$site/parindex-cli"
  # The Spark tests are left to the plain run: a JVM does not start with the ASan runtime
  # preloaded (as the Java example). A hang fails after 15 minutes instead of running on.
  ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1" LD_PRELOAD="$runtime" \
    PYTHONPATH="$site" PARINDEX_CLI="$site/parindex-cli" timeout 900 \
    .venv/bin/python -m pytest -q -rs -p no:cacheprovider --ignore=tests/python/test_spark.py tests/python
}

tsan() {
  configure build-tsan "-fsanitize=thread -fno-omit-frame-pointer" \
    -DPARINDEX_BUILD_CLI=OFF -DPARINDEX_C_API=OFF -DPARINDEX_PYTHON=OFF
  cmake --build build-tsan -j"$jobs" --target parindex_concurrency_tests
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" build-tsan/tests/parindex_concurrency_tests
}

for stage in "${stages[@]}"; do
  case "$stage" in
    asan) asan ;;
    tsan) tsan ;;
    *) echo "sanitize.sh: unknown stage '$stage' (asan or tsan)" >&2; exit 2 ;;
  esac
done
