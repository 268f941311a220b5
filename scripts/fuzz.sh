#!/usr/bin/env bash
# Builds the fuzz harnesses (tests/fuzz) with clang 14, AddressSanitizer and UBSan, and runs each
# for SECONDS (default 60; 600 or more for a real campaign), seeded from tests/fuzz/corpus/<harness>
# and the bad-input catalogue (tests/malformed). The corpus each run grows is kept in
# build-fuzz/corpus/<harness> for the next run. Any finding (crash, leak, undefined behaviour,
# broken invariant, timeout) stops that harness with its input saved in build-fuzz/findings/ and
# makes the script exit non-zero.
# Usage: bash scripts/fuzz.sh [SECONDS] [HARNESS...]   (default: every harness)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
command -v clang++-14 >/dev/null || { apt-get update -qq && apt-get install -y -qq clang-14 >/dev/null; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARINDEX_FUZZ=ON -DPARINDEX_BUILD_TESTS=OFF -DPARINDEX_BUILD_CLI=OFF -DPARINDEX_PYTHON=OFF -DPARINDEX_INSTALL=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" >/dev/null
cmake --build build-fuzz -j"${FUZZ_BUILD_JOBS:-2}" >/dev/null

if [ "$#" -gt 0 ]; then
  harnesses=("$@")
else
  mapfile -t harnesses < <(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//' | grep -v '^fuzz_driver$')
fi

mkdir -p build-fuzz/findings
status=0
for harness in "${harnesses[@]}"; do
  corpus=build-fuzz/corpus/$harness
  mkdir -p "$corpus"
  echo "fuzz: $harness for ${seconds}s"
  # Seeds: the checked-in ones and the catalogue; the harness keeps what it finds in $corpus.
  if "./build-fuzz/tests/fuzz/$harness" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
       -print_final_stats=1 -artifact_prefix="build-fuzz/findings/$harness-" \
       "$corpus" "tests/fuzz/corpus/$harness" tests/malformed > "build-fuzz/$harness.log" 2>&1; then
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/$harness.log" | tr '\n' ' '
    echo
  else
    echo "fuzz: $harness FOUND SOMETHING; see build-fuzz/$harness.log and build-fuzz/findings/"
    grep -E "ERROR|runtime error|SUMMARY|deadly signal" "build-fuzz/$harness.log" | head -5 || true
    status=1
  fi
done
exit $status
