#!/usr/bin/env bash
# Operator start benchmark: a testkit cluster's start to the WebPage operator's CRD Established
# and its first reconcile (java-operator-sdk 5.2.3, fabric8 7.5.2), in one JVM, N clusters in a row.
# Usage: bench/operator/run.sh [-Druns=N]   (SKIFF_TARGET names the build directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
java -Xmx768m -XX:+UseSerialGC "$@" -cp "$CP" dev.skiff.bench.operator.OperatorStartBench 2>&1 |
  grep -v -E '^\[|INFO|WARN|^\s+at |^[0-9]+ \[' || true
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
