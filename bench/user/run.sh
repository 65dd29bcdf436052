#!/usr/bin/env bash
# The headline figures of issue 19, where a user waits, in one table with their anchors and the
# machine's load:
#   skiff up (1 node, 3 nodes)  `./skiff up` from the shell until it returns (every node Ready, the
#                               cluster DNS answering; `kubectl get nodes` is then checked), then
#                               `./skiff down --purge`; median of RUNS, process runtime
#   idle RSS (1 node)           VmRSS of the cluster JVM IDLE_SECONDS after its start, `--heap` default
#   testkit per-class start     hook: bench/user/testkit.sh         (another helper fills it)
#   apply to serving            hook: bench/user/apply-to-serving.sh
#   Docker burst                hook: bench/user/docker-burst.sh
# A hook is run when it exists and prints its figure as the last line of its output. The per-phase
# trace of the last 1-node start (`skiff up`'s own ✓ lines) follows the table.
#
# Usage: bench/user/run.sh [RUNS]     (RUNS default 5; WRITE=1 also writes the table into
#        docs/benchmarks.md, section "Headline figures (bench/user/run.sh)")
# CI-sized smoke run (the test suite's HeadlineBenchSmokeE2E): SMOKE=1 bench/user/run.sh 1
#   (1 node only, RSS right after the start, hooks skipped, nothing written).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
SMOKE=${SMOKE:-}
IDLE_SECONDS=${IDLE_SECONDS:-10}
UP_TIMEOUT=${UP_TIMEOUT:-60} # seconds; the smoke run in CI allows a loaded machine more
NODE_COUNTS=${NODE_COUNTS:-1 3}
if [ -n "$SMOKE" ]; then
  NODE_COUNTS=1
  IDLE_SECONDS=0
  UP_TIMEOUT=${SMOKE_UP_TIMEOUT:-240}
fi
export SKIFF_HOME
SKIFF_HOME=$(mktemp -d /tmp/skiff-bench-user.XXXXXX)
CLUSTER=bench-user
trap './skiff down --name $CLUSTER --purge >/dev/null 2>&1 || true; rm -rf "$SKIFF_HOME"' EXIT
./skiff --version >/dev/null # builds the CLI if needed, outside the timings

load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
LOAD_START=$(load)

declare -A UP_MEDIAN UP_RUNS
RSS=""
TRACE=""
for nodes in $NODE_COUNTS; do
  times=()
  for i in $(seq 1 "$RUNS"); do
    start=$(date +%s%N)
    out=$(./skiff up --name "$CLUSTER" --nodes "$nodes" --timeout "$UP_TIMEOUT")
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
    kubeconfig="$SKIFF_HOME/clusters/$CLUSTER/kubeconfig"
    ready=$(kubectl --kubeconfig "$kubeconfig" get nodes --no-headers | grep -c " Ready ")
    if [ "$ready" != "$nodes" ]; then
      echo "error: kubectl get nodes shows $ready Ready node(s), expected $nodes" >&2
      exit 1
    fi
    if [ "$nodes" = 1 ]; then
      TRACE=$(grep '✓' <<<"$out" || true)
      if [ "$i" = 1 ]; then
        sleep "$IDLE_SECONDS"
        pid=$(cut -d" " -f1 "$SKIFF_HOME/clusters/$CLUSTER/pid") # pid file: PID START_MILLIS COMMAND
        RSS=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
      fi
    fi
    ./skiff down --name "$CLUSTER" --purge >/dev/null
  done
  UP_RUNS[$nodes]="${times[*]}"
  UP_MEDIAN[$nodes]=$(printf '%s\n' "${times[@]}" | median)
done

# hook NAME: the last line a bench/user/NAME.sh prints, or a note that nobody measured it yet.
hook() {
  local script="bench/user/$1.sh"
  if [ -n "$SMOKE" ]; then
    echo "not run (smoke)"
  elif [ -x "$script" ]; then
    "$script" | tail -1
  else
    echo "not measured yet ($script)"
  fi
}

up_row() { # nodes target
  if [ -n "${UP_MEDIAN[$1]:-}" ]; then
    printf '| `skiff up`, %s node(s), median of %s | %s ms (runs: %s) | under %s | k3d 19.9 s, kind 33.0 s, minikube 50.8 s (time-to-k8s) |\n' \
      "$1" "$RUNS" "${UP_MEDIAN[$1]}" "${UP_RUNS[$1]// /, }" "$2"
  fi
}

TABLE=$(
  echo "| figure | Skiff | target | anchor |"
  echo "|---|---|---|---|"
  up_row 1 "1.5 s"
  up_row 3 "2 s"
  printf '| idle RSS, 1 node (%s s after start) | %s MiB | under 150 MB | k3s about 535 MB |\n' "$IDLE_SECONDS" "$RSS"
  printf '| testkit per-class start | %s | warm JVM under 500 ms; shared cluster under 50 ms a class | fabric8 mock server; Testcontainers k3s module |\n' "$(hook testkit)"
  printf '| apply to serving (3-replica Deployment + ClusterIP Service, 20 rounds) | %s | p50 under 300 ms, p99 under 1 s | none published |\n' "$(hook apply-to-serving)"
  printf '| Docker burst (100 pods, one node) | %s | p99 under 5 s (Kubernetes SLO) | 18 s before issue 19 |\n' "$(hook docker-burst)"
)
MACHINE="$(nproc) cores, load average $LOAD_START at the start and $(load) at the end, $(java -version 2>&1 | head -1)"

echo "$TABLE"
echo
echo "machine: $MACHINE"
echo
echo "per-phase trace of the last 1-node start (wall time; CPU, classes loaded, JIT and GC time of the cluster JVM):"
echo "$TRACE"

if [ -n "${WRITE:-}" ] && [ -z "$SMOKE" ]; then
  BENCH_NO_BUILD=1 source bench/lib.sh
  bench_write_section "Headline figures (bench/user/run.sh)" "## Headline figures (bench/user/run.sh)

Command: \`bench/user/run.sh $RUNS\`, run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD).
Machine: $MACHINE.

$TABLE

Per-phase trace of the last 1-node start:

\`\`\`
$TRACE
\`\`\`"
fi
