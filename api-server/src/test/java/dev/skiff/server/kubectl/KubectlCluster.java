package dev.skiff.server.kubectl;

import dev.skiff.server.http.Http;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension (register it as a static field) for tests that only read what the server
 * answers: one TLS api-server replica without controllers, a kubectl pointed at it with its own
 * HOME and cache, and an HTTP client holding the cluster's token.
 */
public final class KubectlCluster implements BeforeAllCallback, AfterAllCallback {
  private Path dir;
  private TestCluster cluster;
  private Kubectl kubectl;
  private Http http;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("kubectl-cluster");
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls().withoutControllers());
    Path kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), 0);
    kubectl = new Kubectl(kubeconfig, dir.resolve("home"), dir.resolve("cache"));
    http = new Http(cluster.replica(0).url(), cluster.replica(0).server().options().certificate());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  public Kubectl kubectl() {
    return kubectl;
  }

  public TestCluster cluster() {
    return cluster;
  }

  /** Runs kubectl and fails with its output unless it exits 0; returns stdout. */
  public String ok(String... args) {
    ProcessResult r = kubectl.run(args);
    if (!r.ok()) {
      throw new AssertionError("kubectl " + String.join(" ", args) + "\n" + r);
    }
    return r.stdout();
  }

  /** A GET of {@code path} with the cluster's token and the given header name/value pairs. */
  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b =
        http.request(path).setHeader("Authorization", "Bearer " + TestCluster.TOKEN).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return http.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
