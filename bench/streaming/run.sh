#!/usr/bin/env bash
# Streaming benchmark: `kubectl exec POD -- true` round trip and the same exec from a WebSocket
# client (median, p99), on the process runtime and, with `docker`, on the Docker runtime against
# `docker exec CONTAINER true`; `kubectl port-forward` throughput as a share of a direct TCP
# connection to the same pod server (process runtime, MIB MiB read to the end of the stream).
# Usage: bench/streaming/run.sh [docker]     env: EXECS (default 50), MIB (default 256)
# Starts its own clusters (skiff up) in a scratch SKIFF_HOME and stops them on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
bench_workdir streaming
MIB=${MIB:-256}
export MIB EXECS=${EXECS:-50}
export SKIFF_HOME=$WORK/home
stop_clusters() {
  ./skiff down --name bstream --purge >/dev/null 2>&1 || true
  ./skiff down --name bstreamd --purge >/dev/null 2>&1 || true
  bench_cleanup
}
trap stop_clusters EXIT
./skiff --version >/dev/null   # builds the CLI if needed, outside the timings

./skiff up --name bstream >/dev/null
K=$SKIFF_HOME/clusters/bstream/kubeconfig
source bench/streaming/server-pod.sh
server_pod "$K" "$MIB"
ARGS=("$K" server "$POD_IP")

if [ "${1:-}" = docker ]; then
  bash deploy/images/build.sh >/dev/null
  ./skiff up --name bstreamd --runtime docker >/dev/null
  KD=$SKIFF_HOME/clusters/bstreamd/kubeconfig
  kubectl --kubeconfig "$KD" run sleeper --image=skiff/busybox:1 --command -- sleep 36000 >/dev/null
  kubectl --kubeconfig "$KD" wait --for=condition=Ready pod/sleeper --timeout=60s >/dev/null
  CID=$(kubectl --kubeconfig "$KD" get pod sleeper -o jsonpath='{.status.containerStatuses[0].containerID}')
  ARGS+=("$KD" sleeper "${CID#docker://}")
fi

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), command: bench/streaming/run.sh ${1:-}"
java ${BENCH_JAVA_OPTS:-} -Xmx512m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" dev.skiff.bench.streaming.StreamingBench "${ARGS[@]}"
