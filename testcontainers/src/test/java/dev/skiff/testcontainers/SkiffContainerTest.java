package dev.skiff.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What needs no container: the kubeconfig's server is replaced, the rest kept; the image name. */
class SkiffContainerTest {
  private static final String INSIDE =
      "apiVersion: v1\n"
          + "kind: Config\n"
          + "clusters:\n"
          + "- name: skiff-skiff\n"
          + "  cluster:\n"
          + "    server: https://127.0.0.1:6443\n"
          + "    certificate-authority-data: QUJD\n"
          + "users:\n"
          + "- name: skiff-skiff\n"
          + "  user:\n"
          + "    token: abc\n";

  @Test
  void theServerBecomesThePublishedAddressAndTheAuthorityStays() {
    assertThat(SkiffContainer.withServer(INSIDE, "https://localhost:32768"))
        .isEqualTo(INSIDE.replace("https://127.0.0.1:6443", "https://localhost:32768"));
  }

  @Test
  void aKubeconfigWithoutAServerIsAnError() {
    assertThatThrownBy(() -> SkiffContainer.withServer("kind: Config\n", "https://h:1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names no server");
  }

  @Test
  void theDefaultImageIsThisVersionsSkiffImage() {
    assertThat(SkiffContainer.DEFAULT_IMAGE.getRepository()).isEqualTo("skiff/skiff");
    assertThat(SkiffContainer.DEFAULT_IMAGE.getVersionPart()).doesNotContain("${");
  }
}
