# Sourced by bench/AREA/run.sh from the repository root: builds the bench module and the modules it
# uses through the reactor, into their TARGET directories (-Dskiff.target; nothing is installed),
# and sets CP to the bench module's runtime classpath. Benchmark mains are dev.skiff.bench.AREA.*.
TARGET=${SKIFF_TARGET:-target-bench}
echo "== building bench (-Dskiff.target=$TARGET)" >&2
./mvnw -B -q -Dskiff.target="$TARGET" -Dspotless.skip=true -DskipTests -pl bench -am package \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$TARGET/classpath.txt" >&2
CP="$PWD/bench/$TARGET/classes:$(cat "bench/$TARGET/classpath.txt")"
