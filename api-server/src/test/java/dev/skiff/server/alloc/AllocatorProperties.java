package dev.skiff.server.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.skiff.server.testing.TestMembers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded-random properties of the allocators on two Hazelcast members (two replicas' views of one
 * cluster): whatever mix of dynamic and requested allocations and releases runs concurrently on
 * both, no value is ever held by two owners, and every claim is in range.
 */
class AllocatorProperties {
  private static final long SEED = Long.getLong("seed", 20251126L);
  private static HazelcastInstance one;
  private static HazelcastInstance two;

  @BeforeAll
  static void start() {
    TestMembers members = TestMembers.cluster("alloc-props");
    one = members.start();
    two = members.start();
  }

  @AfterAll
  static void stop() {
    two.getLifecycleService().terminate();
    one.getLifecycleService().terminate();
  }

  @Test
  void concurrentAllocationsOnTwoReplicasNeverShareAValue() throws Exception {
    Random random = new Random(SEED);
    for (int round = 0; round < 5; round++) {
      AllocationOptions options =
          AllocationOptions.defaults()
              .withServiceCidr("127.10." + (100 + round) + ".0/24")
              .withNodePorts("30000-30299");
      String prefix = "round" + round + "-";
      ServiceAllocators a =
          new ServiceAllocators(one, options, Clock.systemUTC(), new Random(random.nextLong()));
      ServiceAllocators b =
          new ServiceAllocators(two, options, Clock.systemUTC(), new Random(random.nextLong()));
      Map<String, String> holder = new ConcurrentHashMap<>();
      List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        ServiceAllocators side = random.nextBoolean() ? a : b;
        boolean requested = random.nextInt(4) == 0;
        int wanted = random.nextInt(254);
        boolean release = random.nextInt(5) == 0;
        String uid = prefix + i;
        runs.add(
            pool.submit(
                () -> {
                  Claim owner = side.claimFor(uid, "default", uid);
                  String ip;
                  try {
                    ip =
                        requested
                            ? side.clusterIps().canonical(side.clusterIps().space().valueAt(wanted))
                            : side.clusterIps().allocateNext(owner);
                    if (requested) {
                      side.clusterIps().allocate(ip, owner);
                    }
                  } catch (AllocationException e) {
                    return;
                  }
                  String previous = holder.put(ip, uid);
                  if (previous != null) {
                    duplicates.add(ip + " held by " + previous + " and " + uid);
                  }
                  if (release) {
                    holder.remove(ip, uid);
                    side.clusterIps().release(ip, owner);
                  }
                }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
      pool.shutdown();
      assertThat(duplicates).as("seed %d round %d", SEED, round).isEmpty();
      Map<String, Claim> claims = a.clusterIps().snapshot();
      Set<String> prefixed = new java.util.HashSet<>();
      claims.forEach(
          (ip, claim) -> {
            if (claim.uid().startsWith(prefix)) {
              prefixed.add(ip);
              assertThat(options.serviceCidr().contains(ip)).isTrue();
            }
          });
      assertThat(prefixed).as("claims equal what is held").isEqualTo(holder.keySet());
    }
  }
}
