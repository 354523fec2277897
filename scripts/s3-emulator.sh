#!/usr/bin/env bash
# Runs moto's S3 emulator on the loopback interface for the S3 tests (scripts/bootstrap.sh --test
# installs it into .venv). Usage: scripts/s3-emulator.sh start|stop|url
#   start  starts it in the background (if not running), waits until it answers, creates the bucket
#   stop   stops the emulator this script started
#   url    prints the BATCHYARD_TEST_S3_URL value for it
# Settings: BATCHYARD_S3_EMULATOR_PORT (default 59000), BATCHYARD_S3_EMULATOR_BUCKET (batchyard-test).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BATCHYARD_S3_EMULATOR_PORT:-59000}"
bucket="${BATCHYARD_S3_EMULATOR_BUCKET:-batchyard-test}"
python="${BATCHYARD_PYTHON:-$PWD/.venv/bin/python}"
state="${TMPDIR:-/tmp}/batchyard-s3-emulator-$port"
endpoint="http://127.0.0.1:$port"

answers() { curl -s -o /dev/null --max-time 2 "$endpoint/" 2>/dev/null; }

case "${1:-}" in
  start)
    if ! answers; then
      if ! "$python" -c 'import moto.server' 2>/dev/null; then
        echo "s3-emulator: moto is missing; run scripts/bootstrap.sh --test" >&2
        exit 1
      fi
      mkdir -p "$state"
      nohup "$python" -m moto.server -H 127.0.0.1 -p "$port" >"$state/log" 2>&1 &
      echo $! >"$state/pid"
      for _ in $(seq 1 100); do
        answers && break
        sleep 0.2
      done
      answers || { echo "s3-emulator: no answer on $endpoint; see $state/log" >&2; exit 1; }
    fi
    # moto checks no signatures by default, so a plain PUT creates the bucket (idempotent).
    curl -s -o /dev/null -X PUT "$endpoint/$bucket"
    echo "s3-emulator: running on $endpoint, bucket $bucket" >&2
    ;;
  stop)
    if [ -f "$state/pid" ]; then
      kill "$(cat "$state/pid")" 2>/dev/null || true
      rm -f "$state/pid"
    fi
    ;;
  url)
    echo "s3://$bucket?endpoint=$endpoint&region=us-east-1"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
