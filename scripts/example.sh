#!/usr/bin/env bash
# Quick start 1: set up, build, and run the main example: Bắc Sơn district's PAR INDEX 2023
# scorecard and gap table, reproducing the published table, then the shipped districts' ranks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
fw=data/frameworks/langson-district-2023.json
ex=examples/langson-2023
echo
./build/parindex score "$fw" "$ex/bac-son.json"
echo
./build/parindex gaps "$fw" "$ex/bac-son.json"
echo
./build/parindex rank --groups national "$fw" "$ex"/*.json
echo
./build/parindex improve --groups national "$fw" "$ex"/*.json --unit bac-son --target rank=1
