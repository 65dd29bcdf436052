package dev.skiff.server.testing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.Await;
import dev.skiff.testing.FreePorts;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * The Hazelcast members of one fresh test cluster (a new cluster name) in this JVM, each on a free
 * loopback port, every member joining through the first one, as api-server replicas do.
 */
public final class TestMembers {
  private final String clusterName;
  private final UnaryOperator<ClusterSettings> adjust;
  private String first;

  private TestMembers(String clusterName, UnaryOperator<ClusterSettings> adjust) {
    this.clusterName = clusterName;
    this.adjust = adjust;
  }

  /** A new cluster named {@code prefix-<uuid>} with the default settings. */
  public static TestMembers cluster(String prefix) {
    return cluster(prefix, settings -> settings);
  }

  /** As above; {@code adjust} changes every member's settings (change log, data directory...). */
  public static TestMembers cluster(String prefix, UnaryOperator<ClusterSettings> adjust) {
    return new TestMembers(prefix + "-" + UUID.randomUUID(), adjust);
  }

  public String clusterName() {
    return clusterName;
  }

  /** Starts the next member. */
  public synchronized HazelcastInstance start() {
    int port = FreePorts.loopback();
    first = first == null ? "127.0.0.1:" + port : first;
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName(clusterName)
            .withPort(port)
            .withMembers(List.of(first));
    return Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(adjust.apply(settings)));
  }

  /**
   * Waits until every partition has its synchronous backup in place (Hazelcast's "cluster safe"): a
   * member lost while the partitions of a just-joined member still migrate can take data with it,
   * which is Hazelcast's guarantee and not what the tests are about.
   */
  public static void awaitClusterSafe(List<HazelcastInstance> members) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> members.stream().allMatch(m -> m.getPartitionService().isClusterSafe()));
  }

  /**
   * Stops one replica's parts in the order tests need: the store first (it ends watches on their
   * Vert.x contexts), then Vert.x, then the member, abruptly. Keeps going when a step fails.
   */
  public static void terminate(HzStore store, Vertx vertx, HazelcastInstance member) {
    try {
      store.close();
      Await.result(vertx.close());
    } catch (RuntimeException e) {
      // keep closing the rest
    } finally {
      member.getLifecycleService().terminate();
    }
  }
}
