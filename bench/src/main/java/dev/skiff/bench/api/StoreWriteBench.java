package dev.skiff.bench.api;

import static dev.skiff.server.store.persist.PersistentReplica.object;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.StoreKey;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write cost of persistence at the store, without HTTP: a memory-only and a persisted one-member
 * store in one JVM, written by 16 threads in interleaved rounds, so both see the same machine load.
 * Run: bench/api/run.sh store [-Drounds=10 -Dper.round=1000].
 */
public final class StoreWriteBench {
  private static final int CLIENTS = Integer.getInteger("clients", 16);
  private static final int ROUNDS = Integer.getInteger("rounds", 10);
  private static final int PER_ROUND = Integer.getInteger("per.round", 1000);

  private StoreWriteBench() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("skiff-store-bench-");
    HzStore memory = store(null);
    HzStore persisted = store(dataDir);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long[][] latencies = new long[2][ROUNDS * PER_ROUND];
    double[] seconds = new double[2];
    round(memory, clients, "warm-up-m", new long[PER_ROUND], 0);
    round(persisted, clients, "warm-up-p", new long[PER_ROUND], 0);
    HzStore[] stores = {memory, persisted};
    for (int r = 0; r < ROUNDS; r++) {
      for (int k = 0; k < 2; k++) {
        int s = (r + k) % 2; // alternate which store goes first
        seconds[s] += round(stores[s], clients, "r" + r, latencies[s], r * PER_ROUND);
      }
    }
    report("memory only", latencies[0], seconds[0]);
    report("persisted", latencies[1], seconds[1]);
    System.out.println("data dir: " + dataDir + " (" + sizeOf(dataDir) + " bytes)");
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    System.exit(0);
  }

  private static HzStore store(Path dataDir) {
    int port = 20000 + (int) (Math.random() * 20000);
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("store-bench-" + UUID.randomUUID())
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port))
            .withChangeLogCapacity(50_000)
            .withDataDir(dataDir);
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(settings));
    HzStore store = new HzStore(Vertx.vertx(), hz);
    Await.result(store.ready());
    return store;
  }

  /** Creates PER_ROUND pods from CLIENTS threads; returns the seconds it took. */
  private static double round(
      HzStore store, ExecutorService clients, String prefix, long[] latency, int offset)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(
          clients.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < PER_ROUND; i = next.getAndIncrement()) {
                  StoreKey key = new StoreKey("pods", "bench", prefix + "-" + i);
                  long t = System.nanoTime();
                  Await.result(store.create(key, object("Pod", "bench", key.name())));
                  latency[offset + i] = System.nanoTime() - t;
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void report(String what, long[] latency, double seconds) {
    long[] sorted = latency.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-12s %d creates, %.0f creates/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        what,
        sorted.length,
        sorted.length / seconds,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static long sizeOf(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
