#!/usr/bin/env bash
# Replicas that lose nothing: the full run of cli's ReplicaFaultsE2E. Three `skiff server` processes
# on 127.0.0.41-43, a writer creating ConfigMaps through all three (two threads), kill -9 of a replica
# at random moments of every round (odd rounds: a second one right after the restarted one's member
# joined), each restarted on its own data directory; then one replica cut off with iptables (root),
# then a full stop and start of all three. Prints the counts; fails if one acknowledged object is
# missing or changed on any replica. Usage: bench/replicas/run.sh [ROUNDS [WRITES]] (default 20
# rounds, 10000 acknowledged writes).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
WRITES=${2:-10000}
echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -Dspotless.skip=true -pl cli -am verify -Dtest=none -Dit.test=ReplicaFaultsE2E \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dskiff.faults.rounds="$ROUNDS" -Dskiff.faults.writes="$WRITES" > /tmp/skiff-bench-replicas.log 2>&1 \
  || status=$?
grep -h -E '^(replica faults|partition|watch on|full restart)|Tests run:|FAIL' /tmp/skiff-bench-replicas.log || true
exit "${status:-0}"
