package dev.skiff.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PullPolicyTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "busybox, -, Always",
        "busybox:latest, -, Always",
        "skiff/busybox:1, -, IfNotPresent",
        "localhost:5000/busybox, -, Always",
        "localhost:5000/busybox:1, -, IfNotPresent",
        "busybox@sha256:abc, -, IfNotPresent",
        "busybox:latest@sha256:abc, -, Always",
        "busybox, Never, Never",
        "busybox:1, Always, Always",
      })
  void defaultsLikeKubernetes(String image, String policy, String effective) {
    assertThat(PullPolicy.of(image, policy)).isEqualTo(effective);
  }

  @Test
  void pullsAsTheKubeletDecides() {
    assertThat(PullPolicy.shouldPull("Always", true)).isTrue();
    assertThat(PullPolicy.shouldPull("IfNotPresent", true)).isFalse();
    assertThat(PullPolicy.shouldPull("IfNotPresent", false)).isTrue();
    assertThat(PullPolicy.shouldPull("Never", false)).isFalse();
  }

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
    "0, 0s",
    "830, 830ms",
    "1000, 1s",
    "1627, 1.627s",
    "1500, 1.5s",
    "62500, 1m2.5s",
    "3600000, 1h0m0s"
  })
  void durationsReadAsGoPrintsThem(long millis, String text) {
    assertThat(GoDuration.of(java.time.Duration.ofMillis(millis))).isEqualTo(text);
  }
}
