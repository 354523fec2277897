#!/usr/bin/env bash
# Issue 6's figures, all in one run on loopback: create-batch requests/s and ingest MB/s for
#   1. the embedded default (SQLite + local files), one node
#   2. PostgreSQL + the S3 emulator (moto), one node
#   3. PostgreSQL + the S3 emulator, two nodes sharing the database and the bucket
# Create-batch load is wrk on every node at once (the figure is the sum); ingest is BATCHES batches
# of one JSON Lines file each, uploaded round-robin across the nodes, all completed at once, timed
# from the first COMPLETE until the last batch is `success`.
# Usage: Benchmarks/scale-bench.sh [seconds=10] [batches=8] [megabytes-per-batch=16]
set -euo pipefail
shopt -s inherit_errexit  # a failed curl inside $(…) stops the run instead of timing nothing
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
BATCHES=${2:-8}
MEGABYTES=${3:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
scripts/bootstrap.sh --test >/dev/null
swift build -c release --product batchyard >/dev/null
BIN=.build/release/batchyard
WORK=$(mktemp -d)
ORG="SCALE000000000000000000@AdobeOrg"
H=(-H "Authorization: Bearer bench" -H "x-api-key: bench" -H "x-gw-ims-org-id: $ORG" -H "x-sandbox-name: prod")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  scripts/postgres.sh stop >/dev/null 2>&1 || true
  scripts/s3-emulator.sh stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PG_URL=$(scripts/postgres.sh start)
scripts/s3-emulator.sh start >/dev/null
S3_BASE=$(scripts/s3-emulator.sh url)   # s3://bucket?endpoint=…&region=…
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-bench} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-bench}

# One JSON Lines file of about MEGABYTES MB: nested records like an XDM ExperienceEvent.
"$PWD/.venv/bin/python" - "$WORK/batch.json" "$MEGABYTES" <<'PY'
import json, sys, random
path, megabytes = sys.argv[1], int(sys.argv[2])
random.seed(7)
with open(path, "w") as out:
    written, n = 0, 0
    while written < megabytes * 1_000_000:
        record = {"_id": f"evt-{n}", "timestamp": 1700000000000 + n, "eventType": random.choice(["web.view", "commerce.order"]),
                  "web": {"page": {"name": f"page-{n % 500}", "url": f"https://example.com/p/{n % 500}", "views": n % 7}},
                  "commerce": {"order": {"total": round(random.random() * 500, 2), "currency": "EUR", "items": n % 9}},
                  "identity": {"ecid": f"{n:032x}", "email": f"user{n % 10000}@example.com"}}
        line = json.dumps(record) + "\n"
        out.write(line); written += len(line); n += 1
PY
FILE_BYTES=$(stat -c %s "$WORK/batch.json")

# CPU seconds (user + system) used so far by the processes `pgrep ARGS…` finds.
cpu_seconds() {
  local total=0 pid ticks
  for pid in $(pgrep "$@" || true); do
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$(( total + ticks ))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'
}
cpu_snapshot() { echo "$(cpu_seconds -f 'batchyard serve') $(cpu_seconds -u postgres) $(cpu_seconds -f moto)"; }
cpu_report() {  # label, snapshot before, snapshot after
  local label=$1; read -r n0 p0 m0 <<<"$2"; read -r n1 p1 m1 <<<"$3"
  awk -v l="$label" -v n="$n0" -v N="$n1" -v p="$p0" -v P="$p1" -v m="$m0" -v M="$m1" \
    'BEGIN {printf "   cpu s in %-13s nodes %5.1f  postgres %5.1f  s3 emulator %5.1f\n", l, N - n, P - p, M - m}'
}

run_setup() {  # label, ports…
  local label=$1; shift
  local before middle after creates ingest
  before=$(cpu_snapshot)
  creates=$(create_batches_per_second "$@")
  middle=$(cpu_snapshot)
  ingest=$(ingest_megabytes_per_second "$@")
  after=$(cpu_snapshot)
  printf "%-38s %16s %26s\n" "$label" "$creates" "$ingest"
  cpu_report "create-batch:" "$before" "$middle"
  cpu_report "ingest:" "$middle" "$after"
}

start_node() {  # port, data dir, extra serve arguments…
  local port=$1 dir=$2; shift 2
  "$BIN" serve --port "$port" --data-dir "$dir" --log-level warning --workers 2 "$@" &
  PIDS+=($!)
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && return; sleep 0.1; done
  echo "node on $port did not start" >&2; exit 1
}
stop_nodes() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }

