#!/usr/bin/env bash
# Controllers benchmark: network programming latency, from a pod's Ready status write to the
# EndpointSlice watch event listing it ready. One api-server replica with its controllers and the
# client in one JVM, on loopback; 1,000 Services x 10 pods by default.
# Usage: bench/controllers/run.sh [-Dservices=N] [-DpodsPerService=N] [-Drate=PODS_PER_SECOND]
# (SKIFF_TARGET names the build directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
java -Xmx2g "$@" -cp "$CP" dev.skiff.bench.controllers.NetworkProgrammingBench 2>&1 |
  grep -v -E '^\[|INFO|WARN' || true
