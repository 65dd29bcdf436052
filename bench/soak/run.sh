#!/usr/bin/env bash
# Soak: a `skiff up` cluster (2 nodes, process runtime, default heap) under MINUTES of steady mixed
# load (dev.skiff.bench.soak.SoakMain: Services with 20 KB annotations, 200 KB ConfigMap updates,
# pod churn, Deployment pods replaced, DNS queries and HTTP through a ClusterIP every 200 ms, four
# fast watchers, three that never read), sampling the cluster JVM's RSS, heap after GC, GC time,
# threads and open files every 15 s, with nodes' readiness, the controllers' Lease and every failed
# request. `fill` instead fills a default 1-node cluster with 200 KB ConfigMaps until it reports
# memory pressure. Usage: bench/soak/run.sh [MINUTES|fill] (default 30). Needs busybox and jstat.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-30}
NODES=2
[ "$MODE" = fill ] && NODES=1
source bench/lib.sh
export SKIFF_HOME=$(mktemp -d)
trap './skiff down --name soak --purge >/dev/null 2>&1 || true; rm -rf "$SKIFF_HOME"' EXIT
./skiff --version >/dev/null   # builds the CLI if needed
./skiff up --name soak --nodes "$NODES"
PID=$(cut -d' ' -f1 "$SKIFF_HOME/clusters/soak/pid")
echo "cluster pid $PID: $(tr '\0' ' ' < /proc/$PID/cmdline | grep -o -- '-Xm[xs][0-9]*m' | tr '\n' ' ')"
echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.skiff.bench.soak.SoakMain "$SKIFF_HOME/clusters/soak/kubeconfig" "$PID" "$MODE"
echo "skiff.log: $(du -b "$SKIFF_HOME/clusters/soak/skiff.log" | cut -f1) bytes; rotated files: $(ls "$SKIFF_HOME/clusters/soak/" | grep -c 'skiff\.log\.' || true)"
