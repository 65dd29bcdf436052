package dev.skiff.server.store.persist;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the store in the directory given (in a JVM with a small heap, started by {@link
 * LargeLogOpenE2E}) and prints {@code OPENED <keys> <largest sequence>}.
 */
public final class LargeLogOpener {
  private LargeLogOpener() {}

  public static void main(String[] args) throws Exception {
    try (DiskStore store =
        DiskStore.open(
            Path.of(args[0]), DiskStoreOptions.defaults().withSyncInterval(Duration.ofHours(1)))) {
      System.out.println("OPENED " + store.keys().size() + " " + store.largestSequence());
    }
  }
}
