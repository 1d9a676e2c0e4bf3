#!/usr/bin/env bash
# Lease abstraction speed and accuracy (release build): each development lease end to end
# (read + abstract) with wall time and peak memory, then the gold and Kleister evaluations.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1
cargo build --release -q -p api --bin leasegrid
bin="${CARGO_TARGET_DIR:-target}/release/leasegrid"
data="${LEASEGRID_DATA:-../shared/data}"
printf '| document | pages | seconds | peak RSS MiB |\n|---|---|---|---|\n'
for pdf in "$data"/leases/*.pdf; do
  out=$( { /usr/bin/time -f '%e %M' "$bin" extract "$pdf" --format json > /tmp/lease-bench.json; } 2>&1 | tail -1)
  pages=$(grep -c '"text_source"' /tmp/lease-bench.json || true)
  read -r secs kib <<<"$out"
  printf '| %s | %s | %s | %s |\n' "$(basename "$pdf" .pdf)" "$pages" "$secs" "$((kib / 1024))"
done
"$bin" eval --gold "$data/leases" 2>/dev/null
"$bin" eval --kleister "$data/kleister-nda" --text-layer 2>/dev/null
