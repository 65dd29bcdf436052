#!/usr/bin/env bash
# API server benchmark: creates/s (16 concurrent clients, 10k pods), write latency, list latency at
# 10k pods, watch delivery lag. One api-server replica and its clients in one JVM, on loopback.
# Usage: bench/api/run.sh [-Dpods=N] [-Dclients=N]   (SKIFF_TARGET names the build directory)
#        bench/api/run.sh store [-Drounds=N] [-Dper.round=N] [-Dclients=N]: the store alone, without
#        HTTP, memory-only against persisted (StoreWriteBench)
set -euo pipefail
cd "$(dirname "$0")/../.."
main=dev.skiff.bench.api.ApiServerBench
if [ "${1:-}" = store ]; then
  shift
  main=dev.skiff.bench.api.StoreWriteBench
fi
source bench/lib.sh
java "$@" -cp "$CP" "$main" 2>&1 | grep -v -E '^\[|INFO|WARN' || true
