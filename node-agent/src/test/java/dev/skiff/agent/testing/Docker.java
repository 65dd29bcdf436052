package dev.skiff.agent.testing;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Docker engine for end-to-end tests, through the docker CLI: fails loudly when the engine is
 * not running (CI installs and starts it), builds the test images if missing, removes what a test
 * node left behind.
 */
public final class Docker {
  public static final String BUSYBOX = "skiff/busybox:1";

  private Docker() {}

  /** Requires a running engine and the local images (built by deploy/images/build.sh). */
  public static void requireEngineAndImages() {
    Result info = run("docker", "info", "--format", "{{.ServerVersion}}");
    if (info.code != 0) {
      throw new IllegalStateException(
          "Docker engine not reachable (start it: nohup dockerd >/var/log/dockerd.log 2>&1 &): "
              + info.output);
    }
    Path script = repoRoot().resolve("deploy/images/build.sh");
    Result build = run("bash", script.toString());
    if (build.code != 0) {
      throw new IllegalStateException("deploy/images/build.sh failed: " + build.output);
    }
  }

  /** Options of Docker-runtime test node {@code index}: its own Service range and DNS address. */
  public static NodeAgentOptions nodeOptions(TestApiServer api, int index, Path dir) {
    return TestNode.options(api, index, dir)
        .withDockerRuntime()
        .withServiceCidr("10.97." + index + ".0/24")
        .withClusterDns(List.of("10.97." + index + ".10"));
  }

  /** Starts a Docker-runtime test node, after removing what an earlier run of it left. */
  public static TestNode startNode(NodeAgentOptions options) {
    removeNode(options.name(), options.docker().network());
    return TestNode.start(options);
  }

  /** Stops a Docker-runtime test node (if it started) and removes its containers and network. */
  public static void stopNode(TestNode node) {
    if (node != null) {
      node.close();
      removeNode(node.name(), node.options().docker().network());
    }
  }

  /** Force-removes every container of a test node and its network. */
  public static void removeNode(String node, String network) {
    Result ids = run("docker", "ps", "-aq", "--filter", "label=dev.skiff.node=" + node);
    List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f", "-v"));
    ids.output.lines().filter(l -> !l.isBlank()).forEach(rm::add);
    if (rm.size() > 4) {
      run(rm.toArray(String[]::new));
    }
    run("docker", "network", "rm", network);
  }

  /** Runs {@code command}; a failure to run or a timeout is a result with code -1. */
  public static Result run(String... command) {
    try {
      ProcessResult r =
          Processes.run(
              new ProcessBuilder(command).redirectErrorStream(true), null, Duration.ofSeconds(120));
      return new Result(r.exitCode(), r.stdout());
    } catch (RuntimeException e) {
      return new Result(-1, e.toString());
    }
  }

  /** Exit code and combined output of a command. */
  public record Result(int code, String output) {}

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("deploy/images"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (deploy/images)");
    }
    return dir;
  }
}
