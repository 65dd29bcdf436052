package dev.skiff.server.controller.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import dev.skiff.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaderElectionIT {
  @Test
  void exactlyOneReplicaLeadsAndAnotherTakesOverWhenItDies() {
    try (TestCluster cluster = TestCluster.start(TestCluster.Spec.of(3))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> leaders(cluster) == 1);
      int leader = leaderIndex(cluster);
      Lease lease =
          Await.result(
              cluster.client().get(Lease.class, "kube-system", "skiff-controller-manager"));
      assertThat(lease.spec().holderIdentity)
          .isEqualTo(cluster.replica(leader).manager().identity());
      cluster.kill(leader);
      int survivor = leader == 0 ? 1 : 0;
      KubeClient client = cluster.replica(survivor).client();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                assertThat(leadersExcept(cluster, leader)).isEqualTo(1);
                Lease now =
                    Await.result(
                        client.get(Lease.class, "kube-system", "skiff-controller-manager"));
                assertThat(now.spec().holderIdentity).isNotEqualTo(lease.spec().holderIdentity);
                assertThat(now.spec().leaseTransitions).isGreaterThanOrEqualTo(1);
              });
    }
  }

  @Test
  void aCandidateTakesAnUnrenewedLeaseOnlyAfterItsDurationOnItsOwnClock() {
    try (TestCluster cluster = TestCluster.start(TestCluster.Spec.of(1).withoutControllers())) {
      MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
      KubeClient client = cluster.client();
      LeaderOptions base =
          LeaderOptions.defaults("x")
              .withTiming(Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(1));
      AtomicInteger aStarts = new AtomicInteger();
      AtomicInteger aStops = new AtomicInteger();
      LeaderElector a = elector(cluster, client, base, "a", clock, aStarts, aStops);
      LeaderElector b =
          elector(cluster, client, base, "b", clock, new AtomicInteger(), new AtomicInteger());
      assertThat(Await.result(a.tryAcquireOrRenew())).isTrue();
      assertThat(Await.result(b.tryAcquireOrRenew())).isFalse();
      clock.advance(Duration.ofSeconds(9));
      assertThat(Await.result(b.tryAcquireOrRenew())).isFalse();
      clock.advance(Duration.ofSeconds(2));
      assertThat(Await.result(b.tryAcquireOrRenew())).isTrue();
      assertThat(Await.result(a.tryAcquireOrRenew())).isFalse();
      assertThat(aStarts).hasValue(1);
      assertThat(aStops).hasValue(1);
    }
  }

  private static LeaderElector elector(
      TestCluster cluster,
      KubeClient client,
      LeaderOptions base,
      String id,
      Clock clock,
      AtomicInteger starts,
      AtomicInteger stops) {
    LeaderOptions options =
        new LeaderOptions(
            base.namespace(),
            base.name(),
            id,
            base.leaseDuration(),
            base.renewDeadline(),
            base.retryPeriod());
    return new LeaderElector(
        cluster.replica(0).vertx(),
        client,
        options,
        clock,
        new LeaderElector.Callbacks() {
          @Override
          public void onStartedLeading() {
            starts.incrementAndGet();
          }

          @Override
          public void onStoppedLeading() {
            stops.incrementAndGet();
          }
        });
  }

  private static int leaders(TestCluster cluster) {
    return leadersExcept(cluster, -1);
  }

  private static int leadersExcept(TestCluster cluster, int dead) {
    int n = 0;
    for (int i = 0; i < cluster.size(); i++) {
      if (i != dead && cluster.replica(i).manager().isLeader()) {
        n++;
      }
    }
    return n;
  }

  private static int leaderIndex(TestCluster cluster) {
    for (int i = 0; i < cluster.size(); i++) {
      if (cluster.replica(i).manager().isLeader()) {
        return i;
      }
    }
    throw new AssertionError("no leader");
  }
}
