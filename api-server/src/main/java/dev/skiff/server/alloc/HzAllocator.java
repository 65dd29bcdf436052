package dev.skiff.server.alloc;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Hands out values of one {@link AddressSpace}, keeping every claim in a Hazelcast map (value ->
 * {@link Claim}) so that all api-server replicas share one allocation state: a claim is a {@code
 * putIfAbsent}, which one replica wins. Claims are idempotent per Service uid (a retried update
 * claims what it already holds without error). Dynamic allocation probes random values of the upper
 * band first, then scans (upper band, then the lower band) against a snapshot of the keys.
 *
 * <p>Every call is one or a few synchronous map operations: call from a worker, or accept a
 * sub-millisecond block (see {@link ServiceAllocation}).
 */
public final class HzAllocator {
  private static final int RANDOM_PROBES = 8;

  private final AddressSpace space;
  private final boolean ip;
  private final IMap<String, String> claims;
  private final RandomGenerator random;

  public HzAllocator(
      AddressSpace space, boolean ip, IMap<String, String> claims, RandomGenerator random) {
    this.space = space;
    this.ip = ip;
    this.claims = claims;
    this.random = random;
  }

  public AddressSpace space() {
    return space;
  }

  /** The canonical form of {@code value} in this space, or null when it is outside. */
  public String canonical(String value) {
    int ordinal = space.ordinalOf(value);
    return ordinal < 0 ? null : space.valueAt(ordinal);
  }

  /**
   * Claims {@code value} for {@code owner}; NEW or HELD.
   *
   * @throws AllocationException NOT_IN_RANGE, or ALLOCATED when another Service holds it
   */
  public Outcome allocate(String value, Claim owner) {
    String key = canonical(value);
    if (key == null) {
      throw AllocationException.notInRange(ip, value, space);
    }
    Outcome outcome = claim(key, owner);
    if (outcome == Outcome.TAKEN) {
      throw AllocationException.allocated(ip);
    }
    return outcome;
  }

  /**
   * Claims any free value, preferring the upper band.
   *
   * @throws AllocationException FULL
   */
  public String allocateNext(Claim owner) {
    int size = space.size();
    int band = space.staticBand();
    int upper = size - band;
    if (upper > 0) {
      for (int i = 0; i < RANDOM_PROBES; i++) {
        String candidate = space.valueAt(band + random.nextInt(upper));
        if (tryClaim(candidate, owner)) {
          return candidate;
        }
      }
    }
    Set<String> taken = claims.keySet();
    String found = scan(band, upper, taken, owner);
    if (found == null) {
      found = scan(0, band, taken, owner);
    }
    if (found == null) {
      throw AllocationException.full();
    }
    return found;
  }

  /** True when {@code owner} now holds {@code key} (newly, or already). */
  public boolean tryClaim(String key, Claim owner) {
    return claim(key, owner) != Outcome.TAKEN;
  }

  /** What a claim attempt found. */
  public enum Outcome {
    /** The value was free and is now the owner's. */
    NEW,
    /** The owner (same uid) already held it. */
    HELD,
    /** Another Service holds it. */
    TAKEN
  }

  /** Claims {@code key} (canonical, in range) for {@code owner}. */
  public Outcome claim(String key, Claim owner) {
    String previous = claims.putIfAbsent(key, owner.encode());
    if (previous == null) {
      return Outcome.NEW;
    }
    return owner.sameOwner(Claim.decode(previous)) ? Outcome.HELD : Outcome.TAKEN;
  }

  /** Releases {@code key} only if it is still exactly {@code claim} (never another's claim). */
  public boolean release(String key, Claim claim) {
    return claims.remove(key, claim.encode());
  }

  /**
   * Hands {@code key} from {@code expected} to {@code next}, only if {@code expected} still holds.
   */
  public boolean reassign(String key, Claim expected, Claim next) {
    return claims.replace(key, expected.encode(), next.encode());
  }

  /** The current holder of {@code key}, or null. */
  public Claim holder(String key) {
    return Claim.decode(claims.get(key));
  }

  /** Every claim (one cluster call). */
  public Map<String, Claim> snapshot() {
    Map<String, Claim> out = new HashMap<>();
    for (Map.Entry<String, String> e : claims.entrySet()) {
      out.put(e.getKey(), Claim.decode(e.getValue()));
    }
    return out;
  }

  private String scan(int from, int count, Set<String> taken, Claim owner) {
    if (count <= 0) {
      return null;
    }
    int start = random.nextInt(count);
    for (int i = 0; i < count; i++) {
      String candidate = space.valueAt(from + (start + i) % count);
      if (!taken.contains(candidate) && tryClaim(candidate, owner)) {
        return candidate;
      }
    }
    return null;
  }
}
