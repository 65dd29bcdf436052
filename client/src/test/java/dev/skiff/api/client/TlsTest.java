package dev.skiff.api.client;

import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** https to a server with a self-signed certificate, trusted the way a kubeconfig says. */
class TlsTest {
  private static Vertx vertx;
  private static SelfSignedCertificate certificate;
  private static ScriptedApiServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    certificate = SelfSignedCertificate.create("localhost");
    server = ScriptedApiServer.startTls(vertx, certificate);
    server.always(
        HttpMethod.GET,
        "/api/v1/namespaces/default/pods/web",
        r -> true,
        json(200, pod("web", "1")));
  }

  @AfterAll
  static void stop() {
    server.close();
    certificate.delete();
    Await.result(vertx.close());
  }

  private static String caPem() throws Exception {
    return Files.readString(Path.of(certificate.certificatePath()));
  }

  private static Throwable getWith(Kubeconfig config) {
    KubeClient client = new KubeClient(vertx, config);
    try {
      return Await.failure(client.get(Pod.class, "default", "web"));
    } finally {
      Await.result(client.close());
    }
  }

  private static Pod get(Kubeconfig config) {
    KubeClient client = new KubeClient(vertx, config);
    try {
      return Await.result(client.get(Pod.class, "default", "web"));
    } finally {
      Await.result(client.close());
    }
  }

  @Test
  void theKubeconfigsCertificateAuthorityDataIsTrusted() throws Exception {
    String yaml =
        """
        current-context: c
        contexts: [{name: c, context: {cluster: k, user: u}}]
        clusters: [{name: k, cluster: {server: "%s", certificate-authority-data: %s}}]
        users: [{name: u, user: {token: t}}]
        """
            .formatted(
                server.url(),
                Base64.getEncoder().encodeToString(caPem().getBytes(StandardCharsets.US_ASCII)));

    Kubeconfig config = Kubeconfig.parse(yaml, null);

    assertThat(config.certificateAuthorityPem()).isEqualTo(caPem());
    assertThat(get(config).meta().name).isEqualTo("web");
  }

  @Test
  void aServerCertificateNobodyVouchesForIsRefused() {
    Throwable error = getWith(Kubeconfig.of(server.url(), "t"));

    assertThat(Errors.isStatus(error)).isFalse();
  }

  @Test
  void insecureSkipTlsVerifyTrustsAnyCertificate() {
    assertThat(get(new Kubeconfig(server.url(), "t", null, true)).meta().name).isEqualTo("web");
  }
}
