package dev.skiff.server.store.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening the store streams its log: a 160 MiB log opens in a JVM whose whole heap is 64 MiB (read
 * whole into memory, as it was, it needs a 160 MiB array and fails with OutOfMemoryError).
 */
class LargeLogOpenE2E {
  private static final int RECORDS = 160;

  @TempDir Path dir;

  @Test
  void aLogLargerThanTheHeapOpens() throws Exception {
    Path data = dir.resolve("data");
    byte[] value = new byte[1 << 20];
    Arrays.fill(value, (byte) 'x');
    try (DiskStore store =
        DiskStore.open(data, DiskStoreOptions.defaults().withSyncInterval(Duration.ofHours(1)))) {
      for (int i = 0; i < RECORDS; i++) {
        store.put("configmaps/ns/big-" + i, value);
        store.sequence(i);
      }
    }
    assertThat(Files.size(data.resolve(DiskStore.LOG_FILE))).isGreaterThan(RECORDS * (1L << 20));
    Process opener =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                LargeLogOpener.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(opener.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(opener.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(opener.exitValue()).as(output).isZero();
    assertThat(output).contains("OPENED " + RECORDS + " " + (RECORDS - 1));
  }
}
