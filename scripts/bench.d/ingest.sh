#!/usr/bin/env bash
# Ingestion benchmarks (issue 3), printed as markdown tables:
#   native PDF pages/s against pdftotext on the development leases, in the same run;
#   OCR seconds per 300-dpi page (wall and CPU) against the tesseract CLI on the same page
#   images, the CLI run three ways: single-threaded one page at a time, a pool of two
#   single-threaded processes, and as installed (OpenMP on every core; once, it is slow)
#   (all ten pages of DL04 by default, OCR_PAGES=N for the first N; the rows of page 3, a
#   table of contents, are read twice by design), with the CPU and wall time of each of our
#   stages; BENCH_ROUNDS=N alternates the three ways N times and prints medians;
#   OCR word recall on rendered pages rotated 0.7 degrees and noised, against their text layer,
#   next to the tesseract CLI on the same images; a page whose text layer our reader rejects
#   (DL02 pages 4 and 6) has no reference and is not scored. DL02 is a scan with an invisible
#   OCR layer of its own: its misreadings are counted as our misses, which caps the recall
#   either OCR can reach there
#   (tuned on: DL03 pages 1-3 and DL02 pages 1-3, the tables of contents whose dot leaders and
#   number columns were the failure; held out: DL02 pages 4-6, a contents page plus a numbered
#   rent schedule written here and made into a PDF with soffice, and born-digital Kleister NDA
#   pages: the first page of the first KLEISTER_PAGES (default 8) PDFs in file-name order whose
#   first page our reader takes as a usable text layer of at least 100 words);
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
for tool in pdftotext tesseract pdfunite pdfseparate soffice; do
  command -v "$tool" >/dev/null || { echo "ingest bench: $tool is not installed" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" native "$data"/DL01*.pdf "$data"/DL02*.pdf "$data"/DL03*.pdf
echo
"$bench" native "$data"/DL0[1-4]*.pdf
echo
"$bench" ocr "$data"/DL04*.pdf "${OCR_PAGES:-10}"
echo
echo "OCR quality, DL03 pages 1-3 (tuning set):"
"$bench" quality "$data"/DL03*.pdf 1-3
echo
echo "OCR quality, DL02 pages 1-3 (tables of contents; diagnosed and tuned on):"
"$bench" quality "$data"/DL02*.pdf 1-3
echo
echo "OCR quality, DL02 pages 4-6 (held out):"
"$bench" quality "$data"/DL02*.pdf 4-6
echo
{
  echo '<html><body><h2>Contents</h2><table width="100%">'
  n=0
  for t in "Definitions" "Premises and Common Areas" "Term and Possession" "Base Rent" \
    "Operating Expenses and Taxes" "Use of the Premises" "Alterations" "Insurance" \
    "Casualty and Condemnation" "Assignment and Subletting" "Default and Remedies" \
    "Holding Over" "Notices" "Miscellaneous"; do
    n=$((n + 1))
    echo "<tr><td>$n.</td><td>$t ........................................................................</td><td>$((n * 2 + 1))</td></tr>"
  done
  echo '</table><h2>Schedule of Base Rent</h2><p>Tenant shall pay Base Rent in monthly'
  echo 'installments in advance on the first day of each calendar month as follows:</p><ol>'
  for y in 1 2 3 4 5; do
    echo "<li>Lease Year $y: \$$((24 + y)).50 per rentable square foot per annum, payable"
    echo "in equal monthly installments of \$$((5000 + 125 * y)).00.</li>"
  done
  echo '</ol></body></html>'
} >"$tmp/contents.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
  --outdir "$tmp" "$tmp/contents.html" >/dev/null 2>&1
echo "OCR quality, a contents page and rent schedule written for this bench (held out):"
"$bench" quality "$tmp/contents.pdf" 1-3
echo
echo "OCR quality, first pages of Kleister NDA PDFs (born-digital text layers; held out):"
"$bench" quality-first "${KLEISTER_PAGES:-8}" \
  $(find "${LEASEGRID_DATA:-../shared/data}/kleister-nda/documents" -name '*.pdf' | LC_ALL=C sort)
echo
pdfunite $(for _ in $(seq 10); do echo "$data"/DL02*.pdf; done) "$tmp/big.pdf"
"$bench" memory "$tmp/big.pdf"
