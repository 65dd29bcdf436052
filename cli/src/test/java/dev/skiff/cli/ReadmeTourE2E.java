package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's five-minute tour exactly as written: every {@code sh} block after the tour's
 * heading, in order, in one bash with {@code set -euo pipefail}, from the repository root, with the
 * built CLI. Keeps the README true.
 */
class ReadmeTourE2E {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir Path home;

  @AfterEach
  void stopCluster() throws Exception {
    run("./skiff down --name skiff >/dev/null 2>&1 || true; rm -rf /tmp/skiff-guestbook", 60);
  }

  @Test
  void theTourRunsAsWritten() throws Exception {
    String script = String.join("\n", tourBlocks());
    assertThat(script).contains("./skiff up", "curl", "dig", "./skiff down");
    Result result = run("set -euo pipefail\nset -x\n" + script, 600);
    String out = result.output;
    assertThat(result.exitCode).as(out).isZero();
    assertThat(out)
        .contains(
            "is ready",
            "hello from web-",
            "successfully rolled out",
            "hello from outside the cluster");
    // The ClusterIP, each node's NodePort and the LoadBalancer each answered from a selected pod.
    assertThat(out.split("hello from web-", -1).length - 1).isGreaterThanOrEqualTo(10);
    assertThat(out).doesNotContain("hello from stray");
    // The guestbook: seeded, signed, read back through the NodePort, still signed after its
    // database pod was replaced; its web pods listed themselves; its volume went with it.
    assertThat(out)
        .contains(
            "Skiff guestbook (served by frontend-",
            "Welcome! (written by the seed Job)",
            "partitioned roll out complete",
            "job.batch/seed condition met",
            "deployment.apps/frontend scaled",
            "namespace \"guestbook\" deleted");
    assertThat(out.lines().filter(line -> line.equals("Hello from the README")).count())
        .as("the signature, as signed, through the NodePort and after db-0 was replaced")
        .isGreaterThanOrEqualTo(3);
    assertThat(out.lines().filter(line -> line.matches("frontend-[a-z0-9]+-[a-z0-9]{5}")).count())
        .as("the web pods /cgi-bin/pods listed")
        .isEqualTo(3);
    String strayIp = columnOf(out, "stray ", 5);
    assertThat(endpointLines(out))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(strayIp + ":"));
  }

  /** The sh blocks of the README after the tour heading. */
  static List<String> tourBlocks() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<String> blocks = new ArrayList<>();
    boolean inTour = false;
    StringBuilder block = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inTour = line.startsWith("## A five-minute tour");
      } else if (inTour && block == null && line.equals("```sh")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  private static String columnOf(String out, String prefix, int column) {
    for (String line : out.split("\n")) {
      if (line.startsWith(prefix)) {
        return line.trim().split("\\s+")[column];
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in\n" + out);
  }

  private static List<String> endpointLines(String out) {
    List<String> result = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("web ") && line.contains(":8080")) {
        result.add(line);
      }
    }
    return result;
  }

  private record Result(int exitCode, String output) {}

  private Result run(String script, int timeoutSeconds) throws Exception {
    Path out = home.resolve("tour-output.txt");
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", script)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("SKIFF_HOME", home.resolve("skiff").toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("SKIFF_JAR", SkiffProcess.cliJar().toString());
    pb.environment().remove("KUBECONFIG");
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("the tour timed out:\n" + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
