package dev.skiff.server.store.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One damaged record costs at most that record, is reported, and never brings a deleted key back.
 */
class DamagedLogTest {
  private static final DiskStoreOptions MANUAL =
      DiskStoreOptions.defaults().withSyncInterval(Duration.ofHours(1));
  private static final int N = 200;

  @TempDir Path dir;

  private final Map<String, byte[]> expected = new HashMap<>();

  /** Writes N keys, deletes every tenth; returns each key's latest record offset in the file. */
  private Map<String, long[]> writeAndDelete() throws IOException {
    Map<String, long[]> where = new HashMap<>();
    DiskStore store = DiskStore.open(dir, MANUAL);
    try {
      for (int i = 0; i < N; i++) {
        String key = "pods/ns/p" + i;
        byte[] value =
            ("{\"name\":\"p" + i + "\",\"pad\":\"" + "x".repeat(100) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        long before = store.fileSize();
        store.put(key, value);
        where.put(key, new long[] {before, store.fileSize()});
        expected.put(key, value);
        store.sequence(i);
      }
      for (int i = 0; i < N; i += 10) {
        String key = "pods/ns/p" + i;
        long before = store.fileSize();
        store.delete(key);
        where.put("delete " + key, new long[] {before, store.fileSize()});
        expected.remove(key);
      }
    } finally {
      store.close();
    }
    return where;
  }

  private Path logFile() {
    return dir.resolve(DiskStore.LOG_FILE);
  }

  private DiskStore repair() throws IOException {
    return DiskStore.open(dir, MANUAL.withRepair(true));
  }

  private void assertEverythingBut(DiskStore store, String... lost) {
    Map<String, byte[]> rest = new HashMap<>(expected);
    for (String key : lost) {
      rest.remove(key);
    }
    assertThat(store.keys()).containsExactlyInAnyOrderElementsOf(rest.keySet());
    rest.forEach((key, value) -> assertThat(store.get(key)).as(key).isEqualTo(value));
  }

  @Test
  void aFlippedByteInTheMiddleCostsOnlyItsRecordAndIsReported() throws IOException {
    Map<String, long[]> where = writeAndDelete();
    long[] record = where.get("pods/ns/p101");
    flipByte(logFile(), (record[0] + record[1]) / 2);

    assertRefusedNaming("pods/ns/p101", "--repair");
    try (DiskStore repaired = repair()) {
      assertEverythingBut(repaired, "pods/ns/p101");
      assertThat(repaired.largestSequence()).isGreaterThanOrEqualTo(N - 1);
    }
    try (DiskStore reopened = DiskStore.open(dir, MANUAL)) {
      assertEverythingBut(reopened, "pods/ns/p101");
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.startsWith(DiskStore.LOG_FILE + ".damaged-"));
  }

  @Test
  void aFlippedByteInARecordHeadIsNamedFromItsTail() throws IOException {
    Map<String, long[]> where = writeAndDelete();
    flipByte(logFile(), where.get("pods/ns/p57")[0] + 10);

    assertRefusedNaming("pods/ns/p57");
    try (DiskStore repaired = repair()) {
      assertEverythingBut(repaired, "pods/ns/p57");
    }
  }

  @Test
  void aDamagedDeletionNeverBringsTheObjectBack() throws IOException {
    Map<String, long[]> where = writeAndDelete();
    long[] deletion = where.get("delete pods/ns/p50");
    flipByte(logFile(), deletion[0] + 20);

    assertRefusedNaming("deletion", "pods/ns/p50");
    try (DiskStore repaired = repair()) {
      assertThat(repaired.get("pods/ns/p50")).isNull();
      assertEverythingBut(repaired);
    }
  }

  @Test
  void aWriteCutShortAtTheEndIsDroppedWithoutRefusingToStart() throws IOException {
    Map<String, long[]> where = writeAndDelete();
    long[] last = where.get("delete pods/ns/p190");
    truncate(logFile(), last[1] - 5);

    // the kill came before the deletion returned: the object is as it was before it
    try (DiskStore reopened = DiskStore.open(dir, MANUAL)) {
      assertThat(new String(reopened.get("pods/ns/p190"), StandardCharsets.UTF_8))
          .contains("\"name\":\"p190\"");
      Set<String> keys = new HashSet<>(expected.keySet());
      keys.add("pods/ns/p190");
      assertThat(reopened.keys()).containsExactlyInAnyOrderElementsOf(keys);
      expected.forEach((key, value) -> assertThat(reopened.get(key)).as(key).isEqualTo(value));
      assertThat(reopened.largestSequence()).isGreaterThan(N);
    }
    try (DiskStore again = DiskStore.open(dir, MANUAL)) {
      assertThat(again.get("pods/ns/p190")).isNotNull();
    }
  }

  @Test
  void zerosWhereTheLastWriteShouldBeAreDroppedWithoutRefusingToStart() throws IOException {
    writeAndDelete();
    long size = Files.size(logFile());
    try (var out = Files.newOutputStream(logFile(), java.nio.file.StandardOpenOption.APPEND)) {
      out.write(new byte[64]);
    }
    assertThat(Files.size(logFile())).isEqualTo(size + 64);

    try (DiskStore reopened = DiskStore.open(dir, MANUAL)) {
      assertEverythingBut(reopened);
    }
  }

  @Test
  void anUnidentifiableStretchDropsWhatItMayHaveChangedButNeverResurrects() throws IOException {
    Map<String, long[]> where = writeAndDelete();
    zero(logFile(), where.get("pods/ns/p100")[0], where.get("pods/ns/p102")[1]);

    assertRefusedNaming("unidentifiable");
    try (DiskStore repaired = repair()) {
      for (int i = 0; i < N; i++) {
        String key = "pods/ns/p" + i;
        if (i % 10 == 0 || i <= 102) {
          assertThat(repaired.get(key)).as(key).isNull();
        } else {
          assertThat(repaired.get(key)).as(key).isEqualTo(expected.get(key));
        }
      }
      assertThat(repaired.largestSequence()).isGreaterThan(N);
    }
  }

  private void assertRefusedNaming(String... parts) {
    assertThatThrownBy(() -> DiskStore.open(dir, MANUAL))
        .isInstanceOf(DamagedStoreException.class)
        .message()
        .contains(parts);
  }

  private static void flipByte(Path file, long at) throws IOException {
    byte[] all = Files.readAllBytes(file);
    all[(int) at] ^= 0x5a;
    Files.write(file, all);
  }

  private static void zero(Path file, long from, long to) throws IOException {
    byte[] all = Files.readAllBytes(file);
    for (long i = from; i < to; i++) {
      all[(int) i] = 0;
    }
    Files.write(file, all);
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }
}
