#!/usr/bin/env bash
# API server benchmark: creates/s (16 concurrent clients, 10k pods), write latency, list latency at
# 10k pods, watch delivery lag. One api-server replica and its clients in one JVM, on loopback.
# Usage: bench/api/run.sh [-Dpods=N] [-Dclients=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dspotless.skip=true -DskipTests -pl api-server -am install >/dev/null
./mvnw -B -q -Dspotless.skip=true -pl api-server test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.skiff.server.bench.ApiServerBench \
  -Dexec.cleanupDaemonThreads=false "$@" 2>&1 | grep -v -E '^\[|INFO|WARN' || true
