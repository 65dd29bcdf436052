package dev.skiff.cli.embedded.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostRoutesTest {
  @Test
  void rangesOverlapWhenOneContainsTheOther() {
    assertThat(HostRoutes.overlaps(List.of("10.112.0.0/19"), "10.112.0.0/20")).isTrue();
    assertThat(HostRoutes.overlaps(List.of("10.0.0.0/8"), "10.112.0.0/19")).isTrue();
    assertThat(HostRoutes.overlaps(List.of("10.112.5.7/32"), "10.112.0.0/19")).isTrue();
  }

  @Test
  void neighbouringRangesDoNotOverlap() {
    assertThat(HostRoutes.overlaps(List.of("10.112.32.0/19"), "10.112.0.0/19")).isFalse();
    assertThat(HostRoutes.overlaps(List.of("172.17.0.0/16", "127.0.0.0/8"), "10.128.0.0/16"))
        .isFalse();
    assertThat(HostRoutes.overlaps(List.of(), "10.128.0.0/16")).isFalse();
  }
}
