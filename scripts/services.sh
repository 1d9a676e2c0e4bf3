#!/usr/bin/env bash
# Starts or stops the real services the tests need, on private ports and data folders under
# .tmp/: PostgreSQL 15 on 127.0.0.1:54329 and Google's Pub/Sub emulator on 127.0.0.1:8539.
# `start` prints the environment the tests read; `stop` is safe to call when nothing runs.
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
PGPORT=${LEASEGRID_TEST_PG_PORT:-54329}
PGDATA=$PWD/.tmp/pg
PUBSUB_PORT=${LEASEGRID_TEST_PUBSUB_PORT:-8539}
EMULATOR=/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator
PIDFILE=$PWD/.tmp/pubsub.pid

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  mkdir -p .tmp
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "services: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1
  fi
  if ! as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    rm -rf "$PGDATA"
    if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$PGDATA"; else mkdir -p "$PGDATA"; fi
    as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off" start >/dev/null
  fi
  if [ ! -x "$EMULATOR" ]; then
    echo "services: the Pub/Sub emulator is missing at $EMULATOR (it ships with the Google Cloud CLI image)" >&2; exit 1
  fi
  if ! { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }; then
    setsid "$EMULATOR" --host=127.0.0.1 --port="$PUBSUB_PORT" >.tmp/pubsub.log 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 60); do
      (exec 3<>/dev/tcp/127.0.0.1/$PUBSUB_PORT) 2>/dev/null && break
      sleep 0.5
    done
    (exec 3<>/dev/tcp/127.0.0.1/$PUBSUB_PORT) 2>/dev/null || { echo "services: Pub/Sub emulator did not start; see .tmp/pubsub.log" >&2; exit 1; }
  fi
  echo "export LEASEGRID_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "export LEASEGRID_TEST_PUBSUB_ENDPOINT=http://127.0.0.1:$PUBSUB_PORT"
}

stop() {
  if [ -n "$PGBIN" ] && [ -d "$PGDATA" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -f "$PIDFILE" ]; then
    kill -- -"$(cat "$PIDFILE")" 2>/dev/null || kill "$(cat "$PIDFILE")" 2>/dev/null || true
    rm -f "$PIDFILE"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
