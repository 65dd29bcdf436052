package dev.skiff.server.controller.allocationrepair;

import dev.skiff.api.model.core.Service;
import dev.skiff.server.alloc.HzAllocator;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.allocationrepair.ClaimReconciler.Holder;
import dev.skiff.server.controller.allocationrepair.ClaimReconciler.Plan;
import dev.skiff.server.controller.allocationrepair.ClaimReconciler.Restore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link ClaimReconciler} plans to the three allocators: blocking Hazelcast calls, so run
 * it on a worker. Every change is conditional on the claim it saw, so a concurrent allocation on
 * another replica is never undone.
 */
public final class AllocationRepair {
  private static final Logger LOG = LoggerFactory.getLogger(AllocationRepair.class);

  private final ServiceAllocators allocators;

  public AllocationRepair(ServiceAllocators allocators) {
    this.allocators = allocators;
  }

  /** Claims every value the stored Services hold (start-up rebuild); releases nothing. */
  public long rebuild(Collection<Service> services) {
    return run(services, Set.of(), false);
  }

  /**
   * One repair pass.
   *
   * @return milliseconds after which young unheld claims should be looked at again, or -1
   */
  public long repair(Collection<Service> services, Set<String> deletedUids) {
    return run(services, deletedUids, true);
  }

  private long run(Collection<Service> services, Set<String> deletedUids, boolean release) {
    long now = allocators.clock().millis();
    long grace = allocators.options().leakGrace().toMillis();
    Map<Service, HeldValues> held = new HashMap<>();
    services.forEach(s -> held.put(s, HeldValues.of(s, allocators)));
    long retry = -1;
    for (HzAllocator allocator : allocators.all()) {
      Map<String, Holder> holders = holders(held, allocator);
      Plan plan =
          ClaimReconciler.plan(allocator.snapshot(), holders, deletedUids, now, grace, release);
      apply(allocator, plan);
      if (plan.retryAfterMillis() >= 0) {
        retry = retry < 0 ? plan.retryAfterMillis() : Math.min(retry, plan.retryAfterMillis());
      }
    }
    return retry;
  }

  private Map<String, Holder> holders(Map<Service, HeldValues> held, HzAllocator allocator) {
    Map<String, Holder> holders = new HashMap<>();
    held.forEach(
        (svc, values) -> {
          Holder h = new Holder(svc.meta().uid, svc.meta().namespace + "/" + svc.meta().name);
          for (String value : values.in(allocators, allocator)) {
            Holder other = holders.putIfAbsent(value, h);
            if (other != null && !other.uid().equals(h.uid())) {
              LOG.warn(
                  "{} is held by both {} and {}; keeping the first",
                  value,
                  other.service(),
                  h.service());
            }
          }
        });
    return holders;
  }

  private static void apply(HzAllocator allocator, Plan plan) {
    plan.releases()
        .forEach(
            (value, claim) -> {
              if (allocator.release(value, claim)) {
                LOG.debug("released {} (was {})", value, claim.service());
              }
            });
    for (Map.Entry<String, Restore> e : plan.restores().entrySet()) {
      Restore r = e.getValue();
      boolean done =
          r.replacing() == null
              ? allocator.tryClaim(e.getKey(), r.next())
              : allocator.reassign(e.getKey(), r.replacing(), r.next());
      if (done) {
        LOG.info("restored the allocation of {} to {}", e.getKey(), r.next().service());
      }
    }
  }
}
