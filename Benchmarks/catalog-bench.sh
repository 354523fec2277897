#!/usr/bin/env bash
# Catalog throughput and latency on this machine (issue 2's figures), all on loopback:
#   1. create-batch requests/s (POST /data/foundation/import/batches) under concurrent load (wrk)
#   2. lookup requests/s (GET /data/foundation/catalog/batches/{id})
#   3. filtered-list latency (p50/p99) with 1 000 000 batches in one org
# Usage: Benchmarks/catalog-bench.sh [batches=1000000] [seconds=15] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
BATCHES=${1:-1000000}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
scripts/bootstrap.sh
swift build -c release --product batchyard >/dev/null
swift build -c release --product CatalogBenchmark >/dev/null
BIN=.build/release
WORK=$(mktemp -d)
ORG="BENCH0000000000000000000@AdobeOrg"
PORT=18181
H=(-H "Authorization: Bearer bench" -H "x-api-key: bench" -H "x-gw-ims-org-id: $ORG" -H "x-sandbox-name: prod")
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_server() {
  "$BIN/batchyard" serve --port $PORT --data-dir "$1" --log-level warning &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }

cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer bench"
wrk.headers["x-api-key"] = "bench"
wrk.headers["x-gw-ims-org-id"] = "$ORG"
wrk.headers["x-sandbox-name"] = "prod"
wrk.headers["Content-Type"] = "application/json"
LUA
cat > "$WORK/get.lua" <<LUA
wrk.headers["Authorization"] = "Bearer bench"
wrk.headers["x-api-key"] = "bench"
wrk.headers["x-gw-ims-org-id"] = "$ORG"
wrk.headers["x-sandbox-name"] = "prod"
LUA

echo "== machine: $(nproc) cores, $(uname -r); wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s on loopback"
start_server "$WORK/load"
DATASET=$(curl -s "${H[@]}" -X POST "http://127.0.0.1:$PORT/data/foundation/catalog/dataSets" \
  -H "Content-Type: application/json" -d '{"name":"bench"}' | sed 's/.*dataSets\/\([0-9a-f]*\).*/\1/')
echo "wrk.body = '{\"datasetId\": \"$DATASET\", \"inputFormat\": {\"format\": \"json\"}}'" >> "$WORK/post.lua"
echo "-- create-batch (POST /data/foundation/import/batches)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/post.lua" \
  "http://127.0.0.1:$PORT/data/foundation/import/batches" | grep -E "Requests/sec|50%|99%|Non-2xx"
BATCH=$(curl -s "${H[@]}" "http://127.0.0.1:$PORT/data/foundation/catalog/batches?limit=1" | sed 's/^{"\([0-9A-Z]*\)".*/\1/')
echo "-- lookup (GET /data/foundation/catalog/batches/{id})"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/get.lua" \
  "http://127.0.0.1:$PORT/data/foundation/catalog/batches/$BATCH" | grep -E "Requests/sec|50%|99%|Non-2xx"
stop_server

echo "-- seeding $BATCHES batches in one org"
SEED_START=$(date +%s)
"$BIN/CatalogBenchmark" seed --data-dir "$WORK/big" --batches "$BATCHES" --org "$ORG" > "$WORK/seed.out"
SEED=$(cat "$WORK/seed.out")
echo "$SEED"
echo "seeded in $(( $(date +%s) - SEED_START ))s"
BIG_DATASET=$(echo "$SEED" | sed -n 's/^dataset=//p')
start_server "$WORK/big"
for query in "status=failed" "dataSet=$BIG_DATASET" "dataSet=$BIG_DATASET&status=success&orderBy=desc:created" \
             "tags=team:team-3&status=loading" "createdAfter=$(( $(date +%s) * 1000 - 50000 ))" \
             "status=aborted&properties=status,created" "orderBy=desc:created"; do
  echo "-- filtered list at $BATCHES batches: GET /batches?$query (1 connection)"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/get.lua" \
    "http://127.0.0.1:$PORT/data/foundation/catalog/batches?$query" | grep -E "Requests/sec|50%|99%|Non-2xx"
done
echo "-- filtered list under concurrent load: GET /batches?status=failed"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/get.lua" \
  "http://127.0.0.1:$PORT/data/foundation/catalog/batches?status=failed" | grep -E "Requests/sec|50%|99%|Non-2xx"
stop_server
