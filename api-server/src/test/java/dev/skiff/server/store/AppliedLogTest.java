package dev.skiff.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppliedLogTest {
  private static byte[] change(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void matchesOnlyTheChangeRecordedAtASequence() {
    AppliedLog log = new AppliedLog();
    log.reset(10);
    log.record(10, change("a"));
    log.record(11, change("b"));

    assertThat(log.matches(10, change("a"))).isTrue();
    assertThat(log.matches(11, change("a"))).isFalse();
    assertThat(log.matches(12, change("b"))).isFalse();
    assertThat(log.matches(9, change("a"))).isFalse();
  }

  @Test
  void keepsOnlyTheLastSizeChanges() {
    AppliedLog log = new AppliedLog();
    for (int i = 0; i < AppliedLog.SIZE + 5; i++) {
      log.record(i, change("c" + i));
    }

    assertThat(log.matches(4, change("c4"))).isFalse();
    assertThat(log.matches(5, change("c5"))).isTrue();
    assertThat(log.checkFrom(1000)).isEqualTo(AppliedLog.SIZE + 5 - 1000);
    assertThat(log.checkFrom(5000)).isEqualTo(5);
  }

  @Test
  void aGapInSequencesForgetsWhatCameBefore() {
    AppliedLog log = new AppliedLog();
    log.record(0, change("a"));
    log.record(7, change("b"));

    assertThat(log.matches(0, change("a"))).isFalse();
    assertThat(log.matches(7, change("b"))).isTrue();
    assertThat(log.checkFrom(100)).isEqualTo(7);
  }
}
