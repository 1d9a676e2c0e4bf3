#!/usr/bin/env bash
# API throughput and latency (release build, server and load generator in one process on
# loopback), then many schemathesis examples per operation against a release server.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked -p api --bin bench-api --bin leasegrid >&2
./target/release/bench-api
scripts/schemathesis.sh ./target/release/leasegrid "${SCHEMATHESIS_EXAMPLES:-100}" >&2
