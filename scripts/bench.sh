#!/usr/bin/env bash
# `make bench`: every benchmark table, release builds, measured in one run so ratios compare
# like with like on this noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in scripts/bench.d/*.sh; do
  [ -e "$b" ] || continue
  printf '\n\033[1m== %s\033[0m\n' "$(basename "$b" .sh)" >&2
  bash "$b"
done
