#!/usr/bin/env bash
# Property-based API tests: schemathesis generates requests from the running server's OpenAPI
# document and checks every answer against it (status codes, content types, schemas, no 5xx).
# The two checks that assume the schema says everything about validity are off: an upload's
# bytes, a list cursor and a field name are validated beyond what a schema can express.
# Usage: scripts/schemathesis.sh [BINARY] [EXAMPLES]; `make test` runs a few examples per
# operation, `make bench` many.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-./target/debug/leasegrid}
EXAMPLES=${2:-5}
ST=.cache/venv-schemathesis/bin/st
[ -x "$ST" ] || { echo "schemathesis: $ST is missing; run make setup" >&2; exit 1; }
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --data-dir "$WORK/data" --bind "127.0.0.1:$PORT" --demo-org --demo-credentials "$WORK/demo.json" \
  --frontend-dir "$WORK/none" --workers 1 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log" >&2; echo "schemathesis: server exited" >&2; exit 1; }
  sleep 0.2
done
KEY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("api_key", ""))' "$WORK/demo.json" 2>/dev/null || true)
[ -n "$KEY" ] || { cat "$WORK/demo.json" "$WORK/server.log" >&2; echo "schemathesis: no demo API key" >&2; exit 1; }
"$ST" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --header "Authorization: Bearer $KEY" \
  --checks all \
  --exclude-checks positive_data_acceptance,negative_data_rejection \
  --max-examples "$EXAMPLES" \
  --request-timeout 30 \
  --no-color \
  || { tail -40 "$WORK/server.log" >&2; exit 1; }
