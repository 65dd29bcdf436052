package dev.skiff.server.controller.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.coordination.LeaseSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseRulesTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void aLeaseHeldByAnotherCountsUntilItIsUnchangedForItsDuration() {
    LeaseSpec held = LeaseRules.acquireOrRenew(null, "b", T0, Duration.ofSeconds(15));
    assertThat(LeaseRules.heldByOther(held, "a", T0, T0.plusSeconds(14))).isTrue();
    assertThat(LeaseRules.heldByOther(held, "a", T0, T0.plusSeconds(15))).isFalse();
    assertThat(LeaseRules.heldByOther(held, "b", T0, T0.plusSeconds(1))).isFalse();
  }

  @Test
  void acquiringFromAnotherCountsATransitionAndRenewingKeepsTheAcquireTime() {
    LeaseSpec first = LeaseRules.acquireOrRenew(null, "a", T0, Duration.ofSeconds(15));
    assertThat(first.leaseTransitions).isZero();
    assertThat(first.leaseDurationSeconds).isEqualTo(15);
    LeaseSpec renewed =
        LeaseRules.acquireOrRenew(first, "a", T0.plusSeconds(5), Duration.ofSeconds(15));
    assertThat(renewed.acquireTime).isEqualTo(first.acquireTime);
    assertThat(renewed.renewTime).isNotEqualTo(first.renewTime);
    assertThat(renewed.leaseTransitions).isZero();
    LeaseSpec taken =
        LeaseRules.acquireOrRenew(renewed, "b", T0.plusSeconds(30), Duration.ofSeconds(15));
    assertThat(taken.holderIdentity).isEqualTo("b");
    assertThat(taken.leaseTransitions).isEqualTo(1);
    assertThat(taken.acquireTime).isEqualTo("2025-01-01T00:00:30.000000Z");
  }

  @Test
  void aReleasedLeaseIsFreeAtOnce() {
    LeaseSpec held = LeaseRules.acquireOrRenew(null, "a", T0, Duration.ofSeconds(15));
    LeaseSpec released = LeaseRules.release(held, T0.plusSeconds(1));
    assertThat(LeaseRules.heldByOther(released, "b", T0.plusSeconds(1), T0.plusSeconds(1)))
        .isFalse();
  }
}
