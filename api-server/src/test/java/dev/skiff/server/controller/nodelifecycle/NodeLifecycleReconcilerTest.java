package dev.skiff.server.controller.nodelifecycle;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.FakeKubelet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLifecycleReconcilerTest {
  private static final NodeLifecycleOptions OPTIONS =
      new NodeLifecycleOptions(
          Duration.ofSeconds(1), Duration.ofSeconds(40), Duration.ofSeconds(300));
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final Node node = FakeKubelet.node("n1", labels());
  private final List<Pod> pods =
      List.of(pod("a", "127.1.0.1", true, labels()), pod("b", "127.1.0.2", false, labels()));

  @Test
  void aFreshHeartbeatChangesNothingAndRechecksWhenItWouldGoStale() {
    var d = NodeLifecycleReconciler.decide(node, T0, pods, T0.plusSeconds(10), OPTIONS);
    assertThat(d.markUnknown()).isFalse();
    assertThat(d.markNotReady()).isEmpty();
    assertThat(d.evict()).isEmpty();
    assertThat(d.recheckAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void afterTheGracePeriodTheNodeIsUnknownAndItsReadyPodsNotReady() {
    var d = NodeLifecycleReconciler.decide(node, T0, pods, T0.plusSeconds(41), OPTIONS);
    assertThat(d.markUnknown()).isTrue();
    assertThat(d.markNotReady()).extracting(p -> p.meta().name).containsExactly("a");
    assertThat(d.evict()).isEmpty();
    assertThat(d.recheckAfter()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void afterTheEvictionTimeoutThePodsAreEvicted() {
    NodeLifecycleReconciler.markUnknown(node, T0.plusSeconds(41));
    assertThat(node.status.conditions.get(0).status).isEqualTo("Unknown");
    assertThat(node.status.conditions.get(0).reason).isEqualTo("NodeStatusUnknown");
    var early = NodeLifecycleReconciler.decide(node, T0, pods, T0.plusSeconds(300), OPTIONS);
    assertThat(early.markUnknown()).isFalse();
    assertThat(early.evict()).isEmpty();
    var late = NodeLifecycleReconciler.decide(node, T0, pods, T0.plusSeconds(341), OPTIONS);
    assertThat(late.evict()).extracting(p -> p.meta().name).containsExactly("a", "b");
  }

  @Test
  void markNotReadySetsTheReadyConditionFalse() {
    Pod p = pod("a", "127.1.0.1", true, labels());
    NodeLifecycleReconciler.markNotReady(p, T0);
    assertThat(p.status.conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type).isEqualTo("Ready");
              assertThat(c.status).isEqualTo("False");
            });
  }
}
