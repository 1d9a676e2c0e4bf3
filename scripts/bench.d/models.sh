#!/usr/bin/env bash
# Model benchmark: MiniLM encoder throughput, and the model's seconds per lease (question
# embedding, re-ranking of lexical shortlists, one span read per field) on the development leases.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${LEASEGRID_DATA:-../shared/data}"
QUESTIONS="$(mktemp)"
trap 'rm -f "$QUESTIONS"' EXIT
# The lease fields the span model is asked about, phrased as `leasegrid train-data` phrases them.
cat > "$QUESTIONS" <<'Q'
Who is the landlord (lessor)?
Who is the tenant (lessee)?
What is the address of the premises?
What is the commencement date of the lease?
What is the expiration date of the lease?
What is the term months of the lease?
What is the base rent of the lease?
What is the security deposit of the lease?
Which state's law governs the lease?
What is the permitted use of the lease?
Q
docs=()
for f in "$DATA"/leases/*.txt; do docs+=(--document "$f"); done
cargo run -q --release -p ml-models --bin bench -- --questions "$QUESTIONS" "${docs[@]}"
