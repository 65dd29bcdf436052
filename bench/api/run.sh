#!/usr/bin/env bash
# API server benchmark: creates/s (16 concurrent clients, 10k pods), write latency, list latency at
# 10k pods, watch delivery lag. One api-server replica and its clients in one JVM, on loopback.
# Usage: bench/api/run.sh [-Dpods=N] [-Dclients=N]   (SKIFF_TARGET names the build directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
java "$@" -cp "$CP" dev.skiff.bench.api.ApiServerBench 2>&1 | grep -v -E '^\[|INFO|WARN' || true
