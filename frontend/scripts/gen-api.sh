#!/usr/bin/env bash
# Regenerates src/types/openapi.gen.ts from the server's OpenAPI document, offline.
# Usage: scripts/gen-api.sh [path/to/leasegrid]   (starts it on a free port with a throw-away
# data folder, saves /api/v1/openapi.json as frontend/openapi.json, runs openapi-typescript, stops it)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-${CARGO_TARGET_DIR:-./target}/debug/leasegrid}
[ -x "$BIN" ] || { echo "gen-api: no leasegrid binary at $BIN" >&2; exit 1; }
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --data-dir "$WORK/data" --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/api/v1/openapi.json" -o frontend/openapi.json 2>/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
cd frontend
npx openapi-typescript openapi.json -o src/types/openapi.gen.ts
