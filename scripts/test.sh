#!/usr/bin/env bash
# `make test`: lint, every Rust test, the frontend's unit tests and the browser tests, against
# real services that this script starts and always stops again.
set -euo pipefail
cd "$(dirname "$0")/.."

# A one-shot build gains nothing from incremental artifacts, which would double target/ on disk.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

trap 'scripts/services.sh stop' EXIT
eval "$(scripts/services.sh start)"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "format and lint"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "frontend bundle"
(cd frontend && npm run build)

step "rust tests"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
  cargo test --workspace --locked --doc
else
  cargo test --workspace --locked --no-fail-fast
fi

step "frontend unit tests"
(cd frontend && npm test)

cargo build --locked -p api --bin leasegrid

step "API property tests (schemathesis)"
scripts/schemathesis.sh ./target/debug/leasegrid 5

step "browser tests"
scripts/browser-test.sh ./target/debug/leasegrid
