#!/usr/bin/env bash
# Builds the fuzz harnesses (tests/fuzz) with clang 14, AddressSanitizer and UBSan, and runs each
# for SECONDS (default 60), seeded from the shipped files. Any finding stops with its input
# saved in build-fuzz/findings/. Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v clang++-14 >/dev/null || { apt-get update -qq && apt-get install -y -qq clang-14 >/dev/null; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARINDEX_FUZZ=ON -DPARINDEX_BUILD_TESTS=OFF -DPARINDEX_BUILD_CLI=OFF -DPARINDEX_PYTHON=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" >/dev/null
cmake --build build-fuzz -j2 >/dev/null

seed() {  # seed corpus directory for a harness
  local name=$1 dir=build-fuzz/corpus/$1
  mkdir -p "$dir"
  case $name in
    fuzz_framework) cp data/frameworks/*.json tests/malformed/*.framework.json "$dir"/ ;;
    fuzz_score_table) head -c 20000 data/papi/papi-subdimensions-2018-2024.tsv > "$dir/papi.tsv" ;;
    fuzz_units) cp data/units/vn-provinces.json "$dir"/ ;;
    fuzz_survey) head -c 20000 examples/sipas/responses.invented.csv > "$dir/responses.csv" ;;
    fuzz_survey_design) cp data/surveys/*.json "$dir"/ ;;
    fuzz_capi)  # a framework, NUL, an assessment of it
      for a in examples/langson-2023/*.json; do
        { cat data/frameworks/langson-district-2023.json; printf '\0'; cat "$a"; } > "$dir/$(basename "$a")"
      done ;;
  esac
  echo "$dir"
}

mkdir -p build-fuzz/findings
for harness in fuzz_framework fuzz_score_table fuzz_units fuzz_survey fuzz_survey_design fuzz_capi; do
  echo "fuzz: $harness for ${seconds}s"
  "./build-fuzz/tests/fuzz/$harness" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/findings/$harness-" "$(seed "$harness")" 2>&1 | tail -1
done
