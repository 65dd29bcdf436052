package dev.skiff.server.store.persist;

import static dev.skiff.server.store.persist.PersistentReplica.object;
import static dev.skiff.server.store.persist.PersistentReplica.rv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.store.StoreKey;
import dev.skiff.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store process killed with SIGKILL in the middle of writing keeps every acknowledged write. */
class KilledStoreE2E {
  @TempDir Path temp;

  @Test
  void everyAcknowledgedWriteSurvivesSigkillAndVersionsStayAboveThem() throws Exception {
    Path dataDir = temp.resolve("data");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-cp",
                System.getProperty("java.class.path"),
                KilledStoreWriter.class.getName(),
                dataDir.toString())
            .redirectError(temp.resolve("writer.log").toFile())
            .start();
    Map<String, Long> acknowledged = new HashMap<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ");
          acknowledged.put(parts[1], Long.parseLong(parts[2]));
        }
      }
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no final sync, no graceful close
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSize(300);

    try (PersistentReplica restarted = PersistentReplica.start(dataDir, 1000)) {
      for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
        StoreKey key = new StoreKey("pods", "ns", ack.getKey());
        assertThat(rv(Await.result(restarted.store().get(key)))).isEqualTo(ack.getValue());
      }
      long highest = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      StoreKey next = new StoreKey("pods", "ns", "after-the-kill");
      assertThat(rv(Await.result(restarted.store().create(next, object("Pod", "ns", next.name())))))
          .isGreaterThan(highest);
    }
  }
}
