#!/usr/bin/env bash
# Cluster start benchmark: `skiff up` -> every node Ready and cluster DNS answering (skiff up
# returns only then), whole process, 5 runs each for 1 and 3 nodes (median), and the idle RSS of
# the embedded cluster JVM 10 s after start. Usage: bench/cli/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
export SKIFF_HOME=$(mktemp -d)
trap './skiff down --name bench >/dev/null 2>&1 || true; rm -rf "$SKIFF_HOME"' EXIT
./skiff --version >/dev/null   # builds the CLI if needed, outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for nodes in 1 3; do
  times=()
  for i in $(seq 1 "$RUNS"); do
    start=$(date +%s%N)
    ./skiff up --name bench --nodes "$nodes" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    if [ "$i" = 1 ]; then
      sleep 10
      pid=$(cut -d" " -f1 "$SKIFF_HOME/clusters/bench/pid")  # the pid file: PID START_MILLIS COMMAND
      rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
      echo "nodes=$nodes idle RSS ${rss} MiB (10 s after start)"
    fi
    ./skiff down --name bench --purge >/dev/null
  done
  printf 'nodes=%s skiff up (ms): %s; median %s ms\n' "$nodes" "${times[*]}" "$(printf '%s\n' "${times[@]}" | median)"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
