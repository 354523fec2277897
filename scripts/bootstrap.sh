#!/usr/bin/env bash
# Installs the system packages Batchyard needs to build and test on a fresh Debian 12 machine.
# Idempotent: it only installs what is missing. Usage: scripts/bootstrap.sh [--test]
#   (no flag)  what building and serving needs: libzstd-dev (the Parquet codec links libzstd)
#   --test     also what the test suite needs: a Python venv (.venv) with pyarrow and duckdb,
#              moto[server] (the S3 emulator scripts/s3-emulator.sh runs), and
#              openapi-spec-validator + schemathesis for scripts/api-conformance.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
dpkg -s libzstd-dev >/dev/null 2>&1 || need_apt+=(libzstd-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need_apt+=(zlib1g-dev)
if [ "${1:-}" = "--test" ]; then
  dpkg -s python3-venv >/dev/null 2>&1 || command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1 || need_apt+=(python3-venv)
fi
# The web console's tests render its pages in headless Chromium; the CLI's progress bar is checked in tmux.
if [ "${1:-}" = "--test" ]; then command -v chromium >/dev/null 2>&1 || need_apt+=(chromium); fi
if [ "${1:-}" = "--test" ]; then command -v tmux >/dev/null 2>&1 || need_apt+=(tmux); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need_apt[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import pyarrow, duckdb' 2>/dev/null; then
    echo "bootstrap: creating .venv with pyarrow and duckdb" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check pyarrow duckdb
  fi
  if ! .venv/bin/python -c 'import moto.server' 2>/dev/null; then
    echo "bootstrap: installing moto[server] (the S3 emulator) into .venv" >&2
    .venv/bin/pip install -q --disable-pip-version-check 'moto[server]'
  fi
fi
if [ "${1:-}" = "--test" ]; then
  if ! .venv/bin/python -c 'import openapi_spec_validator, schemathesis' 2>/dev/null; then
    echo "bootstrap: adding openapi-spec-validator and schemathesis to .venv" >&2
    .venv/bin/pip install -q --disable-pip-version-check openapi-spec-validator schemathesis
  fi
fi
