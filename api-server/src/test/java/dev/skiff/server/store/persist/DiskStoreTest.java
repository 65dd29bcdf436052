package dev.skiff.server.store.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskStoreTest {
  private static final DiskStoreOptions MANUAL =
      DiskStoreOptions.defaults().withSyncInterval(Duration.ofHours(1));

  @TempDir Path dir;
  private final List<DiskStore> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(DiskStore::close);
  }

  private DiskStore open() throws IOException {
    return open(MANUAL);
  }

  private DiskStore open(DiskStoreOptions options) throws IOException {
    DiskStore store = DiskStore.open(dir, options);
    opened.add(store);
    return store;
  }

  private Path logFile() {
    return dir.resolve(DiskStore.LOG_FILE);
  }

  @Test
  void writesSurviveReopening() throws IOException {
    DiskStore store = open();
    store.put("pods/ns/a", bytes("a1"));
    store.put("pods/ns/b", bytes("b1"));
    store.put("pods/ns/a", bytes("a2"));
    store.delete("pods/ns/b");
    store.put("nodes/n1", bytes("n"));
    store.sequence(41);
    store.sequence(42);
    store.close();

    DiskStore reopened = open();

    assertThat(reopened.keys()).containsExactlyInAnyOrder("pods/ns/a", "nodes/n1");
    assertThat(reopened.get("pods/ns/a")).isEqualTo(bytes("a2"));
    assertThat(reopened.get("nodes/n1")).isEqualTo(bytes("n"));
    assertThat(reopened.get("pods/ns/b")).isNull();
    assertThat(reopened.largestSequence()).isEqualTo(42);
    assertThat(reopened.recovery().skippedBytes()).isZero();
  }

  @Test
  void aNewStoreIsEmptyAndHasNoSequence() throws IOException {
    DiskStore store = open();

    assertThat(store.keys()).isEmpty();
    assertThat(store.largestSequence()).isEqualTo(-1);
    assertThat(store.get("anything")).isNull();
  }

  @Test
  void compactionDropsDeadRecordsAndKeepsEveryLiveValueAndTheSequence() throws IOException {
    DiskStore store = open();
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 50; i++) {
        store.put("k" + i, bytes("value-" + i + "-" + round));
        store.sequence(round * 50L + i);
      }
    }
    store.delete("k7");
    long before = store.fileSize();

    store.compact();

    assertThat(store.fileSize()).isLessThan(before / 10);
    assertThat(store.get("k3")).isEqualTo(bytes("value-3-19"));
    store.put("k3", bytes("after"));
    store.close();
    DiskStore reopened = open();
    assertThat(reopened.keys()).hasSize(49).doesNotContain("k7");
    assertThat(reopened.get("k3")).isEqualTo(bytes("after"));
    assertThat(reopened.get("k49")).isEqualTo(bytes("value-49-19"));
    assertThat(reopened.largestSequence()).isEqualTo(999);
    assertThat(Files.exists(dir.resolve(DiskStore.COMPACTING))).isFalse();
  }

  @Test
  void writesMadeWhileCompactingAreKept() throws Exception {
    DiskStore store = open();
    for (int i = 0; i < 2000; i++) {
      store.put("old" + (i % 100), bytes("x".repeat(200) + i));
    }
    Map<String, byte[]> written = new HashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; !stop.get() || i < 500; i++) {
                String key = "new" + (i % 300);
                byte[] value = bytes("v" + i);
                store.put(key, value);
                synchronized (written) {
                  written.put(key, value);
                }
                if (i % 7 == 0) {
                  store.delete("old" + (i % 100));
                  synchronized (written) {
                    written.put("old" + (i % 100), null);
                  }
                }
              }
            });
    writer.start();

    store.compact();
    store.compact();
    stop.set(true);
    writer.join();

    store.close();
    DiskStore reopened = open();
    for (Map.Entry<String, byte[]> entry : written.entrySet()) {
      assertThat(reopened.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
    }
  }

  @Test
  void theMaintenanceThreadCompactsALogThatIsMostlyDead() throws IOException {
    DiskStore store =
        open(
            DiskStoreOptions.defaults()
                .withSyncInterval(Duration.ofMillis(20))
                .withCompactionMinBytes(10_000));
    for (int i = 0; i < 2000; i++) {
      store.put("only", bytes("version " + i));
    }
    long before = store.fileSize();

    await().atMost(Duration.ofSeconds(10)).until(() -> store.fileSize() < before / 10);

    assertThat(store.get("only")).isEqualTo(bytes("version 1999"));
  }

  @Test
  void aTruncatedTailIsSkippedAndLaterWritesFollowTheValidPrefix() throws IOException {
    DiskStore store = open();
    store.put("a", bytes("kept"));
    store.sequence(5);
    long valid = store.fileSize();
    store.put("b", bytes("torn by a crash"));
    store.close();
    truncate(logFile(), valid + 9);

    DiskStore recovered = open();

    assertThat(recovered.keys()).containsExactly("a");
    assertThat(recovered.recovery().validBytes()).isEqualTo(valid);
    assertThat(recovered.recovery().skippedBytes()).isEqualTo(9);
    assertThat(recovered.recovery().keptTail()).exists().hasSize(9);
    recovered.put("c", bytes("after recovery"));
    recovered.close();
    DiskStore again = open();
    assertThat(again.keys()).containsExactlyInAnyOrder("a", "c");
    assertThat(again.largestSequence()).isEqualTo(5);
    assertThat(again.recovery().skippedBytes()).isZero();
  }

  @Test
  void aRecordWithABadChecksumEndsTheValidPrefix() throws IOException {
    DiskStore store = open();
    store.put("a", bytes("good"));
    long valid = store.fileSize();
    store.put("b", bytes("flipped"));
    store.put("c", bytes("after the damage"));
    long size = store.fileSize();
    store.close();
    flipByte(logFile(), valid + 12);

    DiskStore recovered = open();

    assertThat(recovered.keys()).containsExactly("a");
    assertThat(recovered.recovery().skippedBytes()).isEqualTo(size - valid);
  }

  @Test
  void anImpossibleLengthIsTakenForCorruption() throws IOException {
    DiskStore store = open();
    store.put("a", bytes("good"));
    long valid = store.fileSize();
    store.close();
    try (FileChannel channel = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.allocate(8).putInt(-5).putInt(0).flip(), valid);
    }

    DiskStore recovered = open();

    assertThat(recovered.keys()).containsExactly("a");
    assertThat(recovered.recovery().skippedBytes()).isEqualTo(8);
  }

  @Test
  void aFileCutInsideItsHeaderStartsEmpty() throws IOException {
    Files.write(logFile(), "SKIFF".getBytes(StandardCharsets.US_ASCII));

    DiskStore store = open();
    store.put("a", bytes("1"));
    store.close();

    assertThat(open().get("a")).isEqualTo(bytes("1"));
  }

  @Test
  void aFileThatIsNotALogIsRefusedAndLeftAlone() throws IOException {
    byte[] foreign = bytes("some other program's data, not a skiff log");
    Files.write(logFile(), foreign);

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a skiff store log");
    assertThat(Files.readAllBytes(logFile())).isEqualTo(foreign);
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() throws IOException {
    open();

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void aCompactionCutShortByACrashIsDiscarded() throws IOException {
    DiskStore store = open();
    store.put("a", bytes("1"));
    store.close();
    Files.write(dir.resolve(DiskStore.COMPACTING), bytes("half-written compaction"));

    DiskStore reopened = open();

    assertThat(reopened.get("a")).isEqualTo(bytes("1"));
    assertThat(Files.exists(dir.resolve(DiskStore.COMPACTING))).isFalse();
  }

  @Test
  void writesAfterCloseFail() throws IOException {
    DiskStore store = open();
    store.close();

    assertThatThrownBy(() -> store.put("a", bytes("1"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyFileAndDirectoryItCreatesIsTheOwnersOnly() throws IOException {
    Path nested = dir.resolve("data").resolve("store");
    DiskStore store = DiskStore.open(nested, MANUAL);
    opened.add(store);
    store.put("secrets/ns/a", bytes("password"));
    store.put("secrets/ns/a", bytes("password 2"));
    store.compact();
    store.put("secrets/ns/b", bytes("password 3"));
    store.close();
    Path log = nested.resolve(DiskStore.LOG_FILE);
    truncate(log, Files.size(log) - 3); // recovery keeps the torn tail in a file of its own
    opened.add(DiskStore.open(nested, MANUAL));

    try (var walk = Files.walk(dir.resolve("data"))) {
      assertThat(walk.count()).as("directories, log, lock, kept tail").isGreaterThan(4);
    }
    assertThat(PrivateFiles.openToOthers(dir.resolve("data"))).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void flipByte(Path file, long at) throws IOException {
    byte[] all = Files.readAllBytes(file);
    all[(int) at] ^= 0x5a;
    Files.write(file, all);
  }
}
