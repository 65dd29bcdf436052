package dev.skiff.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {
  private static final String CONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: skiff
      clusters:
      - name: other
        cluster: {server: "http://10.0.0.1:6443"}
      - name: local
        cluster:
          server: http://127.0.0.1:6443
      contexts:
      - name: elsewhere
        context: {cluster: other, user: nobody}
      - name: skiff
        context:
          cluster: local
          user: admin
      users:
      - name: nobody
        user: {token: wrong}
      - name: admin
        user:
          token: abc123
      """;

  @Test
  void readsServerAndTokenOfTheCurrentContext() {
    Kubeconfig config = Kubeconfig.parse(CONFIG, null);

    assertThat(config.server()).isEqualTo("http://127.0.0.1:6443");
    assertThat(config.token()).isEqualTo("abc123");
    assertThat(config.insecureSkipTlsVerify()).isFalse();
  }

  @Test
  void readsATokenFileRelativeToTheKubeconfig(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("token"), "from-file\n");
    Files.writeString(dir.resolve("config"), CONFIG.replace("token: abc123", "tokenFile: token"));

    assertThat(Kubeconfig.load(dir.resolve("config")).token()).isEqualTo("from-file");
  }

  @Test
  void readsACertificateAuthorityFileRelativeToTheKubeconfig(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    Files.writeString(
        dir.resolve("config"),
        CONFIG.replace(
            "server: http://127.0.0.1:6443",
            "server: https://127.0.0.1:6443\n    certificate-authority: ca.pem"));

    Kubeconfig config = Kubeconfig.load(dir.resolve("config"));

    assertThat(config.server()).startsWith("https://");
    assertThat(config.certificateAuthorityPem()).contains("BEGIN CERTIFICATE");
  }

  @Test
  void aContextWithoutUserHasNoToken() {
    String noUser = CONFIG.replace("    user: admin\n", "");

    assertThat(Kubeconfig.parse(noUser, null).token()).isNull();
  }

  @Test
  void aMissingCurrentContextOrEntryIsReported() {
    assertThatThrownBy(() -> Kubeconfig.parse(CONFIG.replace("current-context: skiff", ""), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current-context");
    assertThatThrownBy(
            () ->
                Kubeconfig.parse(
                    CONFIG.replace("current-context: skiff", "current-context: x"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contexts");
  }
}
