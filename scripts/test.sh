#!/usr/bin/env bash
# Runs Batchyard's whole test suite: installs what it needs (libzstd-dev, a venv with pyarrow and
# duckdb), builds everything, then runs every test. Extra arguments go to `swift test`
# (e.g. scripts/test.sh --filter CatalogQuery).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
export BATCHYARD_PYTHON="${BATCHYARD_PYTHON:-$PWD/.venv/bin/python}"
swift build --build-tests
swift test --skip-build "$@"
