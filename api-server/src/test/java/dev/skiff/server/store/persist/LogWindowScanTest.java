package dev.skiff.server.store.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed scan of a log several windows long finds every record, across window boundaries, and
 * names a damaged record in the middle from its surviving head and tail.
 */
class LogWindowScanTest {
  private static final int RECORDS = 40;
  private static final int VALUE = 100_000;

  @TempDir Path dir;

  @Test
  void scansRecordsAcrossWindowsAndNamesADamagedOne() throws Exception {
    Path file = dir.resolve("objects.log");
    long[] offsets = new long[RECORDS];
    try (LogFile log = LogFile.create(file)) {
      for (int i = 0; i < RECORDS; i++) {
        byte[] value = new byte[VALUE + i];
        Arrays.fill(value, (byte) ('a' + i % 26));
        offsets[i] = log.append(LogRecord.put("k" + i, value).numbered(i).encode());
      }
    }
    assertThat(offsets[RECORDS - 1]).isGreaterThan(3L * LogWindow.SIZE);
    List<String> clean = new ArrayList<>();
    try (LogFile log = LogFile.open(file, (r, at, size) -> clean.add(r.key()))) {
      assertThat(log.recovery().damage()).isEmpty();
    }
    assertThat(clean).hasSize(RECORDS).startsWith("k0").endsWith("k" + (RECORDS - 1));

    // flip one byte in the value of record 20 (which straddles no particular boundary)
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'#'}), offsets[20] + 500);
    }
    List<String> seen = new ArrayList<>();
    try (LogFile log = LogFile.open(file, (r, at, size) -> seen.add(r.key()))) {
      assertThat(seen).hasSize(RECORDS - 1).doesNotContain("k20").contains("k19", "k21");
      assertThat(log.recovery().damage()).hasSize(1);
      LogFile.Damage damage = log.recovery().damage().get(0);
      assertThat(damage.offset()).isEqualTo(offsets[20]);
      assertThat(damage.bytes()).isEqualTo(offsets[21] - offsets[20]);
      assertThat(damage.record().key()).isEqualTo("k20");
      assertThat(damage.after()).isEqualTo(19);
      assertThat(damage.before()).isEqualTo(21);
    }
  }
}
