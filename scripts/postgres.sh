#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (and for trying `batchyard serve --database`):
#   scripts/postgres.sh start   # initdb into a temp dir, trust auth, 127.0.0.1:$BATCHYARD_PG_PORT (55432)
#   scripts/postgres.sh url     # prints the URL: export BATCHYARD_TEST_POSTGRES_URL=$(scripts/postgres.sh url)
#   scripts/postgres.sh stop    # stops it and deletes its files
# Nothing is kept: fsync is off and the cluster lives in $BATCHYARD_PG_DIR (/tmp/batchyard-pg-<port>).
# Installs the `postgresql` package with apt when `initdb` is missing. As root, runs as `postgres`.
set -euo pipefail
PORT="${BATCHYARD_PG_PORT:-55432}"
DIR="${BATCHYARD_PG_DIR:-/tmp/batchyard-pg-$PORT}"
DATABASE=batchyard_test

find_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    if [[ -z "$found" ]] && ! command -v initdb >/dev/null; then
        echo "postgres.sh: installing postgresql (apt)" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        found="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    fi
    BIN="${found:-$(dirname "$(command -v initdb)")}"
}

# Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root).
as_pg() {
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgres://postgres@127.0.0.1:$PORT/$DATABASE?tlsmode=disable"; }

start() {
    find_bin
    if [[ -f "$DIR/data/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        url; return
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$DIR"
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-locale -E UTF8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
    # The suite opens many small pools at once; durability does not matter for a throwaway cluster.
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start -o \
        "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB" >/dev/null \
        || { cat "$DIR/server.log" >&2; exit 1; }
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
    url
}

stop() {
    find_bin
    if [[ -d "$DIR/data" ]]; then
        as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
