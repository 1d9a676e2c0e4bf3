#!/usr/bin/env bash
# Ingestion benchmarks (issue 3), printed as markdown tables:
#   native PDF pages/s against pdftotext on the development leases, in the same run;
#   OCR seconds per 300-dpi page against the tesseract CLI on the same page images;
#   OCR word recall on rendered pages rotated 0.7 degrees and noised, against their text layer
#   (DL03 was used while tuning, DL02 is held out);
#   peak memory and time reading a 310-page PDF (DL02 ten times, 60 of its pages OCR'd).
# BENCH_PROFILE=dev measures a debug build with the extractor crate optimized (no release build
# of every dependency needed); the default is a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1
data=${LEASEGRID_DATA:-../shared/data}/leases
target=${CARGO_TARGET_DIR:-target}
if [ "${BENCH_PROFILE:-release}" = dev ]; then
  cargo build --locked -p extractor --bin bench-ingest \
    --config 'profile.dev.package.extractor.opt-level=3' >&2
  bench=$target/debug/bench-ingest
else
  cargo build --release --locked -p extractor --bin bench-ingest >&2
  bench=$target/release/bench-ingest
fi
for tool in pdftotext tesseract pdfunite; do
  command -v "$tool" >/dev/null || { echo "ingest bench: $tool is not installed" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" native "$data"/DL01*.pdf "$data"/DL02*.pdf "$data"/DL03*.pdf
echo
"$bench" native "$data"/DL0[1-4]*.pdf
echo
"$bench" ocr "$data"/DL04*.pdf "${OCR_PAGES:-4}"
echo
echo "OCR quality, DL03 (tuning set):"
"$bench" quality "$data"/DL03*.pdf 3
echo
echo "OCR quality, DL02 (held out):"
"$bench" quality "$data"/DL02*.pdf 3
echo
pdfunite $(for _ in $(seq 10); do echo "$data"/DL02*.pdf; done) "$tmp/big.pdf"
"$bench" memory "$tmp/big.pdf"
