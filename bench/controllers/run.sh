#!/usr/bin/env bash
# Controllers benchmark: network programming latency, from a pod's Ready status write to the
# EndpointSlice watch event listing it ready. One api-server replica with its controllers and the
# client in one JVM, on loopback; 1,000 Services x 10 pods by default.
# Usage: bench/controllers/run.sh [-Dservices=N] [-DpodsPerService=N] [-Drate=PODS_PER_SECOND]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dspotless.skip=true -DskipTests -pl api-server -am install >/dev/null
MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx2g" ./mvnw -B -q -Dspotless.skip=true -pl api-server test-compile exec:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.skiff.server.controller.bench.NetworkProgrammingBench \
  -Dexec.cleanupDaemonThreads=false "$@" 2>&1 | grep -v -E '^\[|INFO|WARN' || true
