package dev.skiff.server.kubectl;

import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Kubectl;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubectl conformance suite against a two-replica cluster: every write goes to replica 0, every
 * read (including watches) to replica 1, which never took the write.
 */
class KubectlTwoReplicaIT extends KubectlConformance {
  @TempDir static Path dir;
  private static TestApiServers servers;
  private static Kubectl writer;
  private static Kubectl reader;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(2);
    writer = kubectlFor(servers, 0, dir);
    reader = kubectlFor(servers, 1, dir);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Override
  protected Kubectl writer() {
    return writer;
  }

  @Override
  protected Kubectl reader() {
    return reader;
  }

  @Override
  protected Path workDir() {
    return dir;
  }
}
