package dev.skiff.server.controller.allocationrepair;

import dev.skiff.server.alloc.Claim;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The repair logic of one allocator, pure (like Kubernetes' ipallocator/portallocator repair):
 * compares the claims with the values stored Services hold.
 *
 * <ul>
 *   <li>a claim whose value its owner holds is kept;
 *   <li>a claim nobody holds is released once its owner is known deleted, or once it is older than
 *       the grace period (the gap between a claim and the write that stores the Service, and the
 *       leftovers of failed or dry-run writes);
 *   <li>a value a Service holds without (or against a stale) claim is claimed for it again
 *       (restore), which is how allocations are rebuilt after a restart.
 * </ul>
 */
public final class ClaimReconciler {
  private ClaimReconciler() {}

  /** The Service holding a value. */
  public record Holder(String uid, String service) {}

  /** Put {@code next} on the value, replacing {@code replacing} (null: the value is unclaimed). */
  public record Restore(Claim next, Claim replacing) {}

  /**
   * @param releases value -> the exact claim to remove
   * @param restores value -> the claim to put
   * @param retryAfterMillis when a young unheld claim should be looked at again; -1 for never
   */
  public record Plan(
      Map<String, Claim> releases, Map<String, Restore> restores, long retryAfterMillis) {
    public boolean isEmpty() {
      return releases.isEmpty() && restores.isEmpty();
    }
  }

  /**
   * @param claims the allocator's claims
   * @param held value -> the stored Service holding it
   * @param deletedUids uids of Services known to be deleted (their claims go at once)
   * @param releaseLeaks false for a rebuild at startup, which only restores
   */
  public static Plan plan(
      Map<String, Claim> claims,
      Map<String, Holder> held,
      Set<String> deletedUids,
      long now,
      long graceMillis,
      boolean releaseLeaks) {
    Map<String, Claim> releases = new LinkedHashMap<>();
    Map<String, Restore> restores = new LinkedHashMap<>();
    long retry = -1;
    for (Map.Entry<String, Claim> e : claims.entrySet()) {
      String value = e.getKey();
      Claim claim = e.getValue();
      Holder holder = held.get(value);
      if (holder != null && holder.uid().equals(claim.uid())) {
        continue;
      }
      long age = now - claim.claimedAt();
      boolean expired = deletedUids.contains(claim.uid()) || age >= graceMillis;
      if (!expired) {
        retry = retry < 0 ? graceMillis - age : Math.min(retry, graceMillis - age);
      } else if (holder != null) {
        restores.put(value, new Restore(new Claim(holder.uid(), holder.service(), now), claim));
      } else if (releaseLeaks) {
        releases.put(value, claim);
      }
    }
    for (Map.Entry<String, Holder> e : held.entrySet()) {
      if (!claims.containsKey(e.getKey())) {
        Holder h = e.getValue();
        restores.put(e.getKey(), new Restore(new Claim(h.uid(), h.service(), now), null));
      }
    }
    return new Plan(releases, restores, releaseLeaks ? retry : -1);
  }
}
