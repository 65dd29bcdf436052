package dev.skiff.server.kubectl;

import dev.skiff.server.controller.TestCluster;
import java.nio.file.Path;

/**
 * One TLS api-server replica without controllers and a kubectl pointed at it, with its own HOME and
 * cache under {@code dir}: the fixture of tests that only read what the server answers.
 */
public record KubectlCluster(TestCluster cluster, Kubectl kubectl) implements AutoCloseable {
  public static KubectlCluster start(Path dir) {
    TestCluster cluster = TestCluster.start(TestCluster.Spec.of(1).withTls().withoutControllers());
    Path kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), 0);
    return new KubectlCluster(
        cluster, new Kubectl(kubeconfig, dir.resolve("home"), dir.resolve("cache")));
  }

  /** Runs kubectl and fails with its output unless it exits 0; returns stdout. */
  public String ok(String... args) {
    Kubectl.Result r = kubectl.run(args);
    if (!r.ok()) {
      throw new AssertionError("kubectl " + String.join(" ", args) + "\n" + r);
    }
    return r.stdout();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
