package dev.skiff.server.kubectl;

import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Kubectl;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The kubectl conformance suite against one api-server replica. */
class KubectlSingleReplicaIT extends KubectlConformance {
  @TempDir static Path dir;
  private static TestApiServers servers;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1);
    kubectl = kubectlFor(servers, 0, dir);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Override
  protected Kubectl writer() {
    return kubectl;
  }

  @Override
  protected Kubectl reader() {
    return kubectl;
  }

  @Override
  protected Path workDir() {
    return dir;
  }
}
