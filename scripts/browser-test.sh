#!/usr/bin/env bash
# Starts a real leasegrid server on a free loopback port with a throw-away data folder and runs
# the Playwright (headless Chromium) tests in frontend/e2e against it; stops it afterwards.
# Usage: scripts/browser-test.sh [path/to/leasegrid]  (default: the debug build in the target dir)
# LEASEGRID_SCREENSHOT=FILE keeps a screenshot of the review page.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-${CARGO_TARGET_DIR:-./target}/debug/leasegrid}
[ -x "$BIN" ] || { echo "browser-test: no leasegrid binary at $BIN (cargo build -p api --bin leasegrid)" >&2; exit 1; }
[ -f frontend/dist/index.html ] || (cd frontend && npm run build)
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --data-dir "$WORK/data" --bind "127.0.0.1:$PORT" --frontend-dir frontend/dist \
  --demo-org --demo-credentials "$WORK/demo.json" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log" >&2; echo "browser-test: server exited" >&2; exit 1; }
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { tail -50 "$WORK/server.log" >&2; echo "browser-test: server never became live" >&2; exit 1; }
# The client's types come from a snapshot of the server's OpenAPI; say so when it is stale.
if ! curl -fs "http://127.0.0.1:$PORT/api/v1/openapi.json" | cmp -s - frontend/openapi.json; then
  echo "browser-test: warning: frontend/openapi.json differs from the server's; run (cd frontend && npm run gen:api)" >&2
fi
LEASEGRID_URL="http://127.0.0.1:$PORT" LEASEGRID_DEMO_CREDENTIALS="$WORK/demo.json" \
  node --test --test-reporter=spec frontend/e2e/ || { tail -50 "$WORK/server.log" >&2; exit 1; }
