#!/usr/bin/env bash
# Testkit benchmark: a testkit cluster's start in a warm JVM (with its phases); a 30-class suite
# (fabric8 creates a ConfigMap, a Deployment and a Service and reads them back in each class) on a
# testkit cluster per class, on the testkit's shared cluster, and on fabric8's mock server; an
# operator-style CRUD + watch round trip on the testkit and on the mock server.
# The mock server (fabric8 7.5.2, on Vert.x 4) runs in a JVM of its own (module bench/mock).
# Usage: bench/testkit/run.sh [-Dstarts=N] [-Druns=N]   (SKIFF_TARGET names the build directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
MOCK_CP="$PWD/bench/mock/$TARGET/classes:$(cat "bench/mock/$TARGET/classpath.txt")"
filter() { grep -E '^(cluster start|suite|operator round trip|  FAILED)' || true; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores"
echo "# mock server side (its own JVM); load average $(load)"
java -Xmx512m -XX:+UseSerialGC "$@" -cp "$MOCK_CP" dev.skiff.bench.mock.MockBench 2>&1 | filter
echo "# testkit side; load average $(load)"
java -Xmx768m -XX:+UseSerialGC "$@" -cp "$CP" dev.skiff.bench.testkit.TestkitBench 2>&1 | filter
echo "# load average after: $(load)"
