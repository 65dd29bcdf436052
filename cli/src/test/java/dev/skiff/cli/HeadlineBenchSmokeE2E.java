package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The headline benchmark script (bench/user/run.sh) in its CI size: one real 1-node {@code skiff
 * up} with the built CLI, checked through kubectl by the script, and its table printed. A smoke
 * test: it asserts the rows and the trace are there, never a time.
 */
class HeadlineBenchSmokeE2E {
  @Test
  void printsTheHeadlineTableAndTheStartTrace() {
    Path script = Path.of("..", "bench", "user", "run.sh").toAbsolutePath().normalize();
    assertThat(script).exists();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "1");
    pb.environment().put("SMOKE", "1");
    pb.environment().put("SKIFF_JAR", SkiffProcess.cliJar().toString());
    ProcessResult result = Processes.run(pb, null, Duration.ofMinutes(6));

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.stdout())
        .containsPattern("\\| `skiff up`, 1 node\\(s\\), median of 1 \\| \\d+ ms \\(runs: \\d+\\)")
        .containsPattern("\\| idle RSS, 1 node \\(0 s after start\\) \\| \\d+ MiB")
        .contains("| testkit per-class start | not run (smoke)")
        .contains("| apply to serving")
        .contains("| Docker burst")
        .contains("machine: ")
        .containsPattern("✓ Vert.x and Hazelcast member \\d+ ms \\(cpu \\d+ ms, \\d+ classes")
        .contains("✓ 1 node(s) Ready")
        .contains("✓ in the cluster JVM since its start");
  }
}
