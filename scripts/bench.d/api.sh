#!/usr/bin/env bash
# API throughput and latency with `wrk` against a separately started `leasegrid serve` on
# loopback (release build, workers off): GET /documents with 10,000 documents in the org,
# GET /documents/{id}/extraction, and uploads of distinct 1 MB PDFs. Then many schemathesis
# examples per operation against a release server.
#   BENCH_API_PROFILE=debug   measures the debug build instead (for the debug→release figure)
#   BENCH_API_SECONDS=10      seconds per read measurement (uploads run half as long)
#   BENCH_API_CONNECTIONS=16  concurrent connections
set -euo pipefail
cd "$(dirname "$0")/../.."

PROFILE=${BENCH_API_PROFILE:-release}
SECONDS_PER_RUN=${BENCH_API_SECONDS:-10}
CONNECTIONS=${BENCH_API_CONNECTIONS:-16}
TARGET=${CARGO_TARGET_DIR:-target}

need_wrk() {
  command -v wrk >/dev/null && return
  echo "bench api: installing wrk" >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
}
need_wrk

if [ "$PROFILE" = release ]; then
  cargo build --release --locked -p api --bin bench-api --bin leasegrid >&2
else
  cargo build --locked -p api --bin bench-api --bin leasegrid >&2
fi
BIN=$TARGET/$PROFILE

WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

read -r KEY DOC < <("$BIN/bench-api" "$WORK/data" 10000)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LEASEGRID_LOG_FORMAT=json "$BIN/leasegrid" serve --data-dir "$WORK/data" --bind "127.0.0.1:$PORT" \
  --workers 0 2>"$WORK/server.log" &
SERVER=$!
BASE=http://127.0.0.1:$PORT/api/v1
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
# Both reads must answer 200 before they are timed.
curl -fs -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/documents?limit=50"
curl -fs -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/documents/$DOC/extraction"

# A distinct 1 MB PDF per request, so no upload is deduplicated into a 200.
cat >"$WORK/upload.lua" <<'LUA'
-- `tid` is a global that setup() sets in each thread's own Lua state.
local threads, counter = 0, 0
local boundary = "leasegridbench"
local pad = string.rep(" ", 1024 * 1024)
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function request()
  counter = counter + 1
  local pdf = "%PDF-1.4\n% upload " .. tostring(tid) .. "-" .. counter .. "\n"
  local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n" ..
    "Content-Type: application/pdf\r\n\r\n" .. pdf .. pad:sub(#pdf + 1) .. "\r\n--" .. boundary .. "--\r\n"
  -- wrk.format uses these headers instead of wrk.headers (which carry -H), so copy them.
  local headers = {["Content-Type"] = "multipart/form-data; boundary=" .. boundary}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  return wrk.format("POST", nil, headers, body)
end
LUA

# Prints "req/s p50 p99 errors" from wrk's --latency output, latencies in ms.
summarize() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

run_wrk() { # name seconds wrk-args...
  local name=$1 secs=$2; shift 2
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${secs}s" --latency -H "Authorization: Bearer $KEY" "$@")
  [ -n "${BENCH_API_VERBOSE:-}" ] && echo "$out" >&2
  read -r rps p50 p99 errors < <(echo "$out" | summarize)
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors"
}

echo "| request ($PROFILE, $CONNECTIONS connections, wrk) | req/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|"
run_wrk "GET /documents (10,000 in org, page of 50)" "$SECONDS_PER_RUN" "$BASE/documents?limit=50"
run_wrk "GET /documents/{id}/extraction (40 fields)" "$SECONDS_PER_RUN" "$BASE/documents/$DOC/extraction"
run_wrk "POST /documents (1 MB PDF, worker off)" $((SECONDS_PER_RUN / 2 > 0 ? SECONDS_PER_RUN / 2 : 1)) \
  -s "$WORK/upload.lua" "$BASE/documents"

if [ "$PROFILE" = release ] && [ -z "${BENCH_API_SKIP_SCHEMATHESIS:-}" ]; then
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  scripts/schemathesis.sh "$BIN/leasegrid" "${SCHEMATHESIS_EXAMPLES:-100}" >&2
fi
