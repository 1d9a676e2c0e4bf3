#!/usr/bin/env bash
# The field model's cost (release build): seconds per document end to end (`leasegrid extract`:
# read + abstract) with the rules alone (LEASEGRID_FIELD_MODEL=off) and with the shipped gated span
# model (the default; its load is included), on the development leases and the longest of a
# seeded batch of generated leases (~45 native pages, the 5 s budget's document). Then the cost
# of one adapter training step (batch 8, ~230 tokens) by how many top layers carry adapters.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1
cargo build --release -q -p api --bin leasegrid -p ml-models --bin train
bin="${CARGO_TARGET_DIR:-target}/release/leasegrid"
train="${CARGO_TARGET_DIR:-target}/release/train"
data="${LEASEGRID_DATA:-../shared/data}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" synth-leases --out "$work/synth" --count 80 --seed 45 >/dev/null 2>&1
longest=$(for p in "$work"/synth/*.pdf; do
  printf '%s %s\n' "$(pdfinfo "$p" | awk '/^Pages:/ {print $2}')" "$p"
done | sort -n | tail -1 | cut -d' ' -f2)
seconds() {
  { /usr/bin/time -f '%e' env LEASEGRID_FIELD_MODEL="$1" LEASEGRID_LOG=error \
    "$bin" extract "$2" --format json > "$work/out-$1.json"; } 2>&1 | tail -1
}
printf '| document | pages | rules only s | rules + gated model s | fields changed by the model |\n'
printf '|---|---|---|---|---|\n'
for pdf in "$data"/leases/*.pdf "$longest"; do
  off=$(seconds off "$pdf")
  on=$(seconds on "$pdf")
  changed=$(python3 -c '
import json, sys
a, b = (json.load(open(p)).get("lease") or {} for p in sys.argv[1:])
print(sum(a[k]["value"] != b[k]["value"] for k in a if k in b))' "$work/out-off.json" "$work/out-on.json")
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf '| %s | %s | %s | %s | %s |\n' "$(basename "$pdf" .pdf)" "$pages" "$off" "$on" "$changed"
done

"$bin" train-data "$work/data.jsonl" --data "$data" --without-leases --kleister-docs 20 >/dev/null 2>&1
printf '\n| layers with adapters | seconds per adapter step (batch 8) |\n|---|---|\n'
for layers in 6 2 1; do
  "$train" "$work/data.jsonl" --out "$work/lora-$layers" --limit 64 --head-epochs 1 \
    --lora-steps 10 --lora-layers "$layers" > "$work/lora-$layers.json" 2>/dev/null
  python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
step = m["seconds_adapters"] / m["options"]["lora_steps"]
print(f"| {sys.argv[2]} | {step:.2f} |")' \
    "$work/lora-$layers.json" "$layers"
done
