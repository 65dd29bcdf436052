#!/usr/bin/env bash
# Port-forward throughput: MIB MiB (default 100) downloaded from and uploaded to a pod, directly to
# the pod IP and through `kubectl port-forward`, in one run on one cluster (process runtime).
# Download: the pod writes the file and closes; upload: the client sends MIB MiB, half-closes and
# waits for the pod's byte count. Every transfer checks its byte count. Median of ROUNDS (3), after
# WARMUP (3) unmeasured transfers each way (the cluster JVM's JIT). Also the CPU time the cluster
# JVM and kubectl spend per MiB forwarded (/proc/PID/stat), which load on the machine does not skew.
# Usage: bench/streaming/portforward.sh        env: MIB, ROUNDS, WARMUP
# Starts its own cluster (skiff up) in a scratch SKIFF_HOME and stops it on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/skiff-bench-portforward.XXXXXX)
MIB=${MIB:-100}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-3}
export SKIFF_HOME=$WORK/home
FORWARD=
cleanup() {
  [ -n "$FORWARD" ] && kill "$FORWARD" 2>/dev/null || true
  ./skiff down --name bpf --purge >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
./skiff --version >/dev/null   # builds the CLI if needed, outside the timings
./skiff up --name bpf --timeout 300 >/dev/null
K=$SKIFF_HOME/clusters/bpf/kubeconfig
source bench/streaming/server-pod.sh
server_pod "$K" "$MIB"
L1=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
L2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
kubectl --kubeconfig "$K" port-forward pod/server "$L1:9001" "$L2:9002" >"$WORK/pf.log" 2>&1 &
FORWARD=$!
for _ in $(seq 100); do grep -q "$L2 ->" "$WORK/pf.log" 2>/dev/null && break; sleep 0.1; done

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), command: bench/streaming/portforward.sh (MIB=$MIB)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$POD_IP" "$L1" "$L2" "$MIB" "$ROUNDS" "$WARMUP" "$(cut -d" " -f1 "$SKIFF_HOME/clusters/bpf/pid")" "$FORWARD" <<'PY'
import os, socket, statistics, sys, time
pod, l1, l2, mib, rounds, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
cluster, kubectl = sys.argv[7], sys.argv[8]
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):  # user + system seconds of a process
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
size = mib << 20
chunk = b"\0" * (256 << 10)

def download(host, port):
    start = time.monotonic(); total = 0
    with socket.create_connection((host, port), timeout=120) as s:
        while True:
            b = s.recv(1 << 20)
            if not b: break
            total += len(b)
    assert total == size, f"{host}:{port} gave {total} bytes"
    return mib / (time.monotonic() - start)

def upload(host, port):
    start = time.monotonic(); sent = 0
    with socket.create_connection((host, port), timeout=120) as s:
        while sent < size:
            sent += s.send(chunk[: min(len(chunk), size - sent)])
        s.shutdown(socket.SHUT_WR)
        answer = b""
        while True:
            b = s.recv(4096)
            if not b: break
            answer += b
    assert int(answer.split()[0]) == size, f"{host}:{port} counted {answer!r}"
    return mib / (time.monotonic() - start)

rows = [("download", download, 9001, l1), ("upload", upload, 9002, l2)]
for name, f, port, local in rows:
    for _ in range(warmup):
        f("127.0.0.1", local)
print("| direction | direct (MiB/s) | kubectl port-forward (MiB/s) | share | CPU ms/MiB: cluster JVM, kubectl |")
print("|---|---|---|---|---|")
for name, f, port, local in rows:
    d = []; p = []; jvm = 0.0; kc = 0.0
    for _ in range(rounds):
        d.append(f(pod, port))
        j0, k0 = cpu(cluster), cpu(kubectl)
        p.append(f("127.0.0.1", local))
        jvm += cpu(cluster) - j0; kc += cpu(kubectl) - k0
    dm, pm = statistics.median(d), statistics.median(p)
    per = 1000 / (rounds * mib)
    print(f"| {name} {mib} MiB | {dm:.0f} | {pm:.0f} | {100*pm/dm:.0f}% | {jvm*per:.1f}, {kc*per:.1f} |", flush=True)
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
