#!/usr/bin/env bash
# Export timings (workbooks and PDF abstracts), goal under 300 ms each for a 200-row rent roll
# workbook and a 3-page PDF abstract. Extra arguments go to the bench, e.g. `--out DIR` to keep
# the exported files.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench --locked -p api --bench exports -- "$@"
