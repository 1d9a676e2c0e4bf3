#!/usr/bin/env bash
# Property-based API tests: schemathesis generates requests from the running server's OpenAPI
# document and checks every answer against it (status codes, content types, schemas, no 5xx).
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
KEY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["api_key"])' "$WORK/demo.json")
"$ST" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --header "Authorization: Bearer $KEY" \
  --checks all \
  --max-examples "$EXAMPLES" \
  --request-timeout 30 \
  --no-color \
  || { tail -40 "$WORK/server.log" >&2; exit 1; }
