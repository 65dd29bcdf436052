package dev.skiff.server.controller.leader;

import dev.skiff.api.model.coordination.LeaseSpec;
import dev.skiff.api.model.meta.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The pure rules of lease-based leader election (client-go's tryAcquireOrRenew). Expiry is judged
 * by the candidate's own clock from when it last saw the lease change, never by comparing clocks
 * across replicas.
 */
public final class LeaseRules {
  private LeaseRules() {}

  /** True when someone else holds a lease that has not expired in our observation. */
  public static boolean heldByOther(LeaseSpec spec, String me, Instant observedAt, Instant now) {
    if (spec == null || spec.holderIdentity == null || spec.holderIdentity.isEmpty()) {
      return false;
    }
    if (spec.holderIdentity.equals(me)) {
      return false;
    }
    int seconds = spec.leaseDurationSeconds == null ? 0 : spec.leaseDurationSeconds;
    return observedAt.plusSeconds(seconds).isAfter(now);
  }

  /** The spec after {@code me} acquires or renews at {@code now}. */
  public static LeaseSpec acquireOrRenew(
      LeaseSpec current, String me, Instant now, Duration lease) {
    LeaseSpec next = new LeaseSpec();
    boolean renewing = current != null && me.equals(current.holderIdentity);
    int transitions =
        current == null || current.leaseTransitions == null ? 0 : current.leaseTransitions;
    next.holderIdentity = me;
    next.leaseDurationSeconds = (int) Math.max(1, lease.toSeconds());
    next.acquireTime =
        renewing && current.acquireTime != null ? current.acquireTime : Times.microTime(now);
    next.renewTime = Times.microTime(now);
    next.leaseTransitions =
        renewing || current == null || current.holderIdentity == null
            ? transitions
            : transitions + 1;
    return next;
  }

  /** The spec after {@code me} lets go: empty holder, so another candidate acquires at once. */
  public static LeaseSpec release(LeaseSpec current, Instant now) {
    LeaseSpec next = new LeaseSpec();
    next.holderIdentity = "";
    next.leaseDurationSeconds = 1;
    next.renewTime = Times.microTime(now);
    next.acquireTime = current == null ? null : current.acquireTime;
    next.leaseTransitions = current == null ? null : current.leaseTransitions;
    return next;
  }

  /** Whether two observations of a lease are the same record (holder and renew time). */
  public static boolean sameRecord(LeaseSpec a, LeaseSpec b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.holderIdentity, b.holderIdentity)
        && Objects.equals(a.renewTime, b.renewTime);
  }
}
