package dev.skiff.server.store;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.skiff.server.store.persist.ReplicaDisk;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cluster of server replicas back from their disks ({@link ReplicaDisk}) when they all
 * stopped: run by every replica after its member joined and before its {@link HzStore} is built. If
 * the cluster already holds the store (a replica restarting while others run), there is nothing to
 * do: the replica's disk is rewritten from the cluster. Otherwise every replica offers its disk's
 * sequence; the oldest member waits for all the replicas the cluster had (or, after {@code wait},
 * for a majority of them), and the one with the newest disk loads it into the map; every replica
 * then starts the change log above that disk's sequence.
 *
 * <p>A write is acknowledged only while a majority of replicas run, and a replica stopping with
 * SIGTERM first copies the whole log to its disk, so any majority of disks holds every acknowledged
 * write. Blocking; the restore state lives in the map {@value #STATE}.
 */
public final class StoreRestore {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRestore.class);

  /** The map coordinating the restore; see {@code HazelcastConfigs}. */
  public static final String STATE = "skiff.restore";

  private static final String LOADED = "loaded";
  private static final String LOADER = "loader";
  private static final String OFFER = "offer:";
  private static final int BATCH = 500;

  private StoreRestore() {}

  /**
   * Restores the store if the cluster has none yet; returns the log sequence the cluster restarted
   * at (-1 for a new cluster), which {@link ReplicaDisk#restoredSequence} must get before the store
   * is built.
   *
   * @param replicas the most replicas the cluster has had
   */
  public static long run(HazelcastInstance hazelcast, ReplicaDisk disk, int replicas, Duration wait)
      throws InterruptedException {
    IMap<String, String> state = hazelcast.getMap(STATE);
    String me = hazelcast.getCluster().getLocalMember().getUuid().toString();
    int majority = replicas / 2 + 1;
    long deadline = System.nanoTime() + wait.toNanos();
    boolean offered = false;
    boolean waitingSaid = false;
    while (true) {
      String loaded = state.get(LOADED);
      if (loaded != null) {
        return Long.parseLong(loaded);
      }
      if (!offered) {
        state.set(OFFER + me, Long.toString(disk.sequence()));
        offered = true;
      }
      if (me.equals(state.get(LOADER))) {
        long sequence = load(hazelcast, disk);
        state.set(LOADED, Long.toString(sequence));
        return sequence;
      }
      Set<Member> members = hazelcast.getCluster().getMembers();
      if (members.iterator().next().localMember()) {
        Map<String, Long> offers = offers(state, members);
        String loader = state.get(LOADER);
        boolean loaderGone = loader != null && !offers.containsKey(loader);
        boolean all = offers.size() >= replicas;
        boolean late = System.nanoTime() > deadline && offers.size() >= majority;
        if ((loader == null || loaderGone) && (all || late)) {
          String newest =
              offers.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
          LOG.info(
              "restoring the store from the newest disk of {} replica(s) (sequence {})",
              offers.size(),
              offers.get(newest));
          state.set(LOADER, newest);
          continue;
        }
        if (!waitingSaid) {
          LOG.info(
              "waiting for the other replicas' disks before restoring the store ({} of {})",
              offers.size(),
              replicas);
          waitingSaid = true;
        }
      }
      Thread.sleep(200);
    }
  }

  private static Map<String, Long> offers(IMap<String, String> state, Set<Member> members) {
    Set<String> live =
        members.stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    Map<String, Long> offers = new HashMap<>();
    for (Map.Entry<String, String> e : state.entrySet()) {
      if (e.getKey().startsWith(OFFER)) {
        String uuid = e.getKey().substring(OFFER.length());
        if (live.contains(uuid)) {
          offers.put(uuid, Long.parseLong(e.getValue()));
        }
      }
    }
    return offers;
  }

  /** Puts this replica's disk into the map; returns the sequence the log must start above. */
  private static long load(HazelcastInstance hazelcast, ReplicaDisk disk) {
    IMap<String, byte[]> objects = hazelcast.getMap(HzStore.OBJECTS_MAP);
    Map<String, byte[]> all = disk.objects();
    long sequence = disk.sequence();
    Map<String, byte[]> batch = new HashMap<>();
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      sequence = Math.max(sequence, ObjectCodec.sequence(ObjectCodec.valueRv(e.getValue())));
      batch.put(e.getKey(), e.getValue());
      if (batch.size() == BATCH) {
        objects.putAll(batch);
        batch.clear();
      }
    }
    objects.putAll(batch);
    LOG.info("restored {} objects from this replica's disk, log sequence {}", all.size(), sequence);
    return sequence;
  }
}
