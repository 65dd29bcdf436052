#!/usr/bin/env bash
# Pod startup latency benchmark of the node agent (created -> Running and Ready, no probes).
# Usage: bench/node-agent/run.sh [process|docker] [pods]     (defaults: process 100)
# The Docker runtime needs a running engine (nohup dockerd >/var/log/dockerd.log 2>&1 &); the
# benchmark builds the local busybox/pause images if missing. Prints p50/p99/max per round and
# where the agent spent the time (per-stage breakdown). SKIFF_TARGET names the build directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.skiff.bench.nodeagent.PodStartupBench "$@"
