package dev.skiff.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.testing.TestApiServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Python client (Debian's python3-kubernetes), which checks required fields of every
 * model it reads, against one replica: ConfigMaps, Secrets, ServiceAccounts, a never-started
 * container and error bodies ({@code python/config_kinds_check.py}). Skipped without the client.
 */
class PythonClientIT {
  @TempDir static Path dir;
  private static TestApiServers servers;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void pythonClientReadsConfigKindsPodsAndErrors() throws Exception {
    String python = python();
    assertThat(python)
        .as(
            "no python3 with the kubernetes module: apt-get install python3-kubernetes (.ci/run does)")
        .isNotNull();
    Path script = dir.resolve("config_kinds_check.py");
    try (InputStream in = getClass().getResourceAsStream("/python/config_kinds_check.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path kubeconfig = servers.kubeconfig(dir.resolve("kubeconfig"), 0);

    Outcome r = run(python, script.toString(), kubeconfig.toString(), "pyclient");

    assertThat(r.output).as("exit %d", r.exit).endsWith("OK\n");
    assertThat(r.exit).isZero();
  }

  /** Debian's package lands in /usr/bin/python3's path, which a pyenv python3 on PATH lacks. */
  private static String python() throws IOException, InterruptedException {
    for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
      try {
        if (run(candidate, "-c", "import kubernetes").exit == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next
      }
    }
    return null;
  }

  private record Outcome(int exit, String output) {}

  private static Outcome run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
