#!/usr/bin/env bash
# Runs the Batchyard server on its embedded default (SQLite + local files under ./batchyard-data),
# after installing the system packages it needs. Extra arguments go to `batchyard serve`
# (e.g. scripts/serve.sh --port 9090 --data-dir /var/lib/batchyard).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build -c release --product batchyard
exec .build/release/batchyard serve "$@"
