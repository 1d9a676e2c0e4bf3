#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target for a while where a nightly toolchain and cargo-fuzz
# exist; `make test` only replays the saved corpora on stable.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo +nightly --version >/dev/null 2>&1 || ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: needs a nightly toolchain and cargo-fuzz (cargo install cargo-fuzz); saved corpora are replayed by make test" >&2
  exit 1
fi
for dir in */fuzz; do
  [ -d "$dir" ] || continue
  (cd "$(dirname "$dir")" && for t in $(cargo +nightly fuzz list); do
    cargo +nightly fuzz run "$t" -- -max_total_time="${FUZZ_SECONDS:-60}"
  done)
done
