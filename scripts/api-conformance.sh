#!/usr/bin/env bash
# Checks that Batchyard's /openapi.json is a valid OpenAPI 3.1 document and that a live server
# answers schemathesis-generated requests (valid and invalid) without a server error (5xx).
# Builds nothing: it runs the debug binary `scripts/test.sh` built (.build/debug/batchyard) and the
# tools `scripts/bootstrap.sh --test` put in .venv. Exits non-zero on any failure.
# Environment: BATCHYARD_CONFORMANCE_EXAMPLES (examples per operation, default 30),
#              BATCHYARD_CONFORMANCE_SEED (default 1; "random" for a new one each run),
#              BATCHYARD_CONFORMANCE_CHECKS (default not_a_server_error).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.build/debug/batchyard
VENV="$PWD/.venv/bin"
[ -x "$BIN" ] || { echo "api-conformance: $BIN is missing; run 'swift build' first" >&2; exit 2; }
[ -x "$VENV/st" ] && [ -x "$VENV/openapi-spec-validator" ] || {
  echo "api-conformance: schemathesis/openapi-spec-validator missing; run 'scripts/bootstrap.sh --test'" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/batchyard-conformance.XXXXXX")
LOG="$WORK/server.log"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" serve --host 127.0.0.1 --port 0 --data-dir "$WORK/data" --workers 1 --log-level info >"$LOG" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$LOG" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "api-conformance: the server exited:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "api-conformance: the server did not start:" >&2; cat "$LOG" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
echo "api-conformance: server on $BASE"

curl -fsS "$BASE/openapi.json" -o "$WORK/openapi.json"
"$VENV/openapi-spec-validator" "$WORK/openapi.json"

# Seed real objects so that half the generated ids name something that exists and the requests
# reach the handlers' logic instead of stopping at 404: a dataset, a batch ingested to success
# (with its dataset file), and a loading batch holding one uploaded file.
H=(-H "Authorization: Bearer conformance-token" -H "x-api-key: conformance-client"
   -H "x-gw-ims-org-id: C0FFEE00C0FFEE00C0FFEE00@AdobeOrg" -H "x-sandbox-name: prod")
json_field() { "$VENV/python" -c 'import json, sys; v = json.load(sys.stdin); print(v[0].split("/")[-1] if isinstance(v, list) else v[sys.argv[1]])' "$1"; }
DATASET=$(curl -fsS "${H[@]}" -X POST "$BASE/data/foundation/catalog/dataSets" -H "Content-Type: application/json" \
  -d '{"name": "conformance"}' | json_field id)
new_batch() {
  local batch
  batch=$(curl -fsS "${H[@]}" -X POST "$BASE/data/foundation/import/batches" -H "Content-Type: application/json" \
    -d "{\"datasetId\": \"$DATASET\", \"inputFormat\": {\"format\": \"json\"}}" | json_field id)
  printf '{"id": "a", "n": 1}\n{"id": "b", "n": 2}\n' | curl -fsS "${H[@]}" -X PUT --data-binary @- \
    -H "Content-Type: application/octet-stream" \
    "$BASE/data/foundation/import/batches/$batch/datasets/$DATASET/files/rows.json" >/dev/null
  echo "$batch"
}
DONE_BATCH=$(new_batch)
LOADING_BATCH=$(new_batch)
curl -fsS "${H[@]}" -X POST "$BASE/data/foundation/import/batches/$DONE_BATCH?action=COMPLETE" >/dev/null
for _ in $(seq 1 300); do
  curl -fsS "${H[@]}" "$BASE/data/foundation/catalog/batches/$DONE_BATCH" | grep -q '"status":"success"' && break
  sleep 0.1
done
echo "api-conformance: seeded dataset $DATASET, batches $DONE_BATCH (success) and $LOADING_BATCH (loading)"
cat >"$WORK/schemathesis.toml" <<TOML
[dictionaries.datasets]
values = ["$DATASET"]
[dictionaries.batches]
values = ["$DONE_BATCH", "$LOADING_BATCH"]
[dictionaries.objects]
values = ["$DATASET", "$DONE_BATCH", "$LOADING_BATCH", "$DONE_BATCH-1"]
[dictionaries.files]
values = ["$DONE_BATCH-1"]
[dictionaries.filepaths]
values = ["rows.json", "part-00001.parquet"]

[parameters]
"path.id" = { dictionary = "objects", probability = 0.5 }
"path.batchId" = { dictionary = "batches", probability = 0.5 }
"path.datasetId" = { dictionary = "datasets", probability = 0.5 }
"path.fileId" = { dictionary = "files", probability = 0.5 }
"path.filePath" = { dictionary = "filepaths", probability = 0.5 }
"query.path" = { dictionary = "filepaths", probability = 0.5 }
"body.datasetId" = { dictionary = "datasets", probability = 0.5 }
TOML

SEED_ARGS=()
SEED="${BATCHYARD_CONFORMANCE_SEED:-1}"
[ "$SEED" = "random" ] || SEED_ARGS=(--seed "$SEED")
status=0
(cd "$WORK" && "$VENV/st" --no-color --config-file "$WORK/schemathesis.toml" run "$WORK/openapi.json" --url "$BASE" \
  "${H[@]}" --checks "${BATCHYARD_CONFORMANCE_CHECKS:-not_a_server_error}" \
  --phases examples,coverage,fuzzing --max-examples "${BATCHYARD_CONFORMANCE_EXAMPLES:-30}" \
  "${SEED_ARGS[@]}" --workers 1 --request-timeout 30 --suppress-health-check all \
  --generation-database none) || status=$?

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "api-conformance: the server died during the run:" >&2; tail -n 50 "$LOG" >&2; exit 1
fi
if grep -q "unhandled error" "$LOG"; then
  echo "api-conformance: the server logged unhandled errors:" >&2; grep "unhandled error" "$LOG" | head -n 20 >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "api-conformance: FAILED (schemathesis exit $status)" >&2
  exit "$status"
fi
echo "api-conformance: OK"
