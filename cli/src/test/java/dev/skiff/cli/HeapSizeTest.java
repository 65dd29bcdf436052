package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapSizeTest {
  private static final long GIB = 1L << 30;

  @Test
  void defaultIsASixteenthOfTheMachineWithinBounds() {
    assertThat(HeapSize.defaultMiB(2 * GIB)).isEqualTo(256);
    assertThat(HeapSize.defaultMiB(8 * GIB)).isEqualTo(512);
    assertThat(HeapSize.defaultMiB(24 * GIB)).isEqualTo(1536);
    assertThat(HeapSize.defaultMiB(256 * GIB)).isEqualTo(2048);
  }

  @Test
  void parsesSizesWithUnits() {
    assertThat(HeapSize.parseMiB("512m")).isEqualTo(512);
    assertThat(HeapSize.parseMiB("2g")).isEqualTo(2048);
    assertThat(HeapSize.parseMiB("2G")).isEqualTo(2048);
    assertThat(HeapSize.parseMiB("1024")).isEqualTo(1024);
    assertThat(HeapSize.parseMiB("524288k")).isEqualTo(512);
    assertThatThrownBy(() -> HeapSize.parseMiB("lots")).hasMessageContaining("512m or 2g");
    assertThatThrownBy(() -> HeapSize.parseMiB("64m")).hasMessageContaining("at least 256m");
  }
}
