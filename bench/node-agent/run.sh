#!/usr/bin/env bash
# Pod startup latency benchmark of the node agent (created -> Running and Ready, no probes).
# Usage: bench/node-agent/run.sh [process|docker] [pods]     (defaults: process 100)
# The Docker runtime needs a running engine (nohup dockerd >/var/log/dockerd.log 2>&1 &); the
# benchmark builds the local busybox/pause images if missing. Prints p50/p99/max per round and
# where the agent spent the time (per-stage breakdown). SKIFF_TARGET names the build directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${SKIFF_TARGET:-target-bench}
# One reactor build: the sibling modules come from their build directories, nothing is installed.
./mvnw -B -q -Dskiff.target=$target -Dspotless.skip=true -pl node-agent -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$target/classpath.txt
cp="node-agent/$target/test-classes:node-agent/$target/classes:$(cat node-agent/$target/classpath.txt)"
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.skiff.agent.bench.PodStartupBench "${1:-process}" "${2:-100}"
