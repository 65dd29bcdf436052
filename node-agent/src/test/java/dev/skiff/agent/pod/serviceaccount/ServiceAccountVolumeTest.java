package dev.skiff.agent.pod.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceAccountVolumeTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void renewsATokenOnce80PercentOfItsLifeHasPassed() {
    assertThat(ServiceAccountVolume.renewalDelay(NOW, NOW.plusSeconds(3607)))
        .isEqualTo(Duration.ofMillis(2_885_600));
    assertThat(ServiceAccountVolume.renewalDelay(NOW, NOW.plusSeconds(600)))
        .isEqualTo(Duration.ofSeconds(480));
    assertThat(ServiceAccountVolume.renewalDelay(NOW, NOW.minusSeconds(5)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theDirectoryIsMountedAndTheProcessRuntimeAlsoNamesItInVariables() {
    Path dir = Path.of("/data/pods/uid-1/serviceaccount");

    assertThat(InClusterFiles.mounts(dir, null))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.hostPath()).isEqualTo(dir.toString());
              assertThat(m.containerPath())
                  .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount");
              assertThat(m.readOnly()).isTrue();
            });
    assertThat(InClusterFiles.env(dir, "docker")).isEmpty();
    dev.skiff.api.model.core.VolumeMount own = new dev.skiff.api.model.core.VolumeMount();
    own.mountPath = "/var/run/secrets/kubernetes.io/serviceaccount";
    assertThat(InClusterFiles.mounts(dir, java.util.List.of(own))).isEmpty();
    assertThat(InClusterFiles.mounts(null, null)).isEmpty();
    assertThat(InClusterFiles.env(dir, "process"))
        .containsEntry("SKIFF_SERVICEACCOUNT_DIR", dir.toString())
        .containsEntry("KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", dir + "/token")
        .containsEntry("KUBERNETES_CERTS_CA_FILE", dir + "/ca.crt")
        .containsEntry("KUBENAMESPACE", dir + "/namespace");
    assertThat(InClusterFiles.env(null, "process")).isEmpty();
  }
}
