# Sourced by every bench/AREA/run.sh, from the repository root, after `set -euo pipefail`.
# Builds the bench module and the modules it uses through the reactor, into their TARGET
# directories (-Dskiff.target, SKIFF_TARGET, default target-bench; nothing is installed), and sets
# CP to the bench module's runtime classpath. Benchmark mains are dev.skiff.bench.AREA.*.
# BENCH_NO_BUILD=1: only the functions below (for scripts that run the CLI, not benchmark mains).
TARGET=${SKIFF_TARGET:-target-bench}
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "== building bench (-Dskiff.target=$TARGET)" >&2
  ./mvnw -B -q -Dskiff.target="$TARGET" -Dspotless.skip=true -DskipTests -pl bench -am package \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$TARGET/classpath.txt" >&2
  CP="$PWD/bench/$TARGET/classes:$(cat "bench/$TARGET/classpath.txt")"
fi

# For the scripts that start servers: WORK, a scratch directory, and PIDS, the processes started,
# both cleaned up on exit.
bench_workdir() { # name
  WORK=$(mktemp -d "/tmp/skiff-bench-$1.XXXXXX")
  PIDS=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}

# need COMMAND PACKAGE: installs PACKAGE with apt-get when COMMAND is missing.
need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }

# bench_write_section TITLE TEXT: replaces the "## TITLE" section of docs/benchmarks.md (up to the
# next "## " heading) with TEXT, or appends TEXT when there is none; sections the scripts do not
# write (e.g. "## Service proxy: history") are left alone.
bench_write_section() {
  python3 - "$PWD/docs/benchmarks.md" "$1" "$2" <<'PY'
import os, re, sys
path, title, section = sys.argv[1], sys.argv[2], sys.argv[3].rstrip() + "\n"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
pattern = re.compile(r"^## " + re.escape(title) + r"\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda m: section + "\n", text, count=1)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
}
