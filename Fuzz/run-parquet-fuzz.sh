#!/usr/bin/env bash
# Builds the Parquet fuzz target with libFuzzer + AddressSanitizer and runs it.
#   Fuzz/run-parquet-fuzz.sh [seconds]      (default 60; CI runs a short pass, e.g. 30)
# Longer run for a release:  Fuzz/run-parquet-fuzz.sh 3600
# The corpus starts from the pyarrow fixtures and grows in .build-fuzz/corpus (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
OUT=.build-fuzz
mkdir -p "$OUT/corpus"
cp -n Tests/ParquetTests/Fixtures/*.parquet "$OUT/corpus/" 2>/dev/null || true
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name ParquetFuzz \
    -I Sources/CZstd -I Sources/CZlib \
    $(find Sources/Parquet -name '*.swift') Fuzz/ParquetFuzz/*.swift \
    -lzstd -lz -o "$OUT/parquet-fuzz"
"$OUT/parquet-fuzz" "$OUT/corpus" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=4096 \
    -timeout=10 -print_final_stats=1
