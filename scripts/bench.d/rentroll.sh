#!/usr/bin/env bash
# Rent-roll benchmark: rows per second reading and normalizing a generated 5,000-unit export in
# each layout, the broker PDF through pdfium and layout tables included (goal: under 1 s per
# export), whether each came out exact, and the cost of placing a dozen unknown headers with the
# MiniLM header model (goal: well under 100 ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked -q -p extractor --bin bench-rentroll
"${CARGO_TARGET_DIR:-target}/release/bench-rentroll" "${RENTROLL_BENCH_UNITS:-5000}" 3