create_batches_per_second() {  # ports…
  local dataset
  dataset=$(curl -s "${H[@]}" -X POST "http://127.0.0.1:$1/data/foundation/catalog/dataSets" \
    -H "Content-Type: application/json" -d '{"name":"scale-bench"}' | sed 's/.*dataSets\/\([0-9a-f]*\).*/\1/')
  sed "s/DATASET/$dataset/" > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer bench"
wrk.headers["x-api-key"] = "bench"
wrk.headers["x-gw-ims-org-id"] = "$ORG"
wrk.headers["x-sandbox-name"] = "prod"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"datasetId": "DATASET", "inputFormat": {"format": "json"}}'
LUA
  local connections=$(( 32 / $# )) port
  for port in "$@"; do
    wrk -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" -s "$WORK/post.lua" \
      "http://127.0.0.1:$port/data/foundation/import/batches" > "$WORK/wrk-$port.out" &
  done
  wait  # (a command substitution's subshell: its only children are these wrk runs)
  for port in "$@"; do
    grep -q "Non-2xx" "$WORK/wrk-$port.out" && { echo "non-2xx answers on $port:" >&2; cat "$WORK/wrk-$port.out" >&2; }
  done
  cat "$WORK"/wrk-*.out | awk '/Requests\/sec/ {sum += $2} END {printf "%.0f", sum}'
  rm -f "$WORK"/wrk-*.out
}

ingest_megabytes_per_second() {  # ports…
  local ports=("$@") dataset ids=() i port id
  dataset=$(curl -s "${H[@]}" -X POST "http://127.0.0.1:${ports[0]}/data/foundation/catalog/dataSets" \
    -H "Content-Type: application/json" -d '{"name":"scale-ingest"}' | sed 's/.*dataSets\/\([0-9a-f]*\).*/\1/')
  for i in $(seq 0 $(( BATCHES - 1 ))); do
    port=${ports[$(( i % ${#ports[@]} ))]}
    id=$(curl -s "${H[@]}" -X POST "http://127.0.0.1:$port/data/foundation/import/batches" -H "Content-Type: application/json" \
      -d "{\"datasetId\": \"$dataset\", \"inputFormat\": {\"format\": \"json\"}}" \
      | grep -o '"id":"[0-9A-Z]*"' | head -1 | cut -d'"' -f4)
    curl -sf "${H[@]}" -X PUT -H "Content-Type: application/octet-stream" --data-binary "@$WORK/batch.json" \
      "http://127.0.0.1:$port/data/foundation/import/batches/$id/datasets/$dataset/files/part.json" >/dev/null
    ids+=("$id")
  done
  local start end status pending
  start=$(date +%s.%N)
  for i in "${!ids[@]}"; do  # COMPLETE through the other node than the upload's, when there are two
    port=${ports[$(( (i + 1) % ${#ports[@]} ))]}
    curl -sf "${H[@]}" -X POST "http://127.0.0.1:$port/data/foundation/import/batches/${ids[$i]}?action=COMPLETE" >/dev/null
  done
  local deadline=$(( $(date +%s) + 900 ))
  while :; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "batches still not done after 15 minutes" >&2; exit 1; }
    pending=0
    for id in "${ids[@]}"; do
      status=$(curl -s "${H[@]}" "http://127.0.0.1:${ports[0]}/data/foundation/catalog/batches/$id" | grep -o '"status":"[a-z]*"' | head -1)
      case "$status" in
        *success*) ;;
        *failed*|*aborted*) echo "batch $id ended $status" >&2; exit 1 ;;
        *) pending=1 ;;
      esac
    done
    [ "$pending" = 0 ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  awk -v bytes=$(( FILE_BYTES * BATCHES )) -v s="$start" -v e="$end" 'BEGIN {printf "%.1f MB/s (%.1f s)", bytes / 1e6 / (e - s), e - s}'
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); release build; create-batch: wrk ${SECONDS_PER_RUN}s, 32 connections in all"
echo "== ingest: $BATCHES batches × $(( FILE_BYTES / 1000000 )) MB JSON Lines, 2 workers a node"
printf "%-38s %16s %26s\n" "setup" "create-batch/s" "ingest"

start_node 18301 "$WORK/embedded"
run_setup "embedded (SQLite + local files), 1 node" 18301
stop_nodes

SCHEMA="scale_one_$$"
start_node 18311 "$WORK/pg1" --database "$PG_URL" --database-schema "$SCHEMA" --storage "${S3_BASE/\?//one?}"
run_setup "PostgreSQL + S3 emulator, 1 node" 18311
stop_nodes

SCHEMA="scale_two_$$"
start_node 18321 "$WORK/pg2a" --database "$PG_URL" --database-schema "$SCHEMA" --storage "${S3_BASE/\?//two?}"
start_node 18322 "$WORK/pg2b" --database "$PG_URL" --database-schema "$SCHEMA" --storage "${S3_BASE/\?//two?}"
run_setup "PostgreSQL + S3 emulator, 2 nodes" 18321 18322
stop_nodes
