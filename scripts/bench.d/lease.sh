#!/usr/bin/env bash
# Lease abstraction speed and accuracy (release build): each development lease and the longest
# of a batch of generated leases (~45 native pages) end to end (read + abstract) with wall time
# and peak memory, then the gold and Kleister evaluations.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1
cargo build --release -q -p api --bin leasegrid
bin="${CARGO_TARGET_DIR:-target}/release/leasegrid"
data="${LEASEGRID_DATA:-../shared/data}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Generated leases run 10 to 45 pages; keep the longest of a seeded batch.
"$bin" synth-leases --out "$work/synth" --count 80 --seed 45 >/dev/null 2>&1
longest=$(for p in "$work"/synth/*.pdf; do
  printf '%s %s\n' "$(pdfinfo "$p" | awk '/^Pages:/ {print $2}')" "$p"
done | sort -n | tail -1 | cut -d' ' -f2)
printf '| document | pages | seconds | peak RSS MiB |\n|---|---|---|---|\n'
for pdf in "$data"/leases/*.pdf "$longest"; do
  out=$( { /usr/bin/time -f '%e %M' "$bin" extract "$pdf" --format json > "$work/out.json"; } 2>&1 | tail -1)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  read -r secs kib <<<"$out"
  printf '| %s | %s | %s | %s |\n' "$(basename "$pdf" .pdf)" "$pages" "$secs" "$((kib / 1024))"
done
"$bin" eval --gold "$data/leases" 2>/dev/null
"$bin" eval --kleister "$data/kleister-nda" --text-layer 2>/dev/null
